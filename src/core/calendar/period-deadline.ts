import type { Translate } from '../../i18n/catalog';
import type { CalendarDate } from '../dates/calendar-date';
import { addDays, weekdayOf } from '../dates/calendar-date';
import { dayName, type OfficeCalendar } from './office-calendar';

// 行政程序法第48條第4項: a period whose last day is a day offices are closed ends on the next
// working day. Only deadlines computed from a period move; a date someone types stays as typed.

export interface PeriodDeadline {
  /** The period's last day as counted. */
  nominal: CalendarDate;
  /** The deadline: `nominal`, or the next working day after it. */
  deadline: CalendarDate;
}

export function periodDeadline(start: CalendarDate, days: number, calendar: OfficeCalendar): PeriodDeadline {
  const nominal = addDays(start, days);
  return { nominal, deadline: calendar.nextWorkingDay(nominal) };
}

/** Why a day is not a working day: its holiday name, else 週六/週日. */
export function closedBecause(date: CalendarDate, calendar: OfficeCalendar, t: Translate): string {
  const day = calendar.day(date);
  if (day.name) return dayName(day, t);
  return weekdayOf(date) === 6 ? t('calendar.saturday') : t('calendar.sunday');
}

/** `（6月19日端午節，依行政程序法第48條順延）` when the deadline was moved, else ''. */
export function rolledForwardNote(p: PeriodDeadline, calendar: OfficeCalendar, t: Translate): string {
  if (p.deadline === p.nominal) return '';
  const [, month, day] = p.nominal.split('-').map(Number) as [number, number, number];
  return t('calendar.rolledForward', { day: t('calendar.monthDay', { month, day }), why: closedBecause(p.nominal, calendar, t) });
}

/** `（2027 年尚無官方辦公日曆…）` when the day's working status is a guess, else ''. */
export function unofficialNote(date: CalendarDate, calendar: OfficeCalendar, t: Translate): string {
  const year = Number(date.slice(0, 4));
  return calendar.hasOfficialData(year) ? '' : t('calendar.unofficialYear', { year });
}

/**
 * A period in working days (the Join SOP's 14 working days to contact the proposer): the first
 * day is not counted, every later day offices are open is (a 補行上班 Saturday too; a holiday,
 * 補假 or one-off closure not). Its last day is a working day, so §48 never moves it.
 */
export function workingDaysDeadline(start: CalendarDate, days: number, calendar: OfficeCalendar): PeriodDeadline {
  let d = start;
  for (let left = days; left > 0; ) {
    d = addDays(d, 1);
    if (calendar.isWorkingDay(d)) left--;
  }
  return { nominal: d, deadline: d };
}
