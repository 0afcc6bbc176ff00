import type { Context, Reply } from '../feature';
import { UserError } from '../errors';
import { checkText } from '../input/check-text';
import { requireFacilitator } from '../cases/roles';
import type { MinutesLine } from './minutes';
import { isRecordPublished } from './record-published';
import { scheduleSayitUpload } from './sayit/sayit-upload.job';
import { lineOf, minutesOf, parseLineNumber, parseMeetingNumber } from './minutes-line-ref';

export const STRIKE_REASON_MAX = 500;

/**
 * /minutes strike <meeting> <line> <reason> (facilitators): a line recorded by mistake, such as
 * a decision typed with the wrong date, leaves the published minutes, the summary and the SayIt
 * file. It stays in the record's history with who struck it, when and why; a /decision's entry
 * in its case's timeline is marked 更正, kept. A line a command recorded (/case N deadline …)
 * leaves the minutes only: the setting itself happened, and its timeline entry says so until the
 * setting is changed. Logged, since it changes a record that may already be public.
 */
export function strikeLine(ctx: Context, words: readonly string[], rest: (n: number) => string): Reply {
  requireFacilitator(ctx);
  const meetingId = parseMeetingNumber(words[0]);
  const no = parseLineNumber(words[1]);
  const reason = rest(2).trim();
  if (meetingId === undefined || no === undefined || !reason) throw new UserError('minutes.strikeUsage', undefined);
  checkText(reason, { max: STRIKE_REASON_MAX, multiline: false });
  const { store, logger } = ctx.services;
  const m = minutesOf(ctx, meetingId);
  const line = lineOf(ctx, m, no);
  if (line.struck) throw new UserError('minutes.alreadyStruck', { id: meetingId, no });
  store.transaction(() => {
    store.minutes.strike(line.id, { at: ctx.now, by: ctx.user.id, reason });
    if (line.kind === 'decision' && line.caseId !== null) markCaseEvent(ctx, line, m.meetingId);
    // Already public: SayIt's copy is published again without the line (the section replaced).
    if (isRecordPublished(m)) scheduleSayitUpload(ctx.services, m.meetingId, ctx.now);
  });
  logger.info({ meeting: meetingId, line: no, lineId: line.id, kind: line.kind, by: ctx.user.id, reason }, 'minutes line struck');
  return { type: 'reply', message: { text: [ctx.t('minutes.struck', { id: meetingId, no, text: line.text })] } };
}

function markCaseEvent(ctx: Context, line: MinutesLine, meetingId: number): void {
  const { cases } = ctx.services.store;
  const e = cases
    .events(line.caseId!)
    .find((e) => e.detail.kind === 'decision' && e.detail.meetingId === meetingId && e.detail.text === line.text && e.at.getTime() === line.at.getTime() && !e.detail.corrected);
  if (e) cases.markCorrected(e.id);
}
