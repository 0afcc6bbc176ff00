import type { Command, Services } from '../feature';
import type { Locale, Translate } from '../../i18n/catalog';
import type { Span } from '../types';
import { formatDate } from '../../i18n/format-date';
import type { CaseworkSettings } from '../cases/casework.settings';
import { isAnswered, stageLabel } from '../cases/case-stages';
import { daysLeft, isOverdue } from '../cases/case-dates';
import { caseLine } from '../cases/case-view';
import { formatCaseNumber } from '../cases/case-number';
import { actionLine, isItemOverdue } from '../actions/action-view';

const WEEK = 7 * 86_400_000;
const TOP = 5;
const LIMIT = 15;

/** What a digest is compiled with: a command's context or a scheduled job's. */
export interface DigestCtx {
  now: Date;
  locale: Locale;
  t: Translate;
  services: Services;
}

/** The digest's parts, by id, so a reader that may not see proposals (the public web) can leave those out. */
export type DigestSectionId = 'newIssues' | 'mergedIssues' | 'topIssues' | 'casesByStage' | 'deadlinesSoon' | 'overdueCases' | 'overdueItems';

export interface DigestSection {
  id: DigestSectionId;
  title: string;
  lines: Span[][];
  /** Lines left out after the shown ones. */
  more: number;
}

/** The sections about proposals (議題): internal unless the web makes issues public. */
export const ISSUE_SECTIONS: ReadonlySet<DigestSectionId> = new Set(['newIssues', 'mergedIssues', 'topIssues']);

/**
 * The weekly digest for the Digital Minister's Monday report to the Premier — new issues, the
 * most supported ones, cases by stage, deadlines coming up, overdue follow-ups, section by
 * section. `skip` leaves sections out without querying for them.
 */
export function digestSections(ctx: DigestCtx, s: CaseworkSettings, skip: ReadonlySet<DigestSectionId> = new Set()): DigestSection[] {
  const { t, locale, now } = ctx;
  const { store, settings } = ctx.services;
  const tz = settings.timezone;
  const from = new Date(now.getTime() - WEEK);
  const out: DigestSection[] = [];
  const section = (id: DigestSectionId, title: string, lines: Span[][], more = 0) => out.push({ id, title, lines, more: Math.max(0, more) });
  const line = (id: number, title: string, votes: number, agencies: number): Span[] => [t('reports.issueLine', { id, title, votes, agencies })];

  if (!skip.has('newIssues')) {
    // Only this week's, counted by the store: the digest must not read every issue ever proposed.
    const fresh = store.issues.list({ createdSince: from, order: 'newest', limit: LIMIT });
    section(
      'newIssues',
      t('reports.newIssues', { n: fresh.total }),
      fresh.rows.map((r) => line(r.issue.id, r.issue.title, r.tally.votes, r.tally.agencies)),
      fresh.total - fresh.rows.length,
    );
  }

  // Shown only in a week with merges: where an issue's votes went is news, an empty list is not.
  const merges = skip.has('mergedIssues') ? [] : store.issues.eventsSince('mergedInto', from);
  if (merges.length) {
    section(
      'mergedIssues',
      t('reports.mergedIssues', { n: merges.length }),
      merges.map((e) => {
        const d = e.detail as Extract<typeof e.detail, { kind: 'mergedInto' }>;
        return [t('reports.mergeLine', { from: e.issueId, fromTitle: store.issues.get(e.issueId)?.title ?? '?', into: d.into, intoTitle: d.title, moved: d.moved })];
      }),
    );
  }

  if (!skip.has('topIssues')) {
    const order = settings.voting.countBy === 'agency' ? 'agencies' : 'votes';
    const top = store.issues.list({ status: 'open', order, limit: TOP }).rows.filter((r) => r.tally.votes > 0);
    section('topIssues', t('reports.topIssues', { n: TOP }), top.map((r) => line(r.issue.id, r.issue.title, r.tally.votes, r.tally.agencies)));
  }

  const cases = store.cases.list();
  const byStage: Span[][] = [];
  for (const st of s.stages) {
    const here = cases.filter((c) => c.stage === st.id);
    if (here.length) byStage.push([t('reports.stageLine', { stage: stageLabel(st.id, s, locale), n: here.length, cases: here.map((c) => formatCaseNumber(c.number, locale)).join(t('common.separator')) })]);
  }
  if (!skip.has('casesByStage')) section('casesByStage', t('reports.casesByStage', { n: cases.length }), byStage);

  const soon = cases.filter((c) => c.deadline && !isAnswered(c, s) && daysLeft(c.deadline, now, tz) >= 0 && daysLeft(c.deadline, now, tz) <= s.reportHorizonDays);
  if (!skip.has('deadlinesSoon')) section('deadlinesSoon', t('reports.deadlinesSoon', { days: s.reportHorizonDays, n: soon.length }), soon.map((c) => caseLine(c, ctx, s)));

  const late = cases.filter((c) => isOverdue(c, now, tz, s));
  if (!skip.has('overdueCases')) section('overdueCases', t('reports.overdueCases', { n: late.length }), late.map((c) => caseLine(c, ctx, s)));

  if (!skip.has('overdueItems')) {
    const lateItems = store.actions.list({ status: 'open' }).filter((i) => isItemOverdue(i, now, tz));
    section('overdueItems', t('reports.overdueItems', { n: lateItems.length }), lateItems.slice(0, LIMIT).map((i) => actionLine(i, ctx)), lateItems.length - LIMIT);
  }
  return out;
}

/** The digest's heading: 週報 from a week ago to now. */
export function digestHeader(ctx: DigestCtx): string {
  const tz = ctx.services.settings.timezone;
  return ctx.t('reports.header', { from: formatDate(new Date(ctx.now.getTime() - WEEK), ctx.locale, tz), to: formatDate(ctx.now, ctx.locale, tz) });
}

/** The digest as one chat message (/report and the weekly post). */
export function weeklyDigest(ctx: DigestCtx, s: CaseworkSettings): Span[] {
  const text: Span[] = [{ bold: '📊 ' + digestHeader(ctx) }];
  for (const sec of digestSections(ctx, s)) {
    text.push('\n\n', { bold: sec.title });
    if (!sec.lines.length) text.push('\n', ctx.t('common.none'));
    for (const l of sec.lines) text.push('\n', ...l);
    if (sec.more > 0) text.push('\n', ctx.t('common.listMore', { n: sec.more }));
  }
  return text;
}

/** /report: the digest, on demand. */
export function reportCommand(s: CaseworkSettings): Command {
  return {
    name: 'report',
    description: 'reports.helpReport',
    handle: (ctx) => ({ type: 'reply', message: { text: weeklyDigest(ctx, s) } }),
  };
}
