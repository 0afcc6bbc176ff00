import type { Context, Reply } from '../../feature';
import { UserError } from '../../errors';
import { checkText } from '../../input/check-text';
import { requireFacilitator } from '../../cases/roles';
import type { Minutes } from '../minutes';
import { lineOf, minutesOf, parseLineNumber, parseMeetingNumber } from '../minutes-line-ref';
import { publishMinutes, type ReviewSettings } from './review';

/** A correction may be long (a paragraph rewritten), not unbounded: 10 kB of UTF-8. */
export const FIX_MAX_BYTES = 10 * 1024;

type Sub = (ctx: Context, words: readonly string[], rest: (n: number) => string) => Reply | Reply[];

function windowOf(ctx: Context, word: string | undefined, usage: 'minutes.fixUsage' | 'minutes.okUsage' | 'minutes.holdUsage' | 'minutes.publishUsage'): Minutes {
  const id = parseMeetingNumber(word);
  if (id === undefined) throw new UserError(usage, undefined);
  const m = minutesOf(ctx, id);
  if (m.status === 'recording') throw new UserError('minutes.stillRecordingRefused', { id });
  // The published record changes only by a facilitator's /minutes strike (which is logged).
  if (m.publishedAt) throw new UserError('minutes.alreadyPublished', { id });
  return m;
}

/** /minutes fix <meeting> <line> <text>: the line's speaker (or a facilitator) corrects it. */
const fix: Sub = (ctx, words, rest) => {
  const m = windowOf(ctx, words[0], 'minutes.fixUsage');
  const no = parseLineNumber(words[1]);
  const text = rest(2).trim();
  if (no === undefined || !text) throw new UserError('minutes.fixUsage', undefined);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > FIX_MAX_BYTES) throw new UserError('minutes.fixTooLong', { max: FIX_MAX_BYTES, actual: bytes });
  checkText(text, { max: FIX_MAX_BYTES, multiline: true });
  const line = lineOf(ctx, m, no);
  if (line.struck) throw new UserError('minutes.alreadyStruck', { id: m.meetingId, no });
  if (line.userId !== ctx.user.id && !ctx.isFacilitator) throw new UserError('minutes.fixNotYours', { id: m.meetingId, no, speaker: line.speaker });
  const { store } = ctx.services;
  store.transaction(() => {
    store.minutes.correct(line.id, text, ctx.user.id, ctx.now);
    if (line.userId === ctx.user.id) store.minutes.review(m.id, ctx.user.id, 'fixed', ctx.now);
  });
  return { type: 'reply', message: { text: [ctx.t('minutes.fixed', { id: m.meetingId, no, text })] }, private: true };
};

/** /minutes ok <meeting>: the speaker has nothing to correct. */
const ok: Sub = (ctx, words) => {
  const m = windowOf(ctx, words[0], 'minutes.okUsage');
  const { store } = ctx.services;
  if (!store.minutes.lines(m.id).some((l) => l.userId === ctx.user.id && !l.struck)) throw new UserError('minutes.okNoLines', { id: m.meetingId });
  store.minutes.review(m.id, ctx.user.id, 'ok', ctx.now);
  return { type: 'reply', message: { text: [ctx.t('minutes.okRecorded', { id: m.meetingId })] }, private: true };
};

const hold: Sub = (ctx, words, rest) => {
  requireFacilitator(ctx);
  const m = windowOf(ctx, words[0], 'minutes.holdUsage');
  const reason = rest(1).trim();
  if (!reason) throw new UserError('minutes.holdUsage', undefined);
  checkText(reason, { max: 500, multiline: false });
  ctx.services.store.minutes.hold(m.id, reason);
  ctx.services.logger.info({ meeting: m.meetingId, by: ctx.user.id, reason }, 'minutes publication held');
  return { type: 'reply', message: { text: [ctx.t('minutes.held', { id: m.meetingId, reason })] } };
};

const publish =
  (s: ReviewSettings): Sub =>
  (ctx, words) => {
    requireFacilitator(ctx);
    const m = windowOf(ctx, words[0], 'minutes.publishUsage');
    const posts = publishMinutes(ctx.services, ctx.t, m, ctx.now, s);
    if (!posts) throw new UserError('minutes.alreadyPublished', { id: m.meetingId });
    ctx.services.logger.info({ meeting: m.meetingId, by: ctx.user.id }, 'minutes published by a facilitator');
    return [{ type: 'reply', message: { text: [ctx.t('minutes.publishedNow', { id: m.meetingId })] } }, ...posts];
  };

export function reviewSubcommands(s: ReviewSettings): Record<string, Sub> {
  return { fix, ok, hold, publish: publish(s) };
}
