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

/**
 * The weekly digest for the Digital Minister's Monday report to the Premier — new issues, the
 * most supported ones, cases by stage, deadlines coming up, overdue follow-ups. Shown by
 * /report and posted by itself each week (weekly-report.job.ts).
 */
export function weeklyDigest(ctx: DigestCtx, s: CaseworkSettings): Span[] {
  const { t, locale, now } = ctx;
  const { store, settings } = ctx.services;
  const tz = settings.timezone;
  const from = new Date(now.getTime() - WEEK);
  const text: Span[] = [{ bold: '📊 ' + t('reports.header', { from: formatDate(from, locale, tz), to: formatDate(now, locale, tz) }) }];
  const section = (title: string, lines: Span[][], more = 0) => {
    text.push('\n\n', { bold: title });
    if (!lines.length) text.push('\n', t('common.none'));
    for (const l of lines) text.push('\n', ...l);
    if (more > 0) text.push('\n', t('common.listMore', { n: more }));
  };
  const line = (id: number, title: string, votes: number, agencies: number): Span[] => [t('reports.issueLine', { id, title, votes, agencies })];

  const all = store.issues.list({ order: 'newest', limit: Number.MAX_SAFE_INTEGER }).rows;
  const fresh = all.filter((r) => r.issue.createdAt.getTime() >= from.getTime());
  section(
    t('reports.newIssues', { n: fresh.length }),
    fresh.slice(0, LIMIT).map((r) => line(r.issue.id, r.issue.title, r.tally.votes, r.tally.agencies)),
    fresh.length - LIMIT,
  );

  // Shown only in a week with merges: where an issue's votes went is news, an empty list is not.
  const merges = store.issues.eventsSince('mergedInto', from);
  if (merges.length) {
    section(
      t('reports.mergedIssues', { n: merges.length }),
      merges.map((e) => {
        const d = e.detail as Extract<typeof e.detail, { kind: 'mergedInto' }>;
        return [t('reports.mergeLine', { from: e.issueId, fromTitle: store.issues.get(e.issueId)?.title ?? '?', into: d.into, intoTitle: d.title, moved: d.moved })];
      }),
    );
  }

  const order = settings.voting.countBy === 'agency' ? 'agencies' : 'votes';
  const top = store.issues.list({ status: 'open', order, limit: TOP }).rows.filter((r) => r.tally.votes > 0);
  section(t('reports.topIssues', { n: TOP }), top.map((r) => line(r.issue.id, r.issue.title, r.tally.votes, r.tally.agencies)));

  const cases = store.cases.list();
  const byStage: Span[][] = [];
  for (const st of s.stages) {
    const here = cases.filter((c) => c.stage === st.id);
    if (here.length) byStage.push([t('reports.stageLine', { stage: stageLabel(st.id, s, locale), n: here.length, cases: here.map((c) => formatCaseNumber(c.number, locale)).join(t('common.separator')) })]);
  }
  section(t('reports.casesByStage', { n: cases.length }), byStage);

  const soon = cases.filter((c) => c.deadline && !isAnswered(c, s) && daysLeft(c.deadline, now, tz) >= 0 && daysLeft(c.deadline, now, tz) <= s.reportHorizonDays);
  section(t('reports.deadlinesSoon', { days: s.reportHorizonDays, n: soon.length }), soon.map((c) => caseLine(c, ctx, s)));

  const late = cases.filter((c) => isOverdue(c, now, tz, s));
  section(t('reports.overdueCases', { n: late.length }), late.map((c) => caseLine(c, ctx, s)));

  const lateItems = store.actions.list({ status: 'open' }).filter((i) => isItemOverdue(i, now, tz));
  section(t('reports.overdueItems', { n: lateItems.length }), lateItems.slice(0, LIMIT).map((i) => actionLine(i, ctx)), lateItems.length - LIMIT);
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
