import type { Locale, Translate } from '../../i18n/catalog';
import { translator } from '../../i18n/catalog';
import { formatDateTime, formatTimeRange } from '../../i18n/format-date';
import type { Meeting, MeetingKind, MeetingStatus } from './meeting';
import type { MeetingSettings } from './meetings.settings';
import { todayIn, weekdayOf } from '../dates/calendar-date';

const KIND_KEY = {
  weekly: 'meetings.kindWeekly',
  monthly: 'meetings.kindMonthly',
  quarterly: 'meetings.kindQuarterly',
  other: 'meetings.kindOther',
} as const satisfies Record<MeetingKind, string>;

const STATUS_KEY = {
  scheduled: 'meetings.statusScheduled',
  cancelled: 'meetings.statusCancelled',
  closed: 'meetings.statusClosed',
} as const satisfies Record<MeetingStatus, string>;

/** How meetings read in one locale: zone, ROC era and holidays from the meetings settings. */
export class MeetingFormat {
  readonly t: Translate;

  constructor(
    private readonly settings: MeetingSettings,
    readonly locale: Locale,
  ) {
    this.t = translator(locale);
  }

  at(d: Date): string {
    return formatDateTime(d, this.locale, this.settings.timezone, { roc: this.settings.rocEra });
  }

  span(m: Meeting): string {
    return this.range(m.startsAt, new Date(m.startsAt.getTime() + m.durationMin * 60_000));
  }

  /** Any span, as a meeting's is written (when its recording really started and ended). */
  range(from: Date, to: Date): string {
    return formatTimeRange(from, to, this.locale, this.settings.timezone, { roc: this.settings.rocEra });
  }

  kind(k: MeetingKind): string {
    return this.t(KIND_KEY[k]);
  }

  status(s: MeetingStatus): string {
    return this.t(STATUS_KEY[s]);
  }

  /** `⚠️ 當天是國定假日：…` when the meeting's day is a public holiday. */
  holiday(at: Date): string | undefined {
    const found = this.settings.holidays.on(at, this.locale);
    if (!found.length) return undefined;
    const names = found.map((h) => h.name + (h.substitute ? this.t('meetings.substitute') : '')).join(this.t('common.separator'));
    return this.t('meetings.holiday', { names });
  }

  /**
   * For a time a facilitator picks (add, move): the holiday warning, or `⚠️ 當天是週六，機關不上班。`
   * for a weekend offices are closed (a 補行上班 Saturday is not warned about).
   */
  closedDay(at: Date): string | undefined {
    const holiday = this.holiday(at);
    if (holiday) return holiday;
    const date = todayIn(at, this.settings.timezone);
    const weekday = weekdayOf(date);
    const working = this.settings.holidays.isWorkingDay?.(date) ?? (weekday !== 0 && weekday !== 6);
    if (working || (weekday !== 0 && weekday !== 6)) return undefined;
    return this.t('meetings.closedWeekend', { day: this.t(weekday === 6 ? 'calendar.saturday' : 'calendar.sunday') });
  }

  /** `1 天 2 小時後` / `in 1 day 2 hours`, rounded to the minute. */
  relative(ms: number): string {
    const total = Math.max(0, Math.round(ms / 60_000));
    return this.t('meetings.relative', { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 });
  }

  /** One line for a list: `#12〔週會〕協作會議 — 2026年12月4日（五）10:00–12:00 ⚠️…`. */
  line(m: Meeting): string {
    const holiday = this.holiday(m.startsAt);
    return this.t('meetings.listLine', { id: m.id, kind: this.kind(m.kind), title: m.title, when: this.span(m) }) + (holiday ? ` ${holiday}` : '');
  }
}
