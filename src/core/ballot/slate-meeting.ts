import type { Context } from '../feature';
import type { Meeting } from '../meetings/meeting';
import { UserError } from '../errors';
import { currentMeetingId } from '../minutes/current-meeting';

const DAY = 86_400_000;
/** How far ahead the next 月會 is looked for. */
const AHEAD_DAYS = 120;

/** A meeting that has not ended yet at `now`. */
function notOver(m: Meeting, now: Date): boolean {
  return m.status === 'scheduled' && m.startsAt.getTime() + m.durationMin * 60_000 > now.getTime();
}

/**
 * The meeting a slate or ballot belongs to when none is named: the 月會 this chat is in (being
 * recorded or going on here), else the next 月會 not over yet, else whatever meeting this chat is
 * in (a 臨時會議 held to vote). None at all: the answer says how to get one.
 */
export function slateMeeting(ctx: Context): Meeting {
  const { meetings } = ctx.services.store;
  const hereId = currentMeetingId(ctx);
  const here = hereId === null ? undefined : meetings.get(hereId);
  if (here?.kind === 'monthly') return here;
  const from = new Date(ctx.now.getTime() - DAY);
  const next = meetings.between(from, new Date(ctx.now.getTime() + AHEAD_DAYS * DAY)).find((m) => m.kind === 'monthly' && notOver(m, ctx.now));
  if (next) return next;
  if (here) return here;
  throw new UserError('ballot.noMeeting', undefined);
}

/** `/slate 12`: the meeting named by number. */
export function namedMeeting(ctx: Context, id: number): Meeting {
  const m = ctx.services.store.meetings.get(id);
  if (!m) throw new UserError('meetings.notFound', { id });
  return m;
}
