import type { Context } from '../feature';
import { UserError } from '../errors';
import { foldWidth } from '../input/ime';
import type { Minutes, MinutesLine } from './minutes';

/** `12` or `#12`, in half or full width: a meeting's number as people type it. */
export function parseMeetingNumber(word: string | undefined): number | undefined {
  const n = word === undefined ? null : /^#?(\d{1,9})$/.exec(foldWidth(word));
  return n ? Number(n[1]) : undefined;
}

/** A line's number as people type it (from 1), or undefined. */
export function parseLineNumber(word: string | undefined): number | undefined {
  const n = word === undefined ? null : /^(\d{1,6})$/.exec(foldWidth(word));
  return n ? Number(n[1]) : undefined;
}

/** The minutes of meeting N, or a UserError saying it has none. */
export function minutesOf(ctx: Context, meetingId: number): Minutes {
  const m = ctx.services.store.minutes.byMeeting(meetingId);
  if (!m) throw new UserError('minutes.noMinutesFor', { id: meetingId });
  return m;
}

/**
 * Line N of a meeting's record: its place among all the lines, struck ones included, so a
 * number given to a speaker or seen by a facilitator keeps meaning the same line.
 */
export function lineOf(ctx: Context, m: Minutes, no: number): MinutesLine {
  const lines = ctx.services.store.minutes.lines(m.id);
  const line = no >= 1 ? lines[no - 1] : undefined;
  if (!line) throw new UserError('minutes.noSuchLine', { id: m.meetingId, no, count: lines.length });
  return line;
}
