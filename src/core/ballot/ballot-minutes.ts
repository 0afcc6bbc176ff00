import type { Services } from '../feature';
import type { ChatRef } from '../types';
import type { LineKind } from '../minutes/minutes';

/**
 * A line in the minutes this chat is recording, if it records any: the slate, withdrawals, the
 * ballot's opening, totals and selection belong to the meeting's record (and so to its SayIt file).
 * `userId` speaks it: the person who acted, or for an automatic close the one who opened the ballot.
 */
export function minutesLine(services: Services, chat: ChatRef, line: { kind: LineKind; text: string; userId: number; at: Date; actionItemId?: number | null }): void {
  const { minutes } = services.store;
  const m = minutes.recording(chat);
  if (!m) return;
  const user = services.people.get(line.userId);
  minutes.addLine({
    minutesId: m.id,
    at: line.at,
    userId: line.userId,
    speaker: user?.name ?? '?',
    agencyId: user?.agencyId ?? null,
    kind: line.kind,
    text: line.text,
    caseId: null,
    actionItemId: line.actionItemId ?? null,
  });
}
