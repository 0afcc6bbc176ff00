import type { CalendarDate } from '../dates/calendar-date';
import { addDays } from '../dates/calendar-date';
import type { OfficeCalendar } from './office-calendar';

/**
 * The day each "N days before" reminder of a deadline goes out: N days before, or when offices
 * are closed that day, the last working day before it (people read reminders at work). When two
 * land on the same day only the most urgent (smallest N) keeps it: null for the other.
 */
export function reminderDays(deadline: CalendarDate, offsets: readonly number[], calendar: OfficeCalendar): Map<number, CalendarDate | null> {
  const out = new Map<number, CalendarDate | null>();
  const taken = new Map<CalendarDate, number>();
  for (const n of [...offsets].sort((a, b) => a - b)) {
    const day = calendar.previousWorkingDay(addDays(deadline, -n));
    if (taken.has(day)) out.set(n, null);
    else {
      taken.set(day, n);
      out.set(n, day);
    }
  }
  return out;
}

/**
 * Whether a more urgent reminder of the same deadline is already due by `today` (its day has
 * come): after downtime or a jump of the clock only that one is posted, not every one missed.
 */
export function supersededReminder(offset: number, deadline: CalendarDate, offsets: readonly number[], calendar: OfficeCalendar, today: CalendarDate): boolean {
  const days = reminderDays(deadline, offsets, calendar);
  return offsets.some((m) => m < offset && (days.get(m) ?? '9999') <= today);
}
