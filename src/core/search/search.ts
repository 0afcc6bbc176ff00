import type { Services } from '../feature';
import type { Locale } from '../../i18n/catalog';
import type { ActionItem } from '../actions/action-item';
import type { CaseEvent } from '../cases/case';
import { formatCaseNumber } from '../cases/case-number';
import { formatDate } from '../../i18n/format-date';
import { containsAll, snippet, type SnippetPart } from './snippet';
import { SEARCH_KINDS, type SearchKind, type SearchRow } from './search.port';
import type { SearchQuery } from './search-query';

/**
 * What the asker may see, asked hit by hit: the web passes its visibility rule
 * (src/web/visibility.ts), the chat a member's view (everything).
 */
export interface SearchScope {
  /** Whether any hit of this kind could be shown (a section closed to the asker skips the kind). */
  kind(k: SearchKind): boolean;
  issue(): boolean;
  case(): boolean;
  /** One entry of a case's timeline (its case already visible). */
  caseEvent(e: CaseEvent): boolean;
  /** A follow-up item as the asker may see it, or undefined. */
  item(i: ActionItem): ActionItem | undefined;
  /** What was recorded in this meeting (its speeches and decisions). */
  record(meetingId: number): boolean;
}

/** A member sees everything in chat. */
export const MEMBER_SCOPE: SearchScope = {
  kind: () => true,
  issue: () => true,
  case: () => true,
  caseEvent: () => true,
  item: (i) => i,
  record: () => true,
};

export interface SearchResult {
  kind: SearchKind;
  /** The page that shows it (a speech: its permalink), or undefined when no page does. */
  path: string | undefined;
  /** What it is: `#12 title`, `第三案 title`, the meeting and speaker. */
  title: string;
  snippet: SnippetPart[];
  /** When it was said or written, for display. */
  at: Date;
}

export interface SearchGroup {
  kind: SearchKind;
  results: SearchResult[];
  /** More hits of this kind past these. */
  more: boolean;
}

/** Candidates read per kind at most: a query that mostly matches hidden records stops here. */
const MAX_SCANNED = 2000;

/**
 * Searches every kind the asker may see: per kind, `limit` results after skipping `offset`
 * visible ones, best first. A hit is shown only if the text the asker may see still contains
 * every word (a released item's note hidden until its meeting's record is published, say).
 */
export function search(services: Services, locale: Locale, scope: SearchScope, q: SearchQuery, opts: { limit: number; offset?: number; kinds?: readonly SearchKind[] }): SearchGroup[] {
  const groups: SearchGroup[] = [];
  for (const kind of opts.kinds ?? SEARCH_KINDS) {
    if (!scope.kind(kind)) continue;
    const skip = opts.offset ?? 0;
    const results: SearchResult[] = [];
    let visible = 0;
    let more = false;
    // Enough candidates for the page (and one to know there are more) if all are visible; hidden
    // ones are skipped and the next round, twice as large, read.
    for (let offset = 0, batch = skip + opts.limit + 1; offset < MAX_SCANNED && !more; offset += batch, batch *= 2) {
      const rows = services.store.search.find(kind, q.terms, { offset, limit: batch });
      for (const row of rows) {
        const r = resolve(services, locale, scope, kind, row, q.terms);
        if (!r) continue;
        visible++;
        if (visible <= skip) continue;
        if (results.length === opts.limit) {
          more = true;
          break;
        }
        results.push(r);
      }
      if (rows.length < batch) break;
    }
    if (results.length || more) groups.push({ kind, results, more });
  }
  return groups;
}

function result(kind: SearchKind, path: string | undefined, title: string, text: string, terms: readonly string[], at: Date): SearchResult | undefined {
  if (!containsAll(text, terms)) return undefined;
  return { kind, path, title, snippet: snippet(text, terms), at };
}

/** A minutes line's permalink: its meeting's page at its number (its place among all the lines, struck ones included, as the page numbers them). */
export function linePath(meetingId: number, no: number): string {
  return `/meetings/${meetingId}#s${no}`;
}

function resolve(services: Services, locale: Locale, scope: SearchScope, kind: SearchKind, row: SearchRow, terms: readonly string[]): SearchResult | undefined {
  const { store } = services;
  const tz = services.settings.timezone;
  switch (row.source) {
    case 'issue': {
      const i = store.issues.get(row.id);
      if (!i || !scope.issue()) return undefined;
      return result(kind, `/issues/${i.id}`, `#${i.id} ${i.title}`, `${i.title}\n${i.details}`, terms, i.createdAt);
    }
    case 'case': {
      const c = store.cases.get(row.id);
      if (!c || !scope.case()) return undefined;
      return result(kind, `/cases/${c.number}`, `${formatCaseNumber(c.number, locale)} ${c.title}`, c.title, terms, c.selectedAt);
    }
    case 'note': {
      const e = store.search.caseEvent(row.id);
      const c = e && store.cases.get(e.caseId);
      if (!e || !c || e.detail.kind !== 'note' || !scope.case() || !scope.caseEvent(e)) return undefined;
      return result(kind, `/cases/${c.number}`, `${formatCaseNumber(c.number, locale)} ${c.title}`, e.detail.text, terms, e.at);
    }
    case 'item': {
      const found = store.actions.get(row.id);
      const i = found && scope.item(found);
      if (!i) return undefined;
      // The case is named only to those who may see cases (an item of a published record may be public without it).
      const c = i.caseId !== null && scope.case() ? store.cases.get(i.caseId) : undefined;
      const agency = i.ownerAgencyId !== null ? services.people.agencies.byId.get(i.ownerAgencyId) : undefined;
      const path = c ? `/cases/${c.number}` : i.meetingId !== null ? `/meetings/${i.meetingId}` : agency ? `/agencies/${encodeURIComponent(agency.code)}` : undefined;
      const title = [c ? `${formatCaseNumber(c.number, locale)} ${c.title}` : undefined, agency?.name].filter(Boolean).join(' · ') || `#${i.id}`;
      const text = i.status === 'done' && i.doneNote ? `${i.text}\n${i.doneNote}` : i.text;
      return result(kind, path, title, text, terms, i.createdAt);
    }
    case 'line': {
      const l = store.search.line(row.id);
      // A struck line leaves the index by trigger; asked again here as the published record asks it.
      if (!l || l.line.struck || !scope.record(l.meetingId)) return undefined;
      const m = store.meetings.get(l.meetingId);
      const when = formatDate(l.line.at, locale, tz);
      const where = m ? `${m.title} ${when}` : when;
      const title = l.line.kind === 'decision' ? where : `${l.line.speaker} · ${where}`;
      return result(kind, linePath(l.meetingId, l.ordinal), title, l.line.text, terms, l.line.at);
    }
  }
}
