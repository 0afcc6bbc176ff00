import type { Context } from '../feature';
import { addLine } from './minutes.recorder';

/**
 * While this chat records a meeting, a decision taken by command (/select, /case … lead, stage,
 * deadline, close) is a 決議 line of its minutes: the summary, the Markdown and the SayIt file
 * then carry the meeting's main results, not only what someone typed.
 */
export function recordDecision(ctx: Context, text: string, caseId: number | null): void {
  const m = ctx.services.store.minutes.recording(ctx.chat);
  if (m) addLine(ctx, m, 'decision', text, { caseId });
}
