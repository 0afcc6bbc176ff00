import type { Services } from '../feature';
import type { JobHandler } from '../jobs';
import type { Platform, Span } from '../types';
import { parseChatRef } from '../types';
import type { ActionItem } from './action-item';
import { daysBetween, instantAt, todayIn } from '../dates/calendar-date';
import type { CaseworkSettings } from '../cases/casework.settings';
import { mentionPOs } from '../cases/roles';
import { showDate } from '../cases/case-dates';
import { workingDaysLate } from '../calendar/closed-days';
import { closedBecause } from '../calendar/period-deadline';
import { ownerLabel } from './action-view';

export const DUE_JOB = 'actions.due';
const key = (i: Pick<ActionItem, 'id'>) => `action:${i.id}:due`;

/**
 * Plans the reminder on the due date at the configured time, or on the last working day before
 * it when offices are closed that day; now, if that moment has already passed.
 */
export function planDueReminder(i: ActionItem, services: Services, s: CaseworkSettings, now: Date): boolean {
  const { jobs } = services.store;
  const tz = services.settings.timezone;
  if (i.status !== 'open' || !i.due || i.due < todayIn(now, tz)) {
    jobs.cancel(key(i));
    return false;
  }
  const at = instantAt(services.calendar.previousWorkingDay(i.due), s.reminderTime, tz);
  const dueAt = at.getTime() > now.getTime() ? at : now;
  const existing = jobs.get(key(i));
  jobs.schedule({ kind: DUE_JOB, key: key(i), dueAt, payload: { chat: i.chat, itemId: i.id, due: i.due } }, { rearm: existing?.status === 'done' && existing.payload.due !== i.due });
  return true;
}

export function cancelDueReminder(i: Pick<ActionItem, 'id'>, services: Services): void {
  services.store.jobs.cancel(key(i));
}

/** The owner as a real mention where possible: the person (on this platform), else the owning agency's POs. */
export function ownerMentions(i: ActionItem, platform: Platform, services: Services, s: CaseworkSettings): Span[] {
  if (i.ownerUserId !== null) {
    const owner = services.people.get(i.ownerUserId);
    // A person with linked accounts (/link) is mentioned by their account on this platform.
    const u = owner && services.people.accountOn(owner, platform);
    return u ? [{ mention: { platform: u.platform, id: u.platformUserId, name: u.name } }] : [];
  }
  return i.ownerAgencyId === null ? [] : mentionPOs(i.ownerAgencyId, platform, services, s);
}

export function dueReminderJob(s: CaseworkSettings): JobHandler {
  return {
    kind: DUE_JOB,
    run({ job, now, t, locale, services }) {
      const i = services.store.actions.get(Number(job.payload.itemId));
      if (!i || i.status !== 'open' || !i.due || i.due !== job.payload.due) return [];
      const ctx = { now, t, locale, services };
      const tz = services.settings.timezone;
      // Worded when posted, from the real due date: late after downtime reads as overdue, not "today".
      const n = daysBetween(todayIn(now, tz), i.due);
      const p = { id: i.id, owner: ownerLabel(i, ctx), date: showDate(i.due, locale, tz) };
      const late = n < 0 ? workingDaysLate(i.due, todayIn(now, tz), services.calendar) : 0;
      const head = n > 0 ? t('actions.remindDueIn', { ...p, n }) : n === 0 ? t('actions.remindDue', p) : late > 0 ? t('actions.remindDueOverdue', { ...p, n: late }) : t('actions.remindDuePast', p);
      const text: Span[] = ['📌 ', head, i.text];
      // Sent the working day before a due day offices are closed (planDueReminder): say why today.
      if (n > 0 && !services.calendar.isWorkingDay(i.due)) {
        text.push('\n', t('actions.remindClosedDay', { date: p.date, why: closedBecause(i.due, services.calendar, t) }));
      }
      const mentions = ownerMentions(i, parseChatRef(i.chat).platform, services, s);
      if (mentions.length) text.push('\n', ...mentions);
      text.push('\n', t('actions.remindHowToClose', { id: i.id }));
      return [{ type: 'post', chat: i.chat, message: { text } }];
    },
  };
}
