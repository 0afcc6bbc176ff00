import type Holidays from 'date-holidays';
import type { Locale } from '../../i18n/catalog';
import type { CalendarDate } from '../dates/calendar-date';

/** Public holidays that fall on the day of an instant, by name; flagged on meetings and reminders. */
export interface HolidayCalendar {
  on(at: Date, locale: Locale): readonly Holiday[];
  /** Offices open that day (the office calendar knows; without it, weekdays are). */
  isWorkingDay?(date: CalendarDate): boolean;
}

export interface Holiday {
  name: string;
  /** An observed day off for a holiday that fell on a weekend (補假). */
  substitute: boolean;
}

export interface ExtraHoliday {
  /** A date-holidays rule, e.g. `12-25` or `09-28 and if Sunday then next Monday`. */
  rule: string;
  name: string;
  nameEn?: string;
}

// The library's zh data mixes in simplified characters and variants; shown as people write them.
const ZH_FIXES: Record<string, string> = { 农历新年假期: '農曆春節假期', 淸明節: '清明節', 靑年節: '青年節' };

/**
 * Taiwan's public days off that the installed date-holidays does not list (until it catches up), applied
 * whenever the country is TW. They live here rather than in bot.config.json so that checking
 * them costs nothing at start-up: the library takes 0.15–0.4 s to load, and a configured `extra`
 * rule can only be checked by loading it. test/meetings/holidays-builtin.test.ts checks these.
 */
export const BUILT_IN_HOLIDAYS: Readonly<Record<string, readonly ExtraHoliday[]>> = {
  TW: [
    { rule: '05-01 and if Saturday then previous Friday if Sunday then next Monday', name: '勞動節', nameEn: 'Labour Day' },
    { rule: '09-28 and if Saturday then previous Friday if Sunday then next Monday', name: '孔子誕辰紀念日', nameEn: "Teachers' Day" },
    { rule: '10-25 and if Saturday then previous Friday if Sunday then next Monday', name: '臺灣光復暨金門古寧頭大捷紀念日', nameEn: 'Taiwan Retrocession Day' },
    { rule: '12-25 and if Saturday then previous Friday if Sunday then next Monday', name: '行憲紀念日', nameEn: 'Constitution Day' },
  ],
};

/**
 * Loaded on first use, not at start-up: the library's data for every country takes a quarter
 * of a second to load, and a bot without meetings never needs it.
 */
function holidaysLibrary(): typeof Holidays {
  const m = require('date-holidays') as typeof Holidays | { default: typeof Holidays };
  return 'default' in m ? m.default : m;
}

type YearList = readonly { start: number; end: number; holiday: Holiday }[];

/**
 * Calendars and their years, shared by every app in the process with the same country and
 * rules: the library recomputes lunar dates per year (~0.1 s, far more under a test runner's
 * VM) and the data never changes while running.
 */
const CALENDARS = new Map<string, Holidays>();
const YEARS = new Map<string, YearList>();

/**
 * The maintained `date-holidays` data (days counted in the country's own zone, Asia/Taipei for
 * TW), public holidays only: observances such as 母親節 are not days off.
 */
export class LibraryHolidays implements HolidayCalendar {
  private readonly key: string;
  private hd: Holidays | undefined;

  constructor(
    private readonly country: string,
    private readonly extra: readonly ExtraHoliday[] = [],
  ) {
    this.key = JSON.stringify([country, extra]);
  }

  /** The configuration schema has already checked the country and the extra rules. */
  private calendar(): Holidays {
    if (this.hd) return this.hd;
    let hd = CALENDARS.get(this.key);
    if (!hd) {
      hd = new (holidaysLibrary())();
      if (!(this.country in hd.getCountries())) throw new Error(`date-holidays has no country ${this.country}`);
      hd.init(this.country);
      // Configured rules after the built-in ones: the same rule configured again replaces it.
      for (const x of [...(BUILT_IN_HOLIDAYS[this.country] ?? []), ...this.extra]) {
        if (!hd.setHoliday(x.rule, { name: { zh: x.name, en: x.nameEn ?? x.name }, type: 'public' } as never)) throw new Error(`Invalid holiday rule "${x.rule}"`);
      }
      CALENDARS.set(this.key, hd);
    }
    return (this.hd = hd);
  }

  private year(locale: Locale, year: number): YearList {
    const key = `${this.key}:${locale}:${year}`;
    let list = YEARS.get(key);
    if (!list) {
      list = this.calendar()
        .getHolidays(year, locale === 'en' ? 'en' : 'zh')
        .filter((h) => h.type === 'public')
        .map((h) => {
          const substitute = Boolean(h.substitute);
          // The library appends its own "(substitute day)" wording; the message adds ours.
          const base = substitute ? h.name.replace(/\s*\([^)]*\)\s*$/, '') : h.name;
          return { start: h.start.getTime(), end: h.end.getTime(), holiday: { name: ZH_FIXES[base] ?? base, substitute } };
        });
      YEARS.set(key, list);
    }
    return list;
  }

  on(at: Date, locale: Locale): readonly Holiday[] {
    const t = at.getTime();
    const out: Holiday[] = [];
    // The country's local year may differ from the UTC one near New Year (Taipei is UTC+8).
    const years = new Set([new Date(t - 14 * 3_600_000).getUTCFullYear(), new Date(t + 14 * 3_600_000).getUTCFullYear()]);
    for (const year of years) {
      for (const h of this.year(locale, year)) {
        if (h.start <= t && t < h.end && !out.some((o) => o.name === h.holiday.name)) out.push(h.holiday);
      }
    }
    return out;
  }
}
