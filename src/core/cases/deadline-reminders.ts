import type { Services } from '../feature';
import type { JobHandler } from '../jobs';
import type { Span } from '../types';
import type { Case } from './case';
import type { CalendarDate } from '../dates/calendar-date';
import { addDays, instantAt, todayIn } from '../dates/calendar-date';
import { reminderDays, supersededReminder } from '../calendar/reminder-days';
import { formatCaseNumber } from './case-number';
import { isAnswered } from './case-stages';
import { daysLeft, showDate } from './case-dates';
import { workingDaysLate } from '../calendar/closed-days';
import type { CaseworkSettings } from './casework.settings';
import { leadLine } from './roles';
import { planMilestoneNudges } from './milestone-nudges';
import { extensionSpans } from './extensions';
import type { ChatRef } from '../types';
import type { Translate } from '../../i18n/catalog';

export const DEADLINE_JOB = 'cases.deadline';
/** The day after the deadline: the lead agency's POs are told once, in the home chats. */
export const DEADLINE_PASSED_JOB = 'cases.deadlinePassed';
const PASSED = 'passed';

const prefix = (c: Pick<Case, 'id'>) => `case:${c.id}:deadline:`;

/**
 * (Re)plans the reminders N days before the case's response deadline, at the configured time,
 * on working days (calendar/reminder-days.ts). A reminder whose moment has passed is not sent
 * late; a changed deadline re-arms reminders already sent for the old one; a closed case or a
 * cleared deadline cancels them. Returns the days reminders will go out.
 */
export function planDeadlineReminders(c: Case, services: Services, s: CaseworkSettings, now: Date): CalendarDate[] {
  // Every change that re-plans these (dates, stage, closure, calendar) re-plans the SOP milestones' nudges too.
  planMilestoneNudges(c, services, s, now);
  const { jobs } = services.store;
  if (!c.deadline || isAnswered(c, s)) {
    jobs.cancelPrefix(prefix(c));
    return [];
  }
  const days: CalendarDate[] = [];
  const planned = reminderDays(c.deadline, s.deadlineReminderDays, services.calendar);
  for (const d of s.deadlineReminderDays) {
    const key = prefix(c) + d;
    const day = planned.get(d);
    const dueAt = day ? instantAt(day, s.reminderTime, services.settings.timezone) : now;
    if (!day || dueAt.getTime() <= now.getTime()) {
      jobs.cancel(key);
      continue;
    }
    const existing = jobs.get(key);
    const rearm = existing?.status === 'done' && existing.payload.deadline !== c.deadline;
    jobs.schedule({ kind: DEADLINE_JOB, key, dueAt, payload: { chat: c.chat, caseId: c.id, deadline: c.deadline } }, { rearm });
    days.push(day);
  }
  // Once, when the deadline has passed (a period ends at the end of its last day): the next
  // working day, when people read it at work.
  const passedKey = prefix(c) + PASSED;
  const passedAt = instantAt(services.calendar.nextWorkingDay(addDays(c.deadline, 1)), s.reminderTime, services.settings.timezone);
  if (passedAt.getTime() > now.getTime()) {
    const existing = jobs.get(passedKey);
    const rearm = existing?.status === 'done' && existing.payload.deadline !== c.deadline;
    jobs.schedule({ kind: DEADLINE_PASSED_JOB, key: passedKey, dueAt: passedAt, payload: { caseId: c.id, deadline: c.deadline } }, { rearm });
  } else jobs.cancel(passedKey);
  return days;
}

/** "Join 回應期限" only for a case with a Join petition linked; otherwise just 回應期限. */
export function deadlineName(c: Pick<Case, 'petitionUrl'>, t: Translate): string {
  return t(c.petitionUrl ? 'cases.deadlineJoin' : 'cases.deadlinePlain');
}

/**
 * The deadline passed without the petition being answered: the lead agency's POs are mentioned
 * in every home chat, once (the job is keyed by the case; a moved deadline re-arms it).
 */
export function deadlinePassedJob(s: CaseworkSettings, homeChats: () => readonly ChatRef[]): JobHandler {
  return {
    kind: DEADLINE_PASSED_JOB,
    run({ job, t, locale, services }) {
      const c = services.store.cases.get(Number(job.payload.caseId));
      if (!c || !c.deadline || c.deadline !== job.payload.deadline || isAnswered(c, s)) return [];
      const tz = services.settings.timezone;
      const head: Span[] = ['⚠️ ', { bold: formatCaseNumber(c.number, locale) + t('cases.quoted', { title: c.title }) }];
      head.push(t('cases.deadlinePassed', { what: deadlineName(c, t), date: showDate(c.deadline, locale, tz) }));
      return homeChats().map((chat) => {
        const lead = leadLine(c, chat, services, s, t);
        const text: Span[] = [...head, '\n', ...lead.text];
        if (lead.hasLead) text.push('\n', t('cases.deadlinePassedAsk', { n: c.number }));
        return { type: 'post' as const, chat, message: { text } };
      });
    },
  };
}

/** Posts the reminder to the case's chat, naming the lead agency's POs with real mentions. */
export function deadlineReminderJob(s: CaseworkSettings): JobHandler {
  return {
    kind: DEADLINE_JOB,
    run({ job, now, t, locale, services }) {
      const c = services.store.cases.get(Number(job.payload.caseId));
      // Stale: the deadline moved (its own jobs were planned) or the case closed.
      if (!c || !c.deadline || c.deadline !== job.payload.deadline || isAnswered(c, s)) return [];
      const tz = services.settings.timezone;
      // Caught up after downtime: a more urgent reminder of this deadline is due too; it alone speaks.
      const offset = Number(job.key.slice(prefix(c).length));
      if (supersededReminder(offset, c.deadline, s.deadlineReminderDays, services.calendar, todayIn(now, tz))) return [];
      const n = daysLeft(c.deadline, now, tz);
      const date = showDate(c.deadline, locale, tz);
      const text: Span[] = ['⏰ ', { bold: formatCaseNumber(c.number, locale) + t('cases.quoted', { title: c.title }) }];
      const what = deadlineName(c, t);
      const late = n < 0 ? workingDaysLate(c.deadline, todayIn(now, tz), services.calendar) : 0;
      text.push(n > 0 ? t('cases.remindDaysLeft', { what, date, n }) : n === 0 ? t('cases.remindToday', { what, date }) : late > 0 ? t('cases.remindOverdue', { what, date, n: late }) : t('cases.remindPast', { what, date }));
      const extended = extensionSpans(services.store.cases.events(c.id), { locale, t, timeZone: tz });
      if (extended.length) text.push('\n', ...extended);
      text.push('\n', ...leadLine(c, c.chat, services, s, t).text);
      return [{ type: 'post', chat: c.chat, message: { text } }];
    },
  };
}
