import type { Command, Services } from '../feature';
import type { Locale, Translate } from '../../i18n/catalog';
import type { Span } from '../types';
import { addDays, instantAt, todayIn, weekdayOf } from '../dates/calendar-date';
import { showDate } from '../cases/case-dates';
import { isClosed } from '../cases/case-stages';
import type { Case } from '../cases/case';
import type { CalendarDate } from '../dates/calendar-date';
import { issueMark } from '../issues/issue-state';
import type { CaseworkSettings } from '../cases/casework.settings';
import { isAnswered, stageLabel } from '../cases/case-stages';
import { daysLeft, isOverdue } from '../cases/case-dates';
import { caseLine } from '../cases/case-view';
import { sopReportText } from './sop-report.view';
import { actionLine } from '../actions/action-view';
import type { ActionItem } from '../actions/action-item';
import { ballotDigestLine } from '../ballot/ballot-digest';

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
export type DigestSectionId = 'newIssues' | 'mergedIssues' | 'monthlyBallot' | 'topIssues' | 'casesByStage' | 'deadlinesSoon' | 'overdueCases' | 'overdueItems';

export interface DigestSection {
  id: DigestSectionId;
  title: string;
  lines: Span[][];
  /** Lines left out after the shown ones. */
  more: number;
}

/** The sections about proposals (議題): internal unless the web makes issues public. */
export const ISSUE_SECTIONS: ReadonlySet<DigestSectionId> = new Set(['newIssues', 'mergedIssues', 'monthlyBallot', 'topIssues']);

/**
 * The week a digest reports on: Monday to Sunday of the last complete week in the configured
 * zone (on Monday morning, the seven days that just ended), as days and as [from, to) instants.
 */
export function reportWeek(now: Date, timeZone: string): { monday: CalendarDate; sunday: CalendarDate; from: Date; to: Date } {
  const today = todayIn(now, timeZone);
  const thisMonday = addDays(today, -((weekdayOf(today) + 6) % 7));
  const monday = addDays(thisMonday, -7);
  return { monday, sunday: addDays(thisMonday, -1), from: instantAt(monday, '00:00', timeZone), to: instantAt(thisMonday, '00:00', timeZone) };
}

/**
 * The weekly digest for the Digital Minister's Monday report to the Premier — new issues, the
 * most supported ones, cases by stage, deadlines coming up, overdue follow-ups, section by
 * section. `skip` leaves sections out without querying for them.
 */
export function digestSections(
  ctx: DigestCtx,
  s: CaseworkSettings,
  skip: ReadonlySet<DigestSectionId> = new Set(),
  /**
   * Every case (store.cases.list()), when the caller has already read them: not read twice;
   * and which follow-up items the reader may see (the public web pages), default all.
   */
  loaded: { cases?: readonly Case[]; item?: (i: ActionItem) => boolean } = {},
): DigestSection[] {
  const { t, locale, now } = ctx;
  const { store, settings } = ctx.services;
  const tz = settings.timezone;
  const { from, to } = reportWeek(now, tz);
  const out: DigestSection[] = [];
  const section = (id: DigestSectionId, title: string, lines: Span[][], more = 0) => out.push({ id, title, lines, more: Math.max(0, more) });
  const line = (id: number, title: string, votes: number, agencies: number): Span[] => [t('reports.issueLine', { id, title, votes, agencies })];

  if (!skip.has('newIssues')) {
    // Only that week's, counted by the store: the digest must not read every issue ever proposed.
    // Whatever became of them since (withdrawn, merged, selected) is marked, so the count and
    // the lines agree.
    const fresh = store.issues.list({ createdSince: from, createdBefore: to, order: 'newest', limit: LIMIT });
    section(
      'newIssues',
      t('reports.newIssues', { n: fresh.total }),
      fresh.rows.map((r) => {
        const mark = issueMark(r.issue, ctx);
        return [...line(r.issue.id, r.issue.title, r.tally.votes, r.tally.agencies), ...(mark ? [t('issues.listMark', { mark })] : [])];
      }),
      fresh.total - fresh.rows.length,
    );
  }

  // Shown only in a week with merges: where an issue's votes went is news, an empty list is not.
  // The week's only: a /report asked for on Tuesday does not show Tuesday's merges.
  const merges = skip.has('mergedIssues') ? [] : store.issues.eventsSince('mergedInto', from).filter((e) => e.at.getTime() < to.getTime());
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

  // Shown only in a week whose 月會 voted: the totals, the ranking, what it chose and what agencies handle themselves.
  const ballots = skip.has('monthlyBallot') ? [] : store.ballots.closedBetween(from, to);
  if (ballots.length) section('monthlyBallot', t('reports.monthlyBallot', { n: ballots.length }), ballots.map((b) => ballotDigestLine(b, ctx)));

  if (!skip.has('topIssues')) {
    const order = settings.voting.countBy === 'agency' ? 'agencies' : 'votes';
    const top = store.issues.list({ status: 'open', order, limit: TOP }).rows.filter((r) => r.tally.votes > 0);
    // 「前 5」 over three lines read as a miscount: the heading says how many are listed.
    // None with a vote: no count to give (「前 5」 over （無） read as a promise not kept).
    section('topIssues', top.length ? t('reports.topIssues', { n: top.length }) : t('reports.topIssuesNone'), top.map((r) => line(r.issue.id, r.issue.title, r.tally.votes, r.tally.agencies)));
  }

  // Every open case, and those closed since the week began, one line each (number, title,
  // stage, lead agency, deadline) under its stage: what the Monday report lists.
  const caseSections = (['casesByStage', 'deadlinesSoon', 'overdueCases'] as const).filter((id) => !skip.has(id));
  const cases = caseSections.length ? (loaded.cases ?? store.cases.list()) : [];
  if (!skip.has('casesByStage')) {
    const groups = casesAtWeekEnd(cases, ctx, s);
    const byStage: Span[][] = [];
    for (const g of groups) {
      byStage.push([t('reports.stageLine', { stage: stageLabel(g.stage, s, locale), n: g.cases.length })]);
      for (const c of g.cases) byStage.push(['・', ...caseLine(c, ctx, s)]);
    }
    section('casesByStage', t('reports.casesByStage', { n: groups.reduce((n, g) => n + g.cases.length, 0) }), byStage);
  }

  if (!skip.has('deadlinesSoon')) {
    const soon = cases.filter((c) => {
      if (!c.deadline || isAnswered(c, s)) return false;
      const n = daysLeft(c.deadline, now, tz);
      return n >= 0 && n <= s.reportHorizonDays;
    });
    section('deadlinesSoon', t('reports.deadlinesSoon', { days: s.reportHorizonDays, n: soon.length }), soon.slice(0, LIMIT).map((c) => caseLine(c, ctx, s)), soon.length - LIMIT);
  }

  if (!skip.has('overdueCases')) {
    const late = cases.filter((c) => isOverdue(c, now, tz, s));
    section('overdueCases', t('reports.overdueCases', { n: late.length }), late.slice(0, LIMIT).map((c) => caseLine(c, ctx, s)), late.length - LIMIT);
  }

  if (!skip.has('overdueItems')) {
    // Overdue = open and due before today (isItemOverdue): the store counts them and hands over
    // the first LIMIT, rather than the digest reading every open item.
    let late = store.actions.openDueBefore(todayIn(now, tz), LIMIT);
    // Some hidden from this reader: counted and listed from those they may see.
    if (loaded.item && (late.total > late.rows.length || !late.rows.every(loaded.item))) {
      const seen = store.actions.openDueBefore(todayIn(now, tz), late.total).rows.filter(loaded.item);
      late = { rows: seen.slice(0, LIMIT), total: seen.length };
    }
    section('overdueItems', t('reports.overdueItems', { n: late.total }), late.rows.map((i) => actionLine(i, ctx)), late.total - late.rows.length);
  }
  return out;
}

/**
 * Every open case, and those closed since the report week began, under their stage in the
 * configured order, as they are now (the web overview's counts per stage).
 */
export function casesInStages(cases: readonly Case[], ctx: Pick<DigestCtx, 'now' | 'services'>, s: CaseworkSettings): { stage: string; cases: Case[] }[] {
  const { from } = reportWeek(ctx.now, ctx.services.settings.timezone);
  const shown = cases.filter((c) => !isClosed(c, s) || c.updatedAt.getTime() >= from.getTime());
  return s.stages.map((st) => ({ stage: st.id, cases: shown.filter((c) => c.stage === st.id) })).filter((g) => g.cases.length > 0);
}

/**
 * What the digest's "cases by stage" covers, as the report week ended: every case open then,
 * and those closed during the week, under the stage they were in, in the configured order
 * (stages with none left out). Asked for later in the week, cases selected or closed since are
 * not in it: the report is the week's, whenever it is read.
 */
export function casesAtWeekEnd(cases: readonly Case[], ctx: Pick<DigestCtx, 'now' | 'services'>, s: CaseworkSettings): { stage: string; cases: Case[] }[] {
  const { from, to } = reportWeek(ctx.now, ctx.services.settings.timezone);
  const shown: Case[] = [];
  for (const c of cases) {
    if (c.selectedAt.getTime() >= to.getTime()) continue;
    // Unchanged since the week ended (nearly every case): as it is now.
    if (c.updatedAt.getTime() < to.getTime()) {
      if (!isClosed(c, s) || c.updatedAt.getTime() >= from.getTime()) shown.push(c);
      continue;
    }
    const stages = ctx.services.store.cases.events(c.id).filter((e) => e.detail.kind === 'stage');
    const after = stages.find((e) => e.at.getTime() >= to.getTime());
    const stage = after && after.detail.kind === 'stage' ? after.detail.from : c.stage;
    const asOf = { ...c, stage };
    const lastChange = stages.filter((e) => e.at.getTime() < to.getTime()).at(-1);
    if (!isClosed(asOf, s) || (lastChange !== undefined && lastChange.at.getTime() >= from.getTime())) shown.push(asOf);
  }
  return s.stages.map((st) => ({ stage: st.id, cases: shown.filter((c) => c.stage === st.id) })).filter((g) => g.cases.length > 0);
}

/** The digest's heading: 週報 for the week it covers, Monday to Sunday. */
export function digestHeader(ctx: DigestCtx): string {
  const tz = ctx.services.settings.timezone;
  const week = reportWeek(ctx.now, tz);
  return ctx.t('reports.header', { from: showDate(week.monday, ctx.locale, tz), to: showDate(week.sunday, ctx.locale, tz) });
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
    handle: (ctx, args) => {
      // `/report sop [from] [to]`: the Join SOP compliance table (issue 26); anything else, the digest.
      const sop = /^\s*sop(?:\s+([\s\S]*))?$/i.exec(args);
      if (sop) return { type: 'reply', message: { text: sopReportText(ctx, s, sop[1] ?? '') } };
      return { type: 'reply', message: { text: weeklyDigest(ctx, s) } };
    },
  };
}
