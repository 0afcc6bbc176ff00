import { TZDate } from '@date-fns/tz';
import type { CalendarDate } from './case';

// Deadlines and due dates are days in the configured zone. This small parser takes what POs
// type (2026-12-04, 2026/12/4, 12/4, 12月4日, ROC 115/12/4, 今天/明天); the meetings feature has
// a richer date-time parser and the two may be unified later.

const DAY = 86_400_000;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function calendarDate(y: number, m: number, d: number): CalendarDate | undefined {
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function parts(date: CalendarDate): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y!, m!, d!];
}

function utcDay(date: CalendarDate): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d);
}

export function addDays(date: CalendarDate, n: number): CalendarDate {
  const t = new Date(utcDay(date) + n * DAY);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((utcDay(b) - utcDay(a)) / DAY);
}

export function todayIn(now: Date, timeZone: string): CalendarDate {
  const z = new TZDate(now.getTime(), timeZone);
  return `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}`;
}

/** The instant of `HH:MM` on that day in the zone. */
export function instantAt(date: CalendarDate, hhmm: string, timeZone: string): Date {
  const [y, m, d] = parts(date);
  const [h, mi] = hhmm.split(':').map(Number);
  return new Date(new TZDate(y, m - 1, d, h!, mi!, 0, timeZone).getTime());
}

/** Of y-1, y, y+1 the year that puts month/day nearest today: "12/4" typed in late December
 *  and "1/5" typed then mean different years, and a date in the past (a petition passed) works. */
function nearestYear(m: number, d: number, today: CalendarDate): CalendarDate | undefined {
  const [y] = parts(today);
  let best: CalendarDate | undefined;
  for (const year of [y - 1, y, y + 1]) {
    const c = calendarDate(year, m, d);
    if (c && (!best || Math.abs(daysBetween(today, c)) < Math.abs(daysBetween(today, best)))) best = c;
  }
  return best;
}

const TODAY = new Set(['today', '今天', '今日']);
const TOMORROW = new Set(['tomorrow', '明天', '明日']);

export function parseCalendarDate(input: string, today: CalendarDate): CalendarDate | undefined {
  const s = input.normalize('NFKC').trim().toLowerCase();
  if (TODAY.has(s)) return today;
  if (TOMORROW.has(s)) return addDays(today, 1);
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m) return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  // ROC era: 115/12/4 is 2026-12-04.
  m = /^(?:民國)?(\d{2,3})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m) return calendarDate(Number(m[1]) + 1911, Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.](\d{1,2})$/.exec(s);
  if (m) return nearestYear(Number(m[1]), Number(m[2]), today);
  m = /^(?:(民國)?(\d{2,4})年)?(\d{1,2})月(\d{1,2})[日號]?$/.exec(s);
  if (m) {
    if (!m[2]) return nearestYear(Number(m[3]), Number(m[4]), today);
    const y = Number(m[2]);
    return calendarDate(m[1] || y < 1000 ? y + 1911 : y, Number(m[3]), Number(m[4]));
  }
  return undefined;
}
