import { TZDate } from '@date-fns/tz';

// Wall-clock time in a named zone ↔ instants, without ever consulting the process TZ:
// every Date here is an instant; wall times are plain fields.

/** A wall-clock time: month 1–12, weekday 0 = Sunday. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function wallTime(at: Date, timeZone: string): WallTime & { weekday: number } {
  const z = new TZDate(at.getTime(), timeZone);
  return { year: z.getFullYear(), month: z.getMonth() + 1, day: z.getDate(), hour: z.getHours(), minute: z.getMinutes(), weekday: z.getDay() };
}

/** Minutes east of UTC in `timeZone` at the instant `ms`. */
function offsetAt(ms: number, timeZone: string): number {
  return -new TZDate(ms, timeZone).getTimezoneOffset();
}

/** The wall time's fields read as if they were UTC (a "floating" time), in ms. */
export function floating(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
}

export function fromFloating(ms: number): WallTime {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}

/** True when the fields name a real calendar date and time (no 2月30日, no 25:00). */
export function isValidWallTime(w: WallTime): boolean {
  const f = fromFloating(floating(w));
  return f.year === w.year && f.month === w.month && f.day === w.day && f.hour === w.hour && f.minute === w.minute && w.hour < 24;
}

/**
 * Every instant that shows this wall time in the zone: usually one; none in a daylight-saving
 * gap; two in the repeated hour when clocks go back.
 */
export function instantsOf(w: WallTime, timeZone: string): Date[] {
  const naive = floating(w);
  const offsets = new Set([offsetAt(naive - 86_400_000, timeZone), offsetAt(naive, timeZone), offsetAt(naive + 86_400_000, timeZone)]);
  const found = new Set<number>();
  for (const o of offsets) {
    const candidate = naive - o * 60_000;
    if (offsetAt(candidate, timeZone) === o) found.add(candidate);
  }
  return [...found].sort((a, b) => a - b).map((ms) => new Date(ms));
}

/**
 * One instant for a wall time, for recurrences that must land somewhere: the earlier of two in
 * a repeated hour, and in a gap the time the clocks jumped to.
 */
export function instantOf(w: WallTime, timeZone: string): Date {
  const all = instantsOf(w, timeZone);
  if (all.length) return all[0]!;
  const naive = floating(w);
  return new Date(naive - offsetAt(naive - 86_400_000, timeZone) * 60_000);
}

/** `YYYY-MM-DD` of the instant's date in the zone. */
export function localDateKey(at: Date, timeZone: string): string {
  const w = wallTime(at, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** The start of the next local day in the zone. */
export function nextLocalMidnight(at: Date, timeZone: string): Date {
  const w = wallTime(at, timeZone);
  return instantOf(fromFloating(Date.UTC(w.year, w.month - 1, w.day + 1)), timeZone);
}
