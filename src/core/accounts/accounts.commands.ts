import type { Command, Context, Reply } from '../feature';
import { parseChatRef } from '../types';
import { UserError } from '../errors';
import { formatDateTime } from '../../i18n/format-date';
import { hashLinkCode, LINK_CODE_MS, newLinkCode, normalizeLinkCode } from './link-code';
import { accountLabels, checkLinkable, linkAccounts } from './link-accounts';

function privately(ctx: Context, text: string): Reply {
  return { type: 'reply', message: { text: [text] }, private: true };
}

/**
 * Whether a private answer stays private here: where the platform shows an answer to the asker
 * alone inside a group (Slack's ephemeral message, a terminal), or in the person's own chat.
 */
function answerStaysPrivate(ctx: Context): boolean {
  return ctx.event.direct === true || ctx.services.platforms.capabilities(parseChatRef(ctx.chat).platform).privateRepliesInGroups;
}

/** `/link` alone: what is linked, or a new code to type on the other platform. */
function showOrIssue(ctx: Context): Reply {
  const { people } = ctx.services;
  const linked = people.linked(ctx.user);
  if (linked.length) return privately(ctx, ctx.t('accounts.linkedWith', { accounts: accountLabels(ctx, linked) }));
  if (!answerStaysPrivate(ctx)) return privately(ctx, ctx.t('accounts.privateChatOnly'));
  const code = newLinkCode();
  const expires = new Date(ctx.now.getTime() + LINK_CODE_MS);
  ctx.services.store.people.saveLinkCode(hashLinkCode(normalizeLinkCode(code)!), ctx.user.id, ctx.now, expires);
  const until = formatDateTime(expires, ctx.locale, ctx.services.settings.timezone);
  return privately(ctx, ctx.t('accounts.codeIssued', { code, until }));
}

/** `/link <code>` on the other account: checks the code, then both accounts, then links. */
function useCode(ctx: Context, typed: string): Reply[] {
  const { people, store } = ctx.services;
  const normalized = normalizeLinkCode(typed);
  const hash = normalized && hashLinkCode(normalized);
  if (!ctx.event.direct) {
    // Seen by everyone in the group: whoever read it could link themselves. Spent on the spot
    // (an answer, not a thrown refusal, so this write is kept).
    if (hash) store.people.useLinkCode(hash, ctx.now);
    return [privately(ctx, ctx.t('accounts.codeInGroup'))];
  }
  const code = hash ? store.people.linkCode(hash) : undefined;
  if (!code) throw new UserError('accounts.codeUnknown', undefined);
  if (code.usedAt) throw new UserError('accounts.codeUsed', undefined);
  if (code.expiresAt.getTime() <= ctx.now.getTime()) throw new UserError('accounts.codeExpired', undefined);
  const issuer = people.get(code.userId);
  if (!issuer) throw new UserError('accounts.codeUnknown', undefined);
  checkLinkable(ctx, issuer, ctx.user);
  const done = linkAccounts(ctx, issuer, ctx.user);
  if (!store.people.useLinkCode(hash!, ctx.now)) throw new UserError('accounts.codeUsed', undefined);
  const agency = people.agencies.name(done.agencyId) ?? ctx.t('accounts.noAgency');
  const a = accountLabels(ctx, [issuer]);
  const b = accountLabels(ctx, [ctx.user]);
  return [...done.replies, privately(ctx, ctx.t('accounts.linked', { a, b, agency, joined: done.joined.length }))];
}

export const link: Command = {
  name: 'link',
  description: 'accounts.helpLink',
  handle(ctx, args) {
    const typed = args.trim();
    return typed ? useCode(ctx, typed) : showOrIssue(ctx);
  },
};

export const unlink: Command = {
  name: 'unlink',
  description: 'accounts.helpUnlink',
  handle(ctx, args) {
    const platform = args.trim().toLowerCase();
    const { people } = ctx.services;
    const linked = people.linked(ctx.user);
    if (!linked.length) throw new UserError('accounts.notLinked', undefined);
    if (!platform) throw new UserError('accounts.unlinkUsage', { platform: linked[0]!.platform });
    const other = linked.filter((u) => u.platform === platform);
    if (!other.length) throw new UserError('accounts.notLinkedOn', { platform: platform.slice(0, 40), accounts: accountLabels(ctx, linked) });
    people.unlink(ctx.user, ctx.now);
    return privately(ctx, ctx.t('accounts.unlinked', { accounts: accountLabels(ctx, other) }));
  },
};
