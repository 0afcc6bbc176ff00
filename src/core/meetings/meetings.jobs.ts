import type { Reply } from '../feature';
import type { JobContext, JobHandler } from '../jobs';
import type { AgendaContributor, Meeting } from './meeting';
import { AGENDA_JOB, EXPAND_JOB, REMIND_JOB, remindKey, type MeetingCalendar } from './calendar';
import { MeetingFormat } from './meeting.format';
import { compileAgenda, renderAgenda } from './agenda.compile';
import { renderReminder } from './reminder.render';
import type { OutboundMessage } from '../types';

/** A reminder that goes out more than this after its time says so (the bot was down). */
export const LATE_AFTER_MS = 5 * 60_000;
export const AGENDA_RECORD = 'meeting-agenda';

function scheduledMeeting(ctx: JobContext): Meeting | undefined {
  const m = ctx.services.store.meetings.get(Number(ctx.job.payload.meetingId));
  // Cancelled, closed or already started: nothing to announce any more.
  if (!m || m.status !== 'scheduled' || m.startsAt.getTime() <= ctx.now.getTime()) return undefined;
  return m;
}

function postAll(m: Meeting, calendar: MeetingCalendar, message: OutboundMessage, show?: { kind: string; id: number }): Reply[] {
  return m.chats.filter((c) => calendar.settings.canPost(c)).map((chat) => ({ type: 'post' as const, chat, message, show }));
}

export function meetingJobs(calendar: MeetingCalendar, contributors: () => readonly AgendaContributor[]): JobHandler[] {
  const remind: JobHandler = {
    kind: REMIND_JOB,
    run(ctx) {
      const m = scheduledMeeting(ctx);
      if (!m) return [];
      const offsetMs = Number(ctx.job.payload.offsetMs);
      const due = m.startsAt.getTime() - offsetMs;
      const now = ctx.now.getTime();
      // After downtime several reminders can be due at once: only the latest one is sent.
      const superseded = calendar.reminderOffsets(m).some((o) => {
        if (o >= offsetMs || m.startsAt.getTime() - o > now) return false;
        const status = ctx.services.store.jobs.get(remindKey(m.id, o))?.status;
        return status === 'pending' || status === 'running';
      });
      if (superseded) return [];
      const fmt = new MeetingFormat(calendar.settings, ctx.locale);
      const names = calendar.hasAgenda(m)
        ? compileAgenda(m, contributors(), fmt, ctx.services, ctx.now).agencies.map((id) => ctx.services.people.agencies.name(id) ?? '?')
        : undefined;
      const late = now - due > LATE_AFTER_MS ? new Date(due) : undefined;
      return postAll(m, calendar, renderReminder({ meeting: m, now: ctx.now, agencies: names, lateSince: late }, fmt));
    },
  };

  const agenda: JobHandler = {
    kind: AGENDA_JOB,
    run(ctx) {
      const m = scheduledMeeting(ctx);
      if (!m) return [];
      const fmt = new MeetingFormat(calendar.settings, ctx.locale);
      const message = renderAgenda(compileAgenda(m, contributors(), fmt, ctx.services, ctx.now), fmt, { draft: true });
      // Linked to the meeting's agenda record: later /agenda add or remove updates these posts.
      return postAll(m, calendar, message, { kind: AGENDA_RECORD, id: m.id });
    },
  };

  const expand: JobHandler = {
    kind: EXPAND_JOB,
    run(ctx) {
      calendar.expand(ctx.now);
      return [];
    },
  };

  return [remind, agenda, expand];
}
