import type { Context } from '../feature';
import { UserError } from '../errors';
import type { CalendarDate } from '../dates/calendar-date';
import { parseCalendarDate, todayIn } from '../dates/calendar-date';

export interface DueDay {
  date: CalendarDate;
  /** Already past (only possible with a written year): answered with a warning. */
  past: boolean;
}

/**
 * A deadline or due date as typed. Without a year it is the next such day; a day in the past
 * is taken only when the year is written (2025/12/31), never from a slip like `昨天`.
 */
export function parseDueDay(ctx: Context, input: string, usage: string): DueDay {
  const today = todayIn(ctx.now, ctx.services.settings.timezone);
  const d = parseCalendarDate(input, today, 'next');
  if (!d) throw new UserError('cases.badDate', { input: input.trim().slice(0, 40), usage });
  const past = d.date < today;
  if (past && !d.explicitYear) throw new UserError('calendar.pastNeedsYear', { input: input.trim().slice(0, 40), usage });
  return { date: d.date, past };
}
