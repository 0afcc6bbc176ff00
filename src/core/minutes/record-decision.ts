import type { Context } from '../feature';
import { addLine } from './minutes.recorder';

/**
 * While this chat records a meeting, a decision taken by command (/select, /case … lead, stage,
 * deadline, close) is a 決議 line of its minutes: the summary, the Markdown and the SayIt file
 * then carry the meeting's main results, not only what someone typed.
 *
 * `replaces` are the texts the setting's previous value was recorded as. When this meeting
 * already recorded one of them for the case, the setting was corrected within the meeting: its
 * minutes (and everything published from them) carry one decision, the final value, so the
 * earlier line goes. Returns true then, for the caller to mark the earlier value 更正 in the
 * case's timeline, which keeps both.
 */
export function recordDecision(ctx: Context, text: string, caseId: number | null, replaces: readonly string[] = []): boolean {
  const { minutes } = ctx.services.store;
  const m = minutes.recording(ctx.chat);
  if (!m) return false;
  const earlier = replaces.length ? minutes.lines(m.id).findLast((l) => l.kind === 'decision' && l.caseId === caseId && replaces.includes(l.text)) : undefined;
  if (earlier) minutes.removeLine(earlier.id);
  addLine(ctx, m, 'decision', text, { caseId });
  return earlier !== undefined;
}
