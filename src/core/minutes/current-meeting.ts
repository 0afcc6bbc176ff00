import type { Context } from '../feature';

/** The meeting this chat is in: the one being recorded here, else a scheduled one in progress. */
export function currentMeetingId(ctx: Context): number | null {
  const { minutes, meetings } = ctx.services.store;
  return minutes.recording(ctx.chat)?.meetingId ?? meetings.inProgress(ctx.chat, ctx.now)?.id ?? null;
}
