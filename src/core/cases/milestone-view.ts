import type { Services } from '../feature';
import type { Locale, Translate } from '../../i18n/catalog';
import type { Case, CaseEvent } from './case';
import { showDate } from './case-dates';
import { stageLabel } from './case-stages';
import type { CaseworkSettings } from './casework.settings';
import { caseMilestones, type Milestone } from './milestones';
import { rolledForwardNote } from '../calendar/period-deadline';

type ViewCtx = { now: Date; locale: Locale; t: Translate; services: Services };

/** 如期（6月5日） / 逾期 3 天 / ⚠️ 未完成 / 未記錄. */
export function milestoneState(m: Milestone, ctx: ViewCtx): string {
  const { t, locale, services } = ctx;
  const tz = services.settings.timezone;
  const st = m.state;
  switch (st.kind) {
    case 'open':
      return t('cases.msOpen', { n: st.daysLeft });
    case 'onTime':
      return t('cases.msOnTime', { on: showDate(st.on, locale, tz) });
    case 'late':
      return t('cases.msLate', { n: st.days, on: showDate(st.on, locale, tz) });
    case 'missed':
      return t('cases.msMissed', { n: st.days });
    case 'unrecorded':
      return t('cases.msUnrecorded');
  }
}

/** `回應期程公告：2026年6月8日（一） 前（7 日）— 如期（2026年6月5日（五））`. */
export function milestoneLine(m: Milestone, ctx: ViewCtx, s: CaseworkSettings): string {
  const { t, locale, services } = ctx;
  const due = showDate(m.due, locale, services.settings.timezone) + (m.due === m.period.deadline ? rolledForwardNote(m.period, services.calendar, t) : '');
  const rule = m.rule === 'workingDays' ? t('cases.msWorkingDays', { n: m.count }) : t('cases.msDays', { n: m.count });
  const state = milestoneState(m, ctx) + (m.reason !== undefined ? t('sop.msReason', { text: m.reason }) : '');
  return t('cases.msLine', { stage: stageLabel(m.stage, s, locale), due, rule, state });
}

export function milestonesOf(c: Case, events: readonly CaseEvent[], ctx: ViewCtx, s: CaseworkSettings): Milestone[] {
  return caseMilestones(c, events, s, ctx.services.calendar, ctx.now, ctx.services.settings.timezone);
}
