import type { Context, MessageListener } from '../feature';
import type { LineKind, Minutes } from './minutes';

/** Adds a line spoken by the actor, with their name and agency as they are now. */
export function addLine(ctx: Context, m: Minutes, kind: LineKind, text: string, extra: { caseId?: number | null; actionItemId?: number | null } = {}): void {
  ctx.services.store.minutes.addLine({
    minutesId: m.id,
    at: ctx.now,
    userId: ctx.user.id,
    speaker: ctx.user.name,
    agencyId: ctx.user.agencyId,
    kind,
    text,
    caseId: extra.caseId ?? null,
    actionItemId: extra.actionItemId ?? null,
  });
}

/** While a chat records minutes, every plain message goes into them verbatim; exports escape it. */
export const minutesRecorder: MessageListener = {
  handle(ctx, e) {
    const m = ctx.services.store.minutes.recording(ctx.chat);
    if (m && e.text.trim()) addLine(ctx, m, 'message', e.text);
    return undefined;
  },
};
