import type { Context, Services } from '../feature';
import type { Span } from '../types';
import type { Locale, Translate } from '../../i18n/catalog';
import { UserError } from '../errors';
import { parseCalendarDate, todayIn, type CalendarDate } from '../dates/calendar-date';
import type { CaseworkSettings } from '../cases/casework.settings';
import { stageLabel } from '../cases/case-stages';
import { showDate } from '../cases/case-dates';
import { sopReport, type SopGroup, type SopReport, type StageCounts } from '../cases/sop-report';
import type { Table } from './export-data';

type ViewCtx = { locale: Locale; t: Translate; services: Services };

/** `/report sop [from] [to]` and `/export sop`: the period's days (a report looks back, so a yearless day is its latest occurrence). */
export function sopPeriod(ctx: Context, args: string, usageKey: 'sop.reportUsage' | 'reports.exportUsage'): { from: CalendarDate | null; to: CalendarDate } {
  const today = todayIn(ctx.now, ctx.services.settings.timezone);
  const words = args.trim() ? args.trim().split(/\s+/) : [];
  if (words.length > 2) throw new UserError(usageKey, undefined);
  const day = (w: string) => {
    const d = parseCalendarDate(w, today, 'last');
    if (!d) throw new UserError('sop.reportBadDate', { input: w.slice(0, 40) });
    return d.date;
  };
  const from = words[0] ? day(words[0]) : null;
  const to = words[1] ? day(words[1]) : today;
  const tz = ctx.services.settings.timezone;
  if (from !== null && from > to) throw new UserError('sop.reportBackwards', { from: showDate(from, ctx.locale, tz), to: showDate(to, ctx.locale, tz) });
  return { from, to };
}

export function ruleText(c: Pick<StageCounts, 'rule' | 'count'>, t: Translate): string {
  return c.rule === 'workingDays' ? t('cases.msWorkingDays', { n: c.count }) : t('cases.msDays', { n: c.count });
}

function groupName(g: SopGroup, ctx: ViewCtx): string {
  return g.agencyId === null ? ctx.t('sop.reportNoLead') : (ctx.services.people.agencies.name(g.agencyId) ?? '?');
}

/** `回應期程公告（7 日）：如期 5、逾期 3、未完成有原因 2、未完成無原因 1；中位數 6 天`. */
export function stageLine(c: StageCounts, ctx: ViewCtx, s: CaseworkSettings): string {
  const { t } = ctx;
  const parts = [t('sop.rOnTime', { n: c.onTime }), t('sop.rLate', { n: c.late }), t('sop.rMissedReason', { n: c.missedWithReason }), t('sop.rMissedNoReason', { n: c.missedWithoutReason })];
  if (c.open) parts.push(t('sop.rOpen', { n: c.open }));
  if (c.unrecorded) parts.push(t('sop.rUnrecorded', { n: c.unrecorded }));
  const median = c.medianDays === null ? t('sop.rNoMedian') : t('sop.rMedian', { n: c.medianDays });
  return t('sop.rStage', { stage: stageLabel(c.stage, s, ctx.locale), rule: ruleText(c, t), counts: parts.join(t('common.separator')), median });
}

export function groupHead(g: SopGroup, ctx: ViewCtx, total = false): string {
  const name = total ? ctx.t('sop.reportAll') : groupName(g, ctx);
  return ctx.t('sop.rGroup', { name, n: g.cases }) + (g.extensions ? ctx.t('sop.rExtensions', { n: g.extensions, cases: g.extendedCases }) : '');
}

/** 國發會's own sentence: "12 案：7 案未於 7 日內完成「回應期程公告」；…". */
export function headline(r: SopReport, ctx: ViewCtx, s: CaseworkSettings): string {
  const { t, locale } = ctx;
  const misses = r.total.stages.map((c) => t('sop.rMissCount', { n: c.late + c.missedWithReason + c.missedWithoutReason, rule: ruleText(c, t), stage: stageLabel(c.stage, s, locale) }));
  return t('sop.rHeadline', { n: r.total.cases, misses: misses.join(t('sop.listSeparator')) });
}

export function periodText(r: Pick<SopReport, 'from' | 'to'>, ctx: ViewCtx): string {
  const tz = ctx.services.settings.timezone;
  const to = showDate(r.to, ctx.locale, tz);
  return r.from === null ? ctx.t('sop.rPeriodUntil', { to }) : ctx.t('sop.rPeriod', { from: showDate(r.from, ctx.locale, tz), to });
}

/** The report as a chat answer. */
export function sopReportText(ctx: Context, s: CaseworkSettings, args: string): Span[] {
  const { from, to } = sopPeriod(ctx, args, 'sop.reportUsage');
  const r = sopReport(ctx.services, s, ctx.now, from, to);
  const text: Span[] = [{ bold: ctx.t('sop.rTitle', { period: periodText(r, ctx) }) }];
  if (!r.total.cases) return [...text, '\n', ctx.t('sop.rEmpty')];
  text.push('\n', headline(r, ctx, s));
  const groups: [SopGroup, boolean][] = [[r.total, true], ...r.agencies.map((g): [SopGroup, boolean] => [g, false])];
  for (const [g, total] of groups) {
    text.push('\n\n', { bold: groupHead(g, ctx, total) });
    for (const c of g.stages) text.push('\n・', stageLine(c, ctx, s));
  }
  return text;
}

/** `/export sop`: one row per group and milestone, the total first. */
export function sopTable(ctx: Context, s: CaseworkSettings, args: string): Table {
  const { from, to } = sopPeriod(ctx, args, 'reports.exportUsage');
  const r = sopReport(ctx.services, s, ctx.now, from, to);
  const rows: Table['rows'] = [];
  const groups: [SopGroup, string | null][] = [[r.total, null], ...r.agencies.map((g): [SopGroup, string | null] => [g, g.agencyId === null ? ctx.t('sop.reportNoLead') : (ctx.services.people.agencies.name(g.agencyId) ?? null)])];
  for (const [g, agency] of groups) {
    for (const c of g.stages) {
      rows.push({
        period_from: r.from,
        period_to: r.to,
        agency: agency ?? ctx.t('sop.reportAll'),
        cases: g.cases,
        stage: c.stage,
        stage_label: stageLabel(c.stage, s, ctx.locale),
        rule: ruleText(c, ctx.t),
        on_time: c.onTime,
        late: c.late,
        missed_with_reason: c.missedWithReason,
        missed_without_reason: c.missedWithoutReason,
        open: c.open,
        unrecorded: c.unrecorded,
        median_days: c.medianDays,
        extensions: g.extensions,
        extended_cases: g.extendedCases,
      });
    }
  }
  const columns = ['period_from', 'period_to', 'agency', 'cases', 'stage', 'stage_label', 'rule', 'on_time', 'late', 'missed_with_reason', 'missed_without_reason', 'open', 'unrecorded', 'median_days', 'extensions', 'extended_cases'];
  return { columns, rows };
}
