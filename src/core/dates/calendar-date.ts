import { TZDate } from '@date-fns/tz';
import { dayExists, dayNamed, normalizeDateText, recognizeDate } from '../input/date-words';

// The floor every dated thing stands on (cases, actions, meetings, the office calendar): it
// imports nothing of theirs, so none of them can come back round to it.
// Deadlines and due dates are days in the configured zone, typed as for meetings
// (input/date-words.ts); without a year, the next occurrence (see dayNamed).

/** A calendar day in the configured zone, 'YYYY-MM-DD'. */
export type CalendarDate = string;

const DAY = 86_400_000;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function calendarDate(y: number, m: number, d: number): CalendarDate | undefined {
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  if (!dayExists({ year: y, month: m, day: d })) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function parts(date: CalendarDate): [number, number, number] {
  // The stored form (calendarDate's YYYY-MM-DD) read by position: lists call this for every
  // row, several times, and split/map was a tenth of the web overview's time.
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) return [+date.slice(0, 4), +date.slice(5, 7), +date.slice(8, 10)];
  const [y, m, d] = date.split('-').map(Number);
  return [y!, m!, d!];
}

function utcDay(date: CalendarDate): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d);
}

/** 0 = Sunday. */
export function weekdayOf(date: CalendarDate): number {
  return new Date(utcDay(date)).getUTCDay();
}

export function addDays(date: CalendarDate, n: number): CalendarDate {
  const t = new Date(utcDay(date) + n * DAY);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((utcDay(b) - utcDay(a)) / DAY);
}

// Lists ask it for every row with the same `now` (a page of 500 cases: thousands of calls);
// a zoned date costs microseconds each, so the last answer is kept.
let lastToday: { at: number; zone: string; day: CalendarDate } | undefined;

export function todayIn(now: Date, timeZone: string): CalendarDate {
  const at = now.getTime();
  if (lastToday && lastToday.at === at && lastToday.zone === timeZone) return lastToday.day;
  const z = new TZDate(at, timeZone);
  const day = `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}`;
  lastToday = { at, zone: timeZone, day };
  return day;
}

/** The instant of `HH:MM` on that day in the zone. */
export function instantAt(date: CalendarDate, hhmm: string, timeZone: string): Date {
  const [y, m, d] = parts(date);
  const [h, mi] = hhmm.split(':').map(Number);
  return new Date(new TZDate(y, m - 1, d, h!, mi!, 0, timeZone).getTime());
}

export interface ParsedDay {
  date: CalendarDate;
  /** The input wrote the year (2026/5/7, 民國115年5月7日): a past day is meant, not a slip. */
  explicitYear: boolean;
}

/** A typed day: yearless means its next occurrence, or for `last` (the day something happened) its latest. */
export function parseCalendarDate(input: string, today: CalendarDate, yearless: 'next' | 'last' = 'next'): ParsedDay | undefined {
  const spec = recognizeDate(normalizeDateText(input));
  if (!spec) return undefined;
  const [year, month, day] = parts(today);
  const d = dayNamed(spec, { year, month, day, weekday: weekdayOf(today) }, yearless);
  const date = calendarDate(d.year, d.month, d.day);
  return date ? { date, explicitYear: (spec.kind === 'ymd' || spec.kind === 'endOfMonth') && spec.year !== null } : undefined;
}
