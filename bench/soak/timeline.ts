import type { DbView } from './db-view';
import type { Prng } from './prng';

// The accelerated clock. Each life of the bot starts with BOT_NOW at the simulated moment and
// its clock then runs in real time; between lives the simulated clock jumps ahead — but never
// past a moment the bot has work at: a job falling due (reminders, agendas, the weekly digest,
// the daily calendar expansion), the end of a killed process's claim on a job, or a meeting
// (several lives inside each, a few minutes apart, for the minutes). Skipped stretches are
// ones where a running bot would have done nothing but answer traffic, which the soak sends
// in every life anyway.

export interface TimelineOptions {
  /** The longest jump between two lives when nothing falls due sooner (ms). */
  maxGapMs: number;
  end: number;
}

export function nextMoment(view: DbView, rnd: Prng, now: number, o: TimelineOptions): number {
  // Work already due and not yet done: stay (the next life does it).
  if (view.read((db) => db.prepare(`select count(*) from jobs where status = 'pending' and due_at <= ?`).pluck().get(now) as number) > 0) return now;
  const meetings = view.meetings().filter((m) => m.status === 'scheduled');
  const inMeeting = meetings.some((m) => m.startsAt <= now && now < m.endsAt);
  const candidates = [o.end, now + (inMeeting ? rnd.int(5, 30) * 60_000 : rnd.int(Math.min(3_600_000, o.maxGapMs), o.maxGapMs))];
  const job = view.nextJobMoment(now);
  // A second after: due, and claimed by the first tick of the life that starts then.
  if (job !== undefined) candidates.push(job + 1_000);
  for (const m of meetings) if (m.startsAt > now) candidates.push(m.startsAt + 60_000);
  return Math.max(now, Math.min(...candidates));
}

/** The meeting whose time `now` is in, for a chat, if any. */
export function meetingAt(view: DbView, chat: string, now: number): boolean {
  return view.meetings().some((m) => m.status === 'scheduled' && m.chats.includes(chat) && m.startsAt <= now && now < m.endsAt);
}
