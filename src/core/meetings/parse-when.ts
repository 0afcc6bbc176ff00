import { UserError } from '../errors';
import { instantsOf, isValidWallTime, wallTime, type WallTime } from '../dates/zoned-time';
import { dayNamed, normalizeDateText, recognizeDate, type DateSpec } from '../input/date-words';

// Dates and times as POs type them: `2026-12-04 10:00`, `115/12/4 14:00` (ROC year), `12/4 10:00`,
// `12月4日 下午2點`, `明天 10:00`, `下週五 10點半`, `tomorrow 10am`. Syntax is recognised first
// (so a command can tell its title from its date), then resolved against now in the zone,
// refusing what is past, impossible or ambiguous.

interface TimeSpec {
  hour: number;
  minute: number;
  /** 'am' | 'pm' | 'noon' when the input said so (上午, 下午, 中午, am, pm). */
  meridiem: 'am' | 'pm' | 'noon' | null;
  /** The hour was written with a leading zero (`03:00`): clearly 24-hour. */
  padded: boolean;
}

export interface RecognizedWhen {
  date: DateSpec | null;
  time: TimeSpec | null;
}

const MERIDIEM: Record<string, TimeSpec['meridiem']> = {
  上午: 'am', 早上: 'am', 凌晨: 'am', am: 'am', 'a.m.': 'am',
  中午: 'noon',
  下午: 'pm', 晚上: 'pm', 傍晚: 'pm', pm: 'pm', 'p.m.': 'pm',
};

// A time at the end: `10:00`, `10點`, `10點半`, `10點30分`, `下午2點`, `2pm`, `2:30 pm`.
const TIME = /(?:^|\s|(?<=[^\d:/.\-]))(?:(上午|早上|凌晨|中午|下午|晚上|傍晚)\s*)?(\d{1,2})(?::(\d{2})|([點点時时])(?:(半)|(\d{1,2})分?)?)?\s*(a\.m\.|p\.m\.|am|pm)?$/;

function normalize(input: string): string {
  // Full-width digits and colons (１２：００) fold into ASCII there.
  return normalizeDateText(input).replace(/\s+(at|@)\s+/g, ' ');
}

function recognizeTime(s: string): { time: TimeSpec; rest: string } | undefined {
  const m = TIME.exec(s);
  if (!m) return undefined;
  const [, mer, h, colonMin, pointMark, half, pointMin, ampm] = m;
  // A bare number is not a time: it needs `:mm`, 點/時, or am/pm.
  if (colonMin === undefined && pointMark === undefined && ampm === undefined) return undefined;
  const meridiem = (mer && MERIDIEM[mer]) || (ampm && MERIDIEM[ampm]) || null;
  const minute = colonMin !== undefined ? Number(colonMin) : half ? 30 : pointMin !== undefined ? Number(pointMin) : 0;
  return { time: { hour: Number(h), minute, meridiem, padded: h!.length === 2 && h!.startsWith('0') }, rest: s.slice(0, m.index).trim() };
}

/** The date and time the text names, by syntax only; undefined when it is not a date/time at all. */
export function recognizeWhen(input: string): RecognizedWhen | undefined {
  const s = normalize(input);
  if (!s) return undefined;
  const t = recognizeTime(s);
  if (t) {
    if (!t.rest) return { date: null, time: t.time };
    const date = recognizeDate(t.rest);
    return date ? { date, time: t.time } : undefined;
  }
  const date = recognizeDate(s);
  return date ? { date, time: null } : undefined;
}

export interface ResolveOptions {
  now: Date;
  timeZone: string;
  /** Formats an instant for messages (locale, zone, era). */
  format: (d: Date) => string;
}

const DAY = 86_400_000;
const MAX_AHEAD_DAYS = 2 * 366;

/**
 * Resolves a recognised date and time to one instant in the future, or throws a UserError that
 * says what is wrong: no date, no time, impossible, past, or ambiguous (am/pm, a repeated hour).
 */
export function resolveWhen(r: RecognizedWhen, opts: ResolveOptions): Date {
  if (!r.time) throw new UserError('meetings.whenNoTime', undefined);
  if (!r.date) throw new UserError('meetings.whenNoDate', undefined);
  const { hour, minute } = resolveHour(r.time);
  const today = wallTime(opts.now, opts.timeZone);
  const day = dayNamed(r.date, today, 'next');
  const wall: WallTime = { ...day, hour, minute };
  if (!isValidWallTime(wall)) throw new UserError('meetings.whenInvalid', undefined);
  const instants = instantsOf(wall, opts.timeZone);
  if (instants.length === 0) throw new UserError('meetings.whenSkipped', { zone: opts.timeZone });
  if (instants.length > 1) throw new UserError('meetings.whenRepeated', { first: opts.format(instants[0]!), second: opts.format(instants[1]!) });
  const at = instants[0]!;
  if (at.getTime() <= opts.now.getTime()) {
    const yearless = r.date.kind === 'ymd' && r.date.year === null;
    throw new UserError(yearless ? 'meetings.whenPastYearless' : 'meetings.whenPast', { when: opts.format(at) });
  }
  if (at.getTime() - opts.now.getTime() > MAX_AHEAD_DAYS * DAY) throw new UserError('meetings.whenTooFar', { when: opts.format(at) });
  return at;
}

function resolveHour(t: TimeSpec): { hour: number; minute: number } {
  let { hour } = t;
  const { minute } = t;
  if (minute > 59 || hour > 24) throw new UserError('meetings.whenInvalid', undefined);
  if (t.meridiem === 'pm' && hour >= 1 && hour <= 11) hour += 12;
  else if (t.meridiem === 'am' && hour === 12) hour = 0;
  else if (t.meridiem === 'am' && hour > 12) throw new UserError('meetings.whenInvalid', undefined);
  else if (t.meridiem === 'noon' && hour >= 1 && hour <= 2) hour += 12;
  else if (t.meridiem === null && !t.padded && hour >= 1 && hour <= 6) {
    // 「3點」 in a work chat usually means 15:00, but a bot should not guess a meeting time.
    const mm = String(minute).padStart(2, '0');
    throw new UserError('meetings.whenAmbiguousHour', { early: `0${hour}:${mm}`, late: `${hour + 12}:${mm}` });
  }
  if (hour > 23) throw new UserError('meetings.whenInvalid', undefined);
  return { hour, minute };
}

/** Recognises and resolves in one go; `usage` is shown when the text is not a date and time. */
export function parseWhen(input: string, opts: ResolveOptions): Date {
  const r = recognizeWhen(input);
  if (!r) throw new UserError('meetings.whenUnrecognized', { input: input.trim().slice(0, 40) });
  return resolveWhen(r, opts);
}

/** A duration written after a meeting's time: `90m`, `2h`, `1h30m`, `90分鐘`, `2小時`, `1.5h`. */
export function parseMeetingDuration(token: string): number | undefined {
  const s = token.normalize('NFKC').toLowerCase().trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,2})h(?:(\d{1,3})m(?:in)?)?$/.exec(s))) return Number(m[1]) * 60 + Number(m[2] ?? 0);
  if ((m = /^(\d{1,3})(?:m|min|mins|分|分鐘|分钟)$/.exec(s))) return Number(m[1]);
  if ((m = /^(\d{1,2}(?:\.\d)?)(?:h|hr|hrs|小時|小时|鐘頭)$/.exec(s))) return Math.round(Number(m[1]) * 60);
  return undefined;
}
