import type { Services } from '../feature';
import type { JobHandler } from '../jobs';
import type { Span } from '../types';
import type { CalendarDate, Case } from './case';
import { instantAt, todayIn } from './calendar-date';
import { reminderDays, supersededReminder } from '../calendar/reminder-days';
import { formatCaseNumber } from './case-number';
import { isClosed } from './case-stages';
import { daysLeft, showDate } from './case-dates';
import type { CaseworkSettings } from './casework.settings';
import { agencyPOs, mentionPOs } from './roles';
import { parseChatRef } from '../types';

export const DEADLINE_JOB = 'cases.deadline';

const prefix = (c: Pick<Case, 'id'>) => `case:${c.id}:deadline:`;

/**
 * (Re)plans the reminders N days before the case's response deadline, at the configured time,
 * on working days (calendar/reminder-days.ts). A reminder whose moment has passed is not sent
 * late; a changed deadline re-arms reminders already sent for the old one; a closed case or a
 * cleared deadline cancels them. Returns the days reminders will go out.
 */
export function planDeadlineReminders(c: Case, services: Services, s: CaseworkSettings, now: Date): CalendarDate[] {
  const { jobs } = services.store;
  if (!c.deadline || isClosed(c, s)) {
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
  return days;
}

/** Posts the reminder to the case's chat, naming the lead agency's POs with real mentions. */
export function deadlineReminderJob(s: CaseworkSettings): JobHandler {
  return {
    kind: DEADLINE_JOB,
    run({ job, now, t, locale, services }) {
      const c = services.store.cases.get(Number(job.payload.caseId));
      // Stale: the deadline moved (its own jobs were planned) or the case closed.
      if (!c || !c.deadline || c.deadline !== job.payload.deadline || isClosed(c, s)) return [];
      const tz = services.settings.timezone;
      // Caught up after downtime: a more urgent reminder of this deadline is due too; it alone speaks.
      const offset = Number(job.key.slice(prefix(c).length));
      if (supersededReminder(offset, c.deadline, s.deadlineReminderDays, services.calendar, todayIn(now, tz))) return [];
      const n = daysLeft(c.deadline, now, tz);
      const date = showDate(c.deadline, locale, tz);
      const text: Span[] = ['⏰ ', { bold: formatCaseNumber(c.number, locale) + t('cases.quoted', { title: c.title }) }];
      text.push(n > 0 ? t('cases.remindDaysLeft', { date, n }) : n === 0 ? t('cases.remindToday', { date }) : t('cases.remindOverdue', { date, n: -n }));
      const lead = services.people.agencies.name(c.leadAgencyId);
      if (lead && c.leadAgencyId !== null) {
        text.push('\n', t('cases.remindLead', { lead }));
        const mentions = mentionPOs(c.leadAgencyId, parseChatRef(c.chat).platform, services, s);
        const elsewhere = agencyPOs(c.leadAgencyId, services, s).map((p) => p.name);
        // Someone who is only on another platform cannot be pinged here, but is still named.
        if (mentions.length) text.push(' ', ...mentions);
        else if (elsewhere.length) text.push(' ', elsewhere.join(t('common.separator')));
        else text.push(' ', t('cases.remindNoPOs', { lead }));
      } else text.push('\n', t('cases.remindNoLead', { n: c.number }));
      return [{ type: 'post', chat: c.chat, message: { text } }];
    },
  };
}
