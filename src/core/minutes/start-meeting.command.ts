import type { Command, Context, Reply } from '../feature';
import type { Span } from '../types';
import type { Meeting } from '../meetings/meeting';
import { UserError } from '../errors';
import { checkText } from '../input/check-text';
import { requireFacilitator } from '../cases/roles';
import { formatTimeRange } from '../../i18n/format-date';

export const TITLE_MAX = 120;
/** An ad-hoc meeting's nominal length; the minutes record when it really ended. */
const ADHOC_MINUTES = 60;
/** A facilitator opening the record this long before a scheduled start means that meeting. */
export const EARLY_START_MS = 30 * 60_000;
const LONGEST_MEETING_MS = 12 * 3_600_000;

/** The scheduled meeting in this chat that starts within 30 minutes or is going on; the one going on first. */
function scheduledHere(ctx: Context): Meeting | undefined {
  const at = ctx.now.getTime();
  const near = ctx.services.store.meetings
    .range(new Date(at - LONGEST_MEETING_MS), new Date(at + EARLY_START_MS + 1), ['scheduled'])
    .filter((m) => m.chats.includes(ctx.chat) && m.startsAt.getTime() - EARLY_START_MS <= at && at < m.startsAt.getTime() + m.durationMin * 60_000);
  return near.find((m) => m.startsAt.getTime() <= at) ?? near[0];
}

type Pick =
  | { kind: 'scheduled'; meeting: Meeting }
  | { kind: 'adhoc'; reason: 'none' | 'taken'; taken?: Meeting };

/** `/startmeeting <編號>` names the meeting; otherwise the scheduled one here, else an ad-hoc one. */
function pickMeeting(ctx: Context, number: number | undefined): Pick {
  const { store } = ctx.services;
  if (number !== undefined) {
    const m = store.meetings.get(number);
    if (!m) throw new UserError('meetings.notFound', { id: number });
    if (m.status !== 'scheduled') throw new UserError('minutes.startNotScheduled', { id: m.id });
    if (store.minutes.byMeeting(m.id)) throw new UserError('minutes.startHasMinutes', { id: m.id });
    return { kind: 'scheduled', meeting: m };
  }
  const m = scheduledHere(ctx);
  if (!m) return { kind: 'adhoc', reason: 'none' };
  // Its minutes were already taken (a second session the same day): a new meeting, and the answer says why.
  if (store.minutes.byMeeting(m.id)) return { kind: 'adhoc', reason: 'taken', taken: m };
  return { kind: 'scheduled', meeting: m };
}

/**
 * /startmeeting [編號|標題]: records the meeting that was scheduled here — from 30 minutes before
 * its start to its end — or the one named by number; only otherwise a 臨時會議, and the
 * answer says which it is.
 */
export const startMeetingCommand: Command = {
  name: 'startmeeting',
  description: 'minutes.helpStart',
  handle(ctx, args): Reply[] {
    requireFacilitator(ctx);
    const arg = args.trim();
    const numbered = /^#?(\d{1,9})$/.exec(arg.normalize('NFKC'));
    const title = numbered ? '' : arg;
    if (title) checkText(title, { max: TITLE_MAX, multiline: false });
    const { store, settings } = ctx.services;
    const busy = store.minutes.recording(ctx.chat);
    if (busy) throw new UserError('minutes.alreadyRecording', { id: busy.meetingId, title: busy.title });
    const { minutes, pick, meeting } = store.transaction(() => {
      const pick = pickMeeting(ctx, numbered ? Number(numbered[1]) : undefined);
      const meeting =
        pick.kind === 'scheduled'
          ? pick.meeting
          : store.meetings.create({
              series: null,
              occurrence: null,
              kind: 'other',
              title: title || ctx.t('minutes.adhocTitle'),
              startsAt: ctx.now,
              durationMin: ADHOC_MINUTES,
              chats: [ctx.chat],
              createdBy: ctx.user.id,
              createdAt: ctx.now,
            });
      const started = store.minutes.start({ meetingId: meeting.id, chat: ctx.chat, title: title || meeting.title, by: ctx.user.id, at: ctx.now, ownsMeeting: pick.kind === 'adhoc' });
      // Another /startmeeting won the race: roll back the meeting this one created.
      if (!started) throw new UserError('minutes.alreadyRecording', { id: meeting.id, title: meeting.title });
      return { minutes: started, pick, meeting };
    });
    const text: Span[] = [];
    if (pick.kind === 'scheduled') {
      const when = formatTimeRange(meeting.startsAt, new Date(meeting.startsAt.getTime() + meeting.durationMin * 60_000), ctx.locale, settings.timezone);
      text.push({ bold: '📝 ' + ctx.t('minutes.startedScheduled', { id: meeting.id, title: minutes.title, when }) });
    } else {
      text.push({ bold: '📝 ' + ctx.t('minutes.startedAdhoc', { id: meeting.id, title: minutes.title }) });
      text.push('\n', pick.reason === 'taken' ? ctx.t('minutes.adhocBecauseTaken', { id: pick.taken!.id, title: pick.taken!.title }) : ctx.t('minutes.adhocBecauseNone'));
    }
    text.push('\n', ctx.t('minutes.startedHelp'));
    return [{ type: 'post', message: { text } }];
  },
};
