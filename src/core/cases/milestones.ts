import type { Case, CaseEvent } from './case';
import type { CalendarDate } from '../dates/calendar-date';
import { daysBetween, todayIn } from '../dates/calendar-date';
import type { OfficeCalendar } from '../calendar/office-calendar';
import { periodDeadline, workingDaysDeadline, type PeriodDeadline } from '../calendar/period-deadline';
import type { CaseworkSettings } from './casework.settings';

// The Join SOP clock as 國發會 audits it: after a petition passes, the schedule notice, the
// contact with the proposer and the answer each have a day. A milestone is met the day the case
// first reaches its stage or a later one; going back a stage later does not undo that.

export type MilestoneState =
  /** Not reached, and its day has not passed. */
  | { kind: 'open'; daysLeft: number }
  | { kind: 'onTime'; on: CalendarDate }
  | { kind: 'late'; on: CalendarDate; days: number }
  /** Not reached, its day passed `days` days ago. */
  | { kind: 'missed'; days: number }
  /** The case was recorded after the milestone's day (backfilled history): nobody knows. */
  | { kind: 'unrecorded' };

export interface Milestone {
  stage: string;
  /** How the period counts: calendar days, working days, or the answer (the case's deadline). */
  rule: 'days' | 'workingDays' | 'answer';
  count: number;
  period: PeriodDeadline;
  /** The day it is due: the period's deadline, or for the answer the case's deadline. */
  due: CalendarDate;
  state: MilestoneState;
  /** The latest reason given for missing it (`/case N reason`), if any. */
  reason?: string;
}

/** Index of the stage from which the petition counts as answered (as isAnswered decides). */
export function answerStageIndex(s: CaseworkSettings): number {
  const marked = s.stages.findIndex((x) => x.answersPetition);
  return marked < 0 ? s.stages.length - 1 : marked;
}

/** The moment the case first reached stage index `at` or a later one, if it has. */
function reachedAt(c: Case, events: readonly CaseEvent[], at: number, s: CaseworkSettings): Date | undefined {
  const index = (id: string) => s.stages.findIndex((x) => x.id === id);
  for (const e of events) if (e.detail.kind === 'stage' && index(e.detail.to) >= at) return e.at;
  // Selected straight into a later stage (or a stage renamed in the configuration): it was
  // there from the start.
  if (index(c.stage) >= at) return c.selectedAt;
  return undefined;
}

/**
 * The case's milestones in stage order (the configured ones, then the answer), with how each
 * stands today. None until the case has a passed date.
 */
export function caseMilestones(c: Case, events: readonly CaseEvent[], s: CaseworkSettings, calendar: OfficeCalendar, now: Date, timeZone: string): Milestone[] {
  const passed = c.petitionPassedOn;
  if (!passed) return [];
  const today = todayIn(now, timeZone);
  const recordedFrom = todayIn(c.selectedAt, timeZone);
  const reasons = new Map<string, string>();
  for (const e of events) if (e.detail.kind === 'reason') for (const st of e.detail.stages) reasons.set(st, e.detail.text);
  const out: Milestone[] = [];
  const add = (stage: string, rule: Milestone['rule'], count: number, period: PeriodDeadline, due: CalendarDate) => {
    const at = s.stages.findIndex((x) => x.id === stage);
    if (at < 0) return;
    const reached = reachedAt(c, events, at, s);
    let state: MilestoneState;
    if (recordedFrom > due) state = { kind: 'unrecorded' };
    else if (reached) {
      const on = todayIn(reached, timeZone);
      const late = daysBetween(due, on);
      state = late > 0 ? { kind: 'late', on, days: late } : { kind: 'onTime', on };
    } else {
      const left = daysBetween(today, due);
      state = left >= 0 ? { kind: 'open', daysLeft: left } : { kind: 'missed', days: -left };
    }
    const reason = reasons.get(stage);
    out.push({ stage, rule, count, period, due, state, ...(reason !== undefined ? { reason } : {}) });
  };
  for (const m of s.milestones) {
    const period = m.unit === 'days' ? periodDeadline(passed, m.count, calendar) : workingDaysDeadline(passed, m.count, calendar);
    add(m.stage, m.unit, m.count, period, period.deadline);
  }
  const answer = s.stages[answerStageIndex(s)];
  if (answer) {
    const period = periodDeadline(passed, s.responseDays, calendar);
    add(answer.id, 'answer', s.responseDays, period, c.deadline ?? period.deadline);
  }
  return out;
}

/** Whether the milestone is settled: met (either way) or beyond knowing. */
export function isSettled(m: Milestone): boolean {
  return m.state.kind === 'onTime' || m.state.kind === 'late' || m.state.kind === 'unrecorded';
}
