import type { OfficeCalendar } from '../../calendar/office-calendar';
import { addDays, instantAt, type CalendarDate } from '../../dates/calendar-date';

/** Minutes are published at this time, Taipei (the office's morning), on their publication day. */
export const PUBLISH_TIME = '09:00';
/** Speakers who have not answered are reminded this many working days before publication. */
export const REMIND_WORKING_DAYS_BEFORE = 2;

/** `n` working days after `day` (the day itself not counted): the publication day. */
export function addWorkingDays(day: CalendarDate, n: number, calendar: OfficeCalendar): CalendarDate {
  let d = day;
  for (let i = 0; i < n; i++) d = calendar.nextWorkingDay(addDays(d, 1));
  return d;
}

/** `n` working days before `day`. */
export function subtractWorkingDays(day: CalendarDate, n: number, calendar: OfficeCalendar): CalendarDate {
  let d = day;
  for (let i = 0; i < n; i++) d = calendar.previousWorkingDay(addDays(d, -1));
  return d;
}

export const publishAt = (day: CalendarDate, timezone: string): Date => instantAt(day, PUBLISH_TIME, timezone);
