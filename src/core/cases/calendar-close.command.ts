import type { Command } from '../feature';
import type { Span } from '../types';
import { UserError } from '../errors';
import { checkText } from '../input/check-text';
import { todayIn } from '../dates/calendar-date';
import { periodDeadline, closedBecause } from '../calendar/period-deadline';
import { formatCaseNumber } from './case-number';
import { isAnswered } from './case-stages';
import { showDate } from './case-dates';
import type { CaseworkSettings } from './casework.settings';
import { planDeadlineReminders } from './deadline-reminders';
import { parseDueDay } from './due-date';
import { requireFacilitator } from './roles';
import { recordDecision } from '../minutes/record-decision';
import { planDueReminder } from '../actions/due-reminders';

const REASON_MAX = 40;

/**
 * /calendar close <date> <reason>: a one-off closure (a typhoon day) the office calendar then
 * counts as a day off, for every clock. A response deadline computed from a passed date and
 * ending that day moves (§48); every open case's reminders are planned again around it.
 * It lives with the cases because it moves their deadlines; the calendar itself knows no cases.
 */
export function calendarCommand(s: CaseworkSettings): Command {
  return {
    name: 'calendar',
    description: 'calendar.helpCalendar',
    handle(ctx, args) {
      const m = /^\s*(close|停班|關閉)\s+(\S+)\s+([\s\S]+?)\s*$/i.exec(args);
      if (!m) throw new UserError('calendar.calendarUsage', undefined);
      requireFacilitator(ctx);
      const usage = ctx.t('calendar.calendarUsage');
      const { date, past } = parseDueDay(ctx, m[2]!, usage);
      const tz = ctx.services.settings.timezone;
      const shown = showDate(date, ctx.locale, tz);
      if (past || date < todayIn(ctx.now, tz)) throw new UserError('calendar.closePast', { date: shown });
      const reason = m[3]!.trim();
      checkText(reason, { max: REASON_MAX, multiline: false });
      const { calendar, store } = ctx.services;
      if (!calendar.isWorkingDay(date)) throw new UserError('calendar.closeAlready', { date: shown, why: closedBecause(date, calendar, ctx.t) });

      // Which deadlines are the passed date's period as the calendar stands now, before the closure.
      const open = store.cases.list().filter((c) => c.deadline !== null && !isAnswered(c, s));
      const computed = new Map(open.filter((c) => c.petitionPassedOn && periodDeadline(c.petitionPassedOn, s.responseDays, calendar).deadline === c.deadline).map((c) => [c.id, c.deadline!]));
      store.closures.add(date, reason, ctx.user.id, ctx.now);

      const text: Span[] = [ctx.t('calendar.closed', { date: shown, reason })];
      const change = { by: ctx.user.id, at: ctx.now };
      for (const c of open) {
        let current = c;
        const before = computed.get(c.id);
        if (before !== undefined) {
          const after = periodDeadline(c.petitionPassedOn!, s.responseDays, calendar).deadline;
          if (after !== before) {
            current = store.cases.setDeadline(c.id, after, change, c.petitionPassedOn!);
            const line = ctx.t('calendar.closeMoved', { name: formatCaseNumber(c.number, ctx.locale), from: showDate(before, ctx.locale, tz), to: showDate(after, ctx.locale, tz) });
            recordDecision(ctx, line, c.id);
            text.push('\n', line);
          }
        }
        planDeadlineReminders(current, ctx.services, s, ctx.now);
      }
      // A follow-up item's reminder goes out on the last working day up to its due day: one due
      // on or after the closed day may now have to go out earlier.
      for (const item of store.actions.list({ status: 'open' })) if (item.due && item.due >= date) planDueReminder(item, ctx.services, s, ctx.now);
      return { type: 'reply', message: { text } };
    },
  };
}
