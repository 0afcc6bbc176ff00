import type { CalendarDate } from '../dates/calendar-date';

/** The one-off closures a facilitator added (`/calendar close`): date → reason. */
export interface ClosureRepo {
  all(): ReadonlyMap<CalendarDate, string>;
  /** False when the day was already closed (nothing changes). */
  add(date: CalendarDate, reason: string, by: number, at: Date): boolean;
}
