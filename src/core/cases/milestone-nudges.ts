import type { Reply, Services } from '../feature';
import type { JobHandler } from '../jobs';
import type { ChatRef, PersonRef, Span } from '../types';
import type { Case } from './case';
import type { CalendarDate } from '../dates/calendar-date';
import { addDays, instantAt, todayIn } from '../dates/calendar-date';
import type { OfficeCalendar } from '../calendar/office-calendar';
import { formatCaseNumber } from './case-number';
import { isClosed, stageLabel } from './case-stages';
import { showDate } from './case-dates';
import type { CaseworkSettings } from './casework.settings';
import { caseMilestones, isSettled, type Milestone } from './milestones';
import { agencyPOs, leadLine } from './roles';

// 滴水穿石: the lightest touch that works. Before each SOP milestone the lead agency's POs are
// told privately (two working days before, and on the day if still open); the home chats hear
// only of a miss, once. Jobs are keyed `case:<id>:ms:<stage>:<2|0|missed>` and re-planned
// whenever the case's dates, stage or the office calendar change (planDeadlineReminders calls
// planMilestoneNudges), so a moved due day re-arms them.

export const NUDGE_JOB = 'cases.milestoneNudge';
export const MISSED_JOB = 'cases.milestoneMissed';
/** Working days before the due day a private nudge goes out (0: on the day). */
export const NUDGE_OFFSETS = [2, 0] as const;
const MISSED = 'missed';

const prefix = (c: Pick<Case, 'id'>) => `case:${c.id}:ms:`;

/** The working day `n` working days before `due` (0: `due` itself, or the last working day before it). */
export function nudgeDay(due: CalendarDate, n: number, calendar: OfficeCalendar): CalendarDate {
  let d = calendar.previousWorkingDay(due);
  for (let i = 0; i < n; i++) d = calendar.previousWorkingDay(addDays(d, -1));
  return d;
}

/** Working days after `from` up to and including `to`. */
function workingDaysLeft(from: CalendarDate, to: CalendarDate, calendar: OfficeCalendar): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) n++;
  return n;
}

function milestonesNow(c: Case, services: Services, s: CaseworkSettings, now: Date): Milestone[] {
  return caseMilestones(c, services.store.cases.events(c.id), s, services.calendar, now, services.settings.timezone);
}

/**
 * (Re)plans the nudges and the miss alert of each milestone still open. A met (or unrecorded)
 * milestone has none; a moment already past is not planned, but a job already waiting for it
 * (the bot was down) is left to run: it then says it is late.
 */
export function planMilestoneNudges(c: Case, services: Services, s: CaseworkSettings, now: Date): void {
  const { jobs } = services.store;
  const { calendar } = services;
  const tz = services.settings.timezone;
  if (isClosed(c, s)) {
    jobs.cancelPrefix(prefix(c));
    return;
  }
  const ms = milestonesNow(c, services, s, now);
  if (!ms.length) {
    jobs.cancelPrefix(prefix(c));
    return;
  }
  const plan = (key: string, kind: string, day: CalendarDate, m: Milestone) => {
    const dueAt = instantAt(day, s.reminderTime, tz);
    const existing = jobs.get(key);
    if (dueAt.getTime() <= now.getTime()) {
      if (!(existing?.status === 'pending' && existing.payload.due === m.due)) jobs.cancel(key);
      return;
    }
    const rearm = existing?.status === 'done' && existing.payload.due !== m.due;
    jobs.schedule({ kind, key, dueAt, payload: { caseId: c.id, stage: m.stage, due: m.due } }, { rearm });
  };
  for (const m of ms) {
    const base = `${prefix(c)}${m.stage}:`;
    if (isSettled(m)) {
      jobs.cancelPrefix(base);
      continue;
    }
    for (const n of NUDGE_OFFSETS) plan(base + n, NUDGE_JOB, nudgeDay(m.due, n, calendar), m);
    // The answer's miss is the 60-day alert's (deadline-reminders.ts): said once, not twice.
    if (m.rule !== 'answer') plan(base + MISSED, MISSED_JOB, calendar.nextWorkingDay(addDays(m.due, 1)), m);
  }
}

/** The milestone a job was planned for, if it is still due that day and not met. */
function stillOpen(job: { payload: Record<string, unknown> }, services: Services, s: CaseworkSettings, now: Date): { c: Case; m: Milestone } | undefined {
  const c = services.store.cases.get(Number(job.payload.caseId));
  if (!c || isClosed(c, s)) return undefined;
  const m = milestonesNow(c, services, s, now).find((x) => x.stage === job.payload.stage);
  if (!m || m.due !== job.payload.due || isSettled(m)) return undefined;
  return { c, m };
}

/** Who is nudged: the lead agency's confirmed POs, else the facilitators (with why). */
function recipients(c: Case, services: Services, s: CaseworkSettings): { to: PersonRef[]; why?: 'noLead' | 'noPOs' } {
  const facilitators = services.people.facilitatorList();
  if (c.leadAgencyId === null) return { to: facilitators, why: 'noLead' };
  const pos = agencyPOs(c.leadAgencyId, services, s);
  return pos.length ? { to: pos } : { to: facilitators, why: 'noPOs' };
}

/** The private nudge: case, milestone, date, the one command that records it. */
export function milestoneNudgeJob(s: CaseworkSettings): JobHandler {
  return {
    kind: NUDGE_JOB,
    run({ job, now, t, locale, services }): Reply[] {
      const open = stillOpen(job, services, s, now);
      if (!open) return [];
      const { c, m } = open;
      const tz = services.settings.timezone;
      const today = todayIn(now, tz);
      // Past its day: the miss alert speaks, not a nudge.
      if (m.due < today) return [];
      const offset = Number(job.key.slice(job.key.lastIndexOf(':') + 1));
      const { calendar } = services;
      // Caught up after downtime on or after the day's own nudge: that one alone speaks.
      if (offset > 0 && nudgeDay(m.due, 0, calendar) <= today) return [];
      const name = formatCaseNumber(c.number, locale);
      const stage = stageLabel(m.stage, s, locale);
      const date = showDate(m.due, locale, tz);
      const left = workingDaysLeft(today, m.due, calendar);
      const text: Span[] = [left > 0 ? t('sop.nudgeBefore', { name, title: c.title, stage, date, n: left }) : t('sop.nudgeToday', { name, title: c.title, stage, date })];
      text.push('\n', t('sop.nudgeHow', { command: `/case ${c.number} stage ${stage}` }));
      const planned = nudgeDay(m.due, offset, calendar);
      if (planned < today) text.push('\n', t('sop.nudgeLate', { planned: showDate(planned, locale, tz) }));
      const who = recipients(c, services, s);
      if (who.why === 'noLead') text.push('\n', t('sop.nudgeNoLead'));
      if (who.why === 'noPOs') text.push('\n', t('sop.nudgeForFacilitators', { lead: services.people.agencies.name(c.leadAgencyId) ?? '' }));
      return who.to.map((to) => ({ type: 'private' as const, to, message: { text }, near: c.chat }));
    },
  };
}

/** A milestone's day passed without it: every home chat hears it once, the lead's POs mentioned. */
export function milestoneMissedJob(s: CaseworkSettings, homeChats: () => readonly ChatRef[]): JobHandler {
  return {
    kind: MISSED_JOB,
    run({ job, now, t, locale, services }): Reply[] {
      const open = stillOpen(job, services, s, now);
      if (!open) return [];
      const { c, m } = open;
      const tz = services.settings.timezone;
      const head = t('sop.missed', { name: formatCaseNumber(c.number, locale), title: c.title, stage: stageLabel(m.stage, s, locale), date: showDate(m.due, locale, tz) });
      return homeChats().map((chat) => {
        const lead = leadLine(c, chat, services, s, t);
        const text: Span[] = [head, '\n', ...lead.text];
        if (lead.hasLead) text.push('\n', t('sop.missedAsk', { n: c.number }));
        return { type: 'post' as const, chat, message: { text } };
      });
    },
  };
}
