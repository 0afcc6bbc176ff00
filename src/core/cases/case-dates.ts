import type { Locale, Translate } from '../../i18n/catalog';
import { formatDate } from '../../i18n/format-date';
import type { CalendarDate, Case } from './case';
import { daysBetween, instantAt, todayIn } from './calendar-date';
import { isClosed } from './case-stages';
import type { CaseworkSettings } from './casework.settings';

/** A calendar day as people read it: 2026年12月4日（五） / Fri 4 Dec 2026. */
export function showDate(date: CalendarDate, locale: Locale, timeZone: string): string {
  return formatDate(instantAt(date, '12:00', timeZone), locale, timeZone);
}

/** Days from today to the date in the zone: negative when past. */
export function daysLeft(date: CalendarDate, now: Date, timeZone: string): number {
  return daysBetween(todayIn(now, timeZone), date);
}

export function isOverdue(c: Case, now: Date, timeZone: string, s: CaseworkSettings): boolean {
  return c.deadline !== null && !isClosed(c, s) && daysLeft(c.deadline, now, timeZone) < 0;
}

/** "（剩 12 天）", "（今天到期）", "⚠️ 已逾期 3 天". */
export function dueNote(date: CalendarDate, now: Date, timeZone: string, t: Translate, closed = false): string {
  if (closed) return '';
  const n = daysLeft(date, now, timeZone);
  if (n > 0) return t('cases.daysLeft', { n });
  if (n === 0) return t('cases.dueToday');
  return t('cases.overdue', { n: -n });
}
