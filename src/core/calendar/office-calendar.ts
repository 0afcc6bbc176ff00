import type { Locale, Translate } from '../../i18n/catalog';
import { translator } from '../../i18n/catalog';
import type { Logger } from '../logger';
import type { CalendarDate } from '../dates/calendar-date';
import { addDays, daysBetween, instantAt, todayIn, weekdayOf } from '../dates/calendar-date';
import type { Holiday, HolidayCalendar } from '../meetings/holidays';
import { isOpen, type OfficialYear } from './official-year';

/** What the bot knows about one day in the configured zone. */
export interface DayInfo {
  /** Government offices are open (a 補行上班 Saturday is). */
  working: boolean;
  /** The day's name in zh-TW as the source gives it (端午節, 補假, 補行上班), or ''. */
  name: string;
  /** For a 補假: the holiday it makes up for (兒童節 for 2026-04-03), when the calendar shows one. */
  substituteFor?: string;
  /** From the official office calendar; false: weekends plus `date-holidays`, a best guess. */
  official: boolean;
}

export interface OfficeCalendarOptions {
  /** The official data for a year, or undefined when no file covers it (read on first use). */
  official: (year: number) => OfficialYear | undefined;
  /** For years without official data: public holidays from `date-holidays`, loaded on first use. */
  fallback: () => HolidayCalendar;
  timeZone: string;
  logger: Logger;
  /** One-off closures (`/calendar close`, a typhoon day): date → reason. */
  closures?: () => ReadonlyMap<CalendarDate, string>;
}

const SUBSTITUTE = '補假';

// A working day is never more than a few weeks away (春節 is the longest closure, ~9 days).
const SEARCH_LIMIT = 60;

/**
 * Working days as the government keeps them: the official office calendar (行政院人事行政總處
 * 辦公日曆表) where the bot has it, else weekends plus public holidays, with a warning logged
 * once per such year. Also the meetings' holiday lookup, so both agree.
 */
export class OfficeCalendar implements HolidayCalendar {
  private readonly years = new Map<number, OfficialYear | null>();
  private readonly warned = new Set<number>();
  private library: HolidayCalendar | undefined;

  constructor(private readonly opts: OfficeCalendarOptions) {}

  private officialYear(year: number): OfficialYear | undefined {
    if (!this.years.has(year)) this.years.set(year, this.opts.official(year) ?? null);
    return this.years.get(year) ?? undefined;
  }

  /** Whether the year's working days come from the official calendar. */
  hasOfficialData(year: number): boolean {
    return this.officialYear(year) !== undefined;
  }

  private fallback(year: number): HolidayCalendar {
    if (!this.warned.has(year)) {
      this.warned.add(year);
      this.opts.logger.warn({ year }, 'no official office calendar for this year: working days are weekends plus date-holidays (add the year to calendar.dir)');
    }
    return (this.library ??= this.opts.fallback());
  }

  day(date: CalendarDate): DayInfo {
    const info = this.rawDay(date);
    if (info.name !== SUBSTITUTE) return info;
    const substituteFor = this.substituteFor(date);
    return substituteFor ? { ...info, substituteFor } : info;
  }

  /**
   * A 補假 makes up for a holiday on a weekend next to it (紀念日及節日實施條例: a Saturday's on
   * the Friday before, a Sunday's on the Monday after; 春節's after the run of days off): the
   * named holiday on a weekend day nearest to it in the same run of closed days.
   */
  private substituteFor(date: CalendarDate): string | undefined {
    let from = date;
    let to = date;
    for (let i = 0; i < 14 && !this.rawDay(addDays(from, -1)).working; i++) from = addDays(from, -1);
    for (let i = 0; i < 14 && !this.rawDay(addDays(to, 1)).working; i++) to = addDays(to, 1);
    let best: { name: string; distance: number } | undefined;
    for (let d = from; d <= to; d = addDays(d, 1)) {
      const weekday = weekdayOf(d);
      const { name } = this.rawDay(d);
      if ((weekday !== 0 && weekday !== 6) || !name || name === SUBSTITUTE) continue;
      const distance = Math.abs(daysBetween(date, d));
      if (!best || distance < best.distance) best = { name, distance };
    }
    return best?.name;
  }

  private rawDay(date: CalendarDate): DayInfo {
    const closed = this.opts.closures?.().get(date);
    if (closed !== undefined) return { working: false, name: closed, official: this.hasOfficialData(Number(date.slice(0, 4))) };
    const year = Number(date.slice(0, 4));
    const y = this.officialYear(year);
    if (y) return { working: isOpen(y, date), name: y.days.get(date)?.name ?? '', official: true };
    const weekday = weekdayOf(date);
    const holidays = this.fallback(year).on(instantAt(date, '12:00', this.opts.timeZone), 'zh-TW');
    return { working: weekday !== 0 && weekday !== 6 && holidays.length === 0, name: holidays.map((h) => h.name).join('、'), official: false };
  }

  isWorkingDay(date: CalendarDate): boolean {
    return this.rawDay(date).working;
  }

  /** The day itself when offices are open, else the next day they are. */
  nextWorkingDay(date: CalendarDate): CalendarDate {
    return this.walk(date, 1);
  }

  /** The day itself when offices are open, else the last day before it that they are. */
  previousWorkingDay(date: CalendarDate): CalendarDate {
    return this.walk(date, -1);
  }

  private walk(date: CalendarDate, step: 1 | -1): CalendarDate {
    let d = date;
    for (let i = 0; i < SEARCH_LIMIT; i++, d = addDays(d, step)) if (this.isWorkingDay(d)) return d;
    return date;
  }

  /** Named days off on the instant's day (meetings flag them). A 補行上班 day is a working day: none. */
  on(at: Date, locale: Locale): readonly Holiday[] {
    const date = todayIn(at, this.opts.timeZone);
    const closed = this.opts.closures?.().get(date);
    if (closed !== undefined) return [{ name: translator(locale)('calendar.holidayName', { name: closed }), substitute: false }];
    const y = this.officialYear(Number(date.slice(0, 4)));
    if (!y) return this.fallback(Number(date.slice(0, 4))).on(at, locale);
    const d = y.days.get(date);
    if (!d || !d.off || !d.name) return [];
    return [{ name: dayName(this.day(date), translator(locale)), substitute: false }];
  }
}

/** A closed day's name as shown: `補假（兒童節）` for a 補假 whose holiday is known. */
export function dayName(d: DayInfo, t: Translate): string {
  const name = t('calendar.holidayName', { name: d.name });
  return d.substituteFor ? t('calendar.substituteFor', { name, holiday: t('calendar.holidayName', { name: d.substituteFor }) }) : name;
}
