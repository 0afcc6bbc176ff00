import type { Translate } from '../../i18n/catalog';
import type { CalendarDate } from '../dates/calendar-date';
import { addDays } from '../dates/calendar-date';
import type { OfficeCalendar } from './office-calendar';
import { closedBecause } from './period-deadline';

// Due dates and deadlines are what people type; the bot keeps them as typed, but says when
// offices are closed that day, as /meeting add does for a meeting on a holiday.

/** `⚠️ 2026年4月3日（五）是補假，機關不上班…` for a day offices are closed, else ''. */
export function closedDayWarning(date: CalendarDate, calendar: OfficeCalendar, t: Translate, show: (d: CalendarDate) => string, reminder: boolean): string {
  if (calendar.isWorkingDay(date)) return '';
  const p = { date: show(date), why: closedBecause(date, calendar, t) };
  return reminder ? t('calendar.closedDueDay', { ...p, before: show(calendar.previousWorkingDay(addDays(date, -1))) }) : t('calendar.closedDeadlineDay', p);
}

// Lists ask for every row with the same today: the count for a due date is kept per today
// (per calendar: a test process holds several).
const counts = new WeakMap<OfficeCalendar, Map<string, number>>();

/**
 * Working days after the due date up to and including today: how late something is, in the
 * days people could have acted on it (a 補假 Monday after a holiday weekend adds nothing).
 */
export function workingDaysLate(due: CalendarDate, today: CalendarDate, calendar: OfficeCalendar): number {
  if (today <= due) return 0;
  const key = `${due}|${today}`;
  let counted = counts.get(calendar);
  if (!counted) counts.set(calendar, (counted = new Map()));
  let n = counted.get(key);
  if (n === undefined) {
    n = 0;
    for (let d = addDays(due, 1); d <= today; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) n++;
    if (counted.size >= 5_000) counted.clear();
    counted.set(key, n);
  }
  return n;
}

/** `⚠️ 已逾期 2 個工作天`, or, when no working day has passed since, that the date is past. */
export function overdueNote(due: CalendarDate, today: CalendarDate, calendar: OfficeCalendar, t: Translate): string {
  const n = workingDaysLate(due, today, calendar);
  return n > 0 ? t('cases.overdue', { n }) : t('cases.pastNoWorkday');
}
