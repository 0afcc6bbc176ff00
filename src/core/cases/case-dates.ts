import type { Locale, Translate } from '../../i18n/catalog';
import { formatDate } from '../../i18n/format-date';
import type { Case } from './case';
import type { CalendarDate } from '../dates/calendar-date';
import { daysBetween, instantAt, todayIn } from '../dates/calendar-date';
import { isAnswered } from './case-stages';
import type { CaseworkSettings } from './casework.settings';
import type { Services } from '../feature';
import { periodDeadline, rolledForwardNote, unofficialNote } from '../calendar/period-deadline';
import { overdueNote } from '../calendar/closed-days';
import type { OfficeCalendar } from '../calendar/office-calendar';

/** A calendar day as people read it: 2026年12月4日（五） / Fri 4 Dec 2026. */
// A day always reads the same: lists and digests show the same few hundred days over and
// over, and each zoned conversion costs microseconds (the web overview's largest cost).
const shown = new Map<string, string>();

export function showDate(date: CalendarDate, locale: Locale, timeZone: string): string {
  const key = `${date}|${locale}|${timeZone}`;
  let out = shown.get(key);
  if (out === undefined) {
    if (shown.size >= 5_000) shown.clear();
    out = formatDate(instantAt(date, '12:00', timeZone), locale, timeZone);
    shown.set(key, out);
  }
  return out;
}

/**
 * A case's deadline as people read it: the day, why it moved when 行政程序法第48條 moved it
 * (`2026年6月22日（一）（6月19日端午節，依行政程序法第48條順延）`), and a note when the year
 * has no official office calendar.
 */
export function showDeadline(c: Pick<Case, 'deadline' | 'petitionPassedOn'>, ctx: { locale: Locale; t: Translate; services: Services }, s: CaseworkSettings): string {
  const { calendar, settings } = ctx.services;
  if (!c.deadline) return '';
  let text = showDate(c.deadline, ctx.locale, settings.timezone);
  if (c.petitionPassedOn) {
    // Computed, not stored: the deadline is the passed date's period only if nobody typed another.
    const p = periodDeadline(c.petitionPassedOn, s.responseDays, calendar);
    if (p.deadline === c.deadline) text += rolledForwardNote(p, calendar, ctx.t);
  }
  return text + unofficialNote(c.deadline, calendar, ctx.t);
}

/** Days from today to the date in the zone: negative when past. */
export function daysLeft(date: CalendarDate, now: Date, timeZone: string): number {
  return daysBetween(todayIn(now, timeZone), date);
}

export function isOverdue(c: Case, now: Date, timeZone: string, s: CaseworkSettings): boolean {
  return c.deadline !== null && !isAnswered(c, s) && daysLeft(c.deadline, now, timeZone) < 0;
}

/** "（剩 12 天）", "（今天到期）", "⚠️ 已逾期 3 個工作天" (late counts working days: calendar/closed-days.ts). */
export function dueNote(date: CalendarDate, now: Date, timeZone: string, t: Translate, calendar: OfficeCalendar, closed = false): string {
  if (closed) return '';
  const n = daysLeft(date, now, timeZone);
  if (n > 0) return t('cases.daysLeft', { n });
  if (n === 0) return t('cases.dueToday');
  return overdueNote(date, todayIn(now, timeZone), calendar, t);
}
