// Days as POs type them, for meetings (`/meet`, `/meeting move`) and for deadlines and due dates
// (`/case … deadline`, `/action … due`) alike: 2026-12-04, 2026/12/4, 12/4, 12.4, 12月4日,
// ROC 115/12/4 and 民國115年12月4日, 4月底, 今天/明天/後天, 週五/下週五, friday/next friday, and English
// Dec 31, December 31, 2026 and 31 December 2026.
// Only the syntax and the day it names live here; each feature decides what it refuses
// (a meeting in the past, an impossible date) and says so in its own words.

export type DateSpec =
  | { kind: 'ymd'; year: number | null; month: number; day: number }
  /** Days from today; yesterday is recognised so a meeting can refuse it as past, not as unreadable. */
  | { kind: 'days'; n: number }
  | { kind: 'weekday'; weekday: number; week: 'coming' | 'this' | 'next' | 'after-next' }
  /** The last day of this month (0) or the next (1): 月底, 下個月底, end of month. */
  | { kind: 'monthEnd'; months: number }
  /** 年底, end of year: 12/31 of this year. */
  | { kind: 'yearEnd' }
  /** 4月底: the last day of a named month (of the written year, else by the yearless rule). */
  | { kind: 'endOfMonth'; year: number | null; month: number };

export interface Day {
  year: number;
  month: number;
  day: number;
}

/** Weekday names as configuration spells them; the index is the weekday (0 = Sunday). */
export const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

const ZH_WEEKDAY: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const EN_WEEKDAY: Record<string, number> = {
  sun: 0, sunday: 0, mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6,
};
const RELATIVE_DAYS: Record<string, number> = { 前天: -2, 昨天: -1, 昨日: -1, yesterday: -1, 今天: 0, 今日: 0, 明天: 1, 明日: 1, 後天: 2, 后天: 2, 大後天: 3, 大后天: 3, today: 0, tomorrow: 1 };

const EN_MONTH: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

const MONTH_END: Record<string, number> = {
  月底: 0, 本月底: 0, 這個月底: 0, 这个月底: 0, 月底前: 0, 'end of month': 0, 'end of the month': 0, 'end of this month': 0,
  下個月底: 1, 下月底: 1, 下个月底: 1, 'end of next month': 1,
};

/** NFKC folds full-width digits and punctuation (２０２６－１２－０４) into ASCII, as IMEs type them. */
export function normalizeDateText(input: string): string {
  return input.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The day the (normalized) text names, by syntax only; undefined when it is not a date. */
export function recognizeDate(s: string): DateSpec | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^(?:民國|民国)?(\d{4}|\d{2,3})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s))) return ymd(m[1]!, m[2]!, m[3]!);
  if ((m = /^(?:(?:民國|民国)?(\d{2,4})年)?(\d{1,2})月(\d{1,2})[日號号]?$/.exec(s))) {
    return m[1] ? ymd(m[1], m[2]!, m[3]!) : { kind: 'ymd', year: null, month: Number(m[2]), day: Number(m[3]) };
  }
  if ((m = /^(\d{1,2})[/.](\d{1,2})$/.exec(s))) return { kind: 'ymd', year: null, month: Number(m[1]), day: Number(m[2]) };
  if ((m = /^(?:(?:民國|民国)?(\d{2,4})年)?(\d{1,2})月底$/.exec(s)) && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    return { kind: 'endOfMonth', year: m[1] ? rocOrWestern(m[1]) : null, month: Number(m[2]) };
  }
  // Dec 31, dec. 31, December 31, 2026, Sept 3 2026; 31 December 2026, 31st dec.
  if ((m = /^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?$/.exec(s)) && Object.hasOwn(EN_MONTH, m[1]!)) {
    return { kind: 'ymd', year: m[3] ? Number(m[3]) : null, month: EN_MONTH[m[1]!]!, day: Number(m[2]) };
  }
  if ((m = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?,?(?: (\d{4}))?$/.exec(s)) && Object.hasOwn(EN_MONTH, m[2]!)) {
    return { kind: 'ymd', year: m[3] ? Number(m[3]) : null, month: EN_MONTH[m[2]!]!, day: Number(m[1]) };
  }
  if (Object.hasOwn(MONTH_END, s)) return { kind: 'monthEnd', months: MONTH_END[s]! };
  if (/^(?:今年|本年)?年底$|^end of (?:the |this )?year$/.test(s)) return { kind: 'yearEnd' };
  if (Object.hasOwn(RELATIVE_DAYS, s)) return { kind: 'days', n: RELATIVE_DAYS[s]! };
  if ((m = /^(這|这|本|下下|下)?(?:個|个)?(?:週|周|星期|禮拜|礼拜)([一二三四五六日天])$/.exec(s))) {
    const week = m[1] === undefined ? 'coming' : m[1] === '下' ? 'next' : m[1] === '下下' ? 'after-next' : 'this';
    return { kind: 'weekday', weekday: ZH_WEEKDAY[m[2]!]!, week };
  }
  if ((m = /^(?:(this|next) )?([a-z]+)$/.exec(s)) && Object.hasOwn(EN_WEEKDAY, m[2]!)) {
    return { kind: 'weekday', weekday: EN_WEEKDAY[m[2]!]!, week: m[1] === 'next' ? 'next' : m[1] === 'this' ? 'this' : 'coming' };
  }
  return undefined;
}

// Two- and three-digit years are the ROC era (民國115年 = 2026), as Taiwanese officials write them.
function rocOrWestern(y: string): number {
  return y.length <= 3 ? Number(y) + 1911 : Number(y);
}

function ymd(y: string, mo: string, d: string): DateSpec {
  return { kind: 'ymd', year: rocOrWestern(y), month: Number(mo), day: Number(d) };
}

const DAY = 86_400_000;

function dayAt(ms: number): Day {
  const t = new Date(ms);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** Whether the day is on the calendar (not 2/30, not 2/29 of a common year). */
export function dayExists(d: Day): boolean {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return t.getUTCMonth() === d.month - 1 && t.getUTCDate() === d.day;
}

/**
 * The day a recognised date names, seen from `today` (weekday 0 = Sunday). One rule for a
 * date without a year, in every command: `next` (deadlines, due dates, meetings) means its next
 * occurrence, today included (on 2026-03-04, `12/31` is 2026-12-31 and `1/5` is 2027-01-05);
 * `last` (the day a petition passed, which is normally past) means its most recent occurrence,
 * today included. A bare weekday follows the same direction. A written year is taken as
 * written. Not checked: 2/30 comes back as is, for the caller to refuse.
 */
export function dayNamed(d: DateSpec, today: Day & { weekday: number }, yearless: 'next' | 'last'): Day {
  const todayMs = Date.UTC(today.year, today.month - 1, today.day);
  switch (d.kind) {
    case 'ymd': {
      if (d.year !== null) return { year: d.year, month: d.month, day: d.day };
      const step = yearless === 'next' ? 1 : -1;
      // 2/29 recurs only in leap years: look up to 8 years on (or back) for one.
      for (let i = 0; i <= 8; i++) {
        const x = { year: today.year + step * i, month: d.month, day: d.day };
        if (!dayExists(x)) continue;
        const ms = Date.UTC(x.year, x.month - 1, x.day);
        if (yearless === 'next' ? ms >= todayMs : ms <= todayMs) return x;
      }
      return { year: today.year, month: d.month, day: d.day };
    }
    case 'days':
      return dayAt(todayMs + d.n * DAY);
    case 'monthEnd':
      // Day 0 of the month after is the last day of the month wanted.
      return dayAt(Date.UTC(today.year, today.month + d.months, 0));
    case 'yearEnd':
      return { year: today.year, month: 12, day: 31 };
    case 'endOfMonth': {
      const last = (year: number) => dayAt(Date.UTC(year, d.month, 0));
      if (d.year !== null) return last(d.year);
      // The month's last day is on or after today (next), or on or before it (last).
      const thisYear = last(today.year);
      const ms = Date.UTC(thisYear.year, thisYear.month - 1, thisYear.day);
      if (yearless === 'next') return ms >= todayMs ? thisYear : last(today.year + 1);
      return ms <= todayMs ? thisYear : last(today.year - 1);
    }
    case 'weekday': {
      if (d.week === 'coming') {
        const back = yearless === 'last' ? -((today.weekday - d.weekday + 7) % 7) : (d.weekday - today.weekday + 7) % 7;
        return dayAt(todayMs + back * DAY);
      }
      // Weeks run Monday to Sunday, as on Taiwanese calendars: 下週五 is the Friday of next week.
      const monday = todayMs - ((today.weekday + 6) % 7) * DAY;
      const offset = ((d.weekday + 6) % 7) + (d.week === 'next' ? 7 : d.week === 'after-next' ? 14 : 0);
      return dayAt(monday + offset * DAY);
    }
  }
}
