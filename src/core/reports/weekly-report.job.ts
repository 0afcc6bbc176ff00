import type { Services } from '../feature';
import type { JobHandler } from '../jobs';
import type { ChatRef } from '../types';
import type { CalendarDate } from '../dates/calendar-date';
import { addDays, instantAt, todayIn, weekdayOf } from '../dates/calendar-date';
import type { CaseworkSettings } from '../cases/casework.settings';
import { weeklyDigest } from './weekly-digest';

export const WEEKLY_REPORT_JOB = 'reports.weekly';
const PREFIX = 'reports:weekly:';

/**
 * The posting moment of the week (Monday to Sunday) that holds `day`. The key names the week
 * by its Monday, so a changed weekday or time moves that week's report instead of adding one.
 */
function momentOfWeek(day: CalendarDate, at: { weekday: number; time: string }, timeZone: string): { key: string; dueAt: Date } {
  const monday = addDays(day, -((weekdayOf(day) + 6) % 7));
  return { key: PREFIX + monday, dueAt: instantAt(addDays(monday, (at.weekday + 6) % 7), at.time, timeZone) };
}

/**
 * Keeps one weekly report planned: this week's while its moment is ahead, else next week's.
 * One that a stopped bot left pending still runs when the scheduler next does (and posts if
 * less than a day late); switched off, the planned one is cancelled. Returns when the next one
 * is due.
 */
export function planWeeklyReport(services: Services, s: CaseworkSettings, now: Date): Date | undefined {
  const { jobs } = services.store;
  if (!s.weeklyReport) {
    jobs.cancelPrefix(PREFIX);
    return undefined;
  }
  const tz = services.settings.timezone;
  const today = todayIn(now, tz);
  let next = momentOfWeek(today, s.weeklyReport, tz);
  const thisWeek = jobs.get(next.key);
  if (thisWeek?.status === 'pending' && thisWeek.dueAt.getTime() <= now.getTime()) return thisWeek.dueAt;
  const sentOrSending = thisWeek?.status === 'done' || thisWeek?.status === 'running';
  if (sentOrSending || next.dueAt.getTime() <= now.getTime()) next = momentOfWeek(addDays(today, 7), s.weeklyReport, tz);
  // Another week's, planned under an older setting, would be a second report.
  for (const j of jobs.pending(PREFIX)) if (j.key !== next.key) jobs.cancel(j.key);
  jobs.schedule({ kind: WEEKLY_REPORT_JOB, key: next.key, dueAt: next.dueAt });
  return next.dueAt;
}

/** A report the bot was down for goes out later the same day at most; an older one is stale. */
const LATE_LIMIT_MS = 86_400_000;

/** Posts the digest to the home chats and plans next week's. */
export function weeklyReportJob(s: CaseworkSettings, homeChats: () => readonly ChatRef[]): JobHandler {
  return {
    kind: WEEKLY_REPORT_JOB,
    run(ctx) {
      planWeeklyReport(ctx.services, s, ctx.now);
      if (!s.weeklyReport) return [];
      if (ctx.now.getTime() - ctx.job.dueAt.getTime() > LATE_LIMIT_MS) {
        ctx.services.logger.info({ job: ctx.job.key, dueAt: ctx.job.dueAt }, 'weekly report skipped: more than a day late');
        return [];
      }
      const text = [...weeklyDigest(ctx, s), '\n\n', ctx.t('reports.postedWeekly')];
      return homeChats().map((chat) => ({ type: 'post' as const, chat, message: { text } }));
    },
  };
}
