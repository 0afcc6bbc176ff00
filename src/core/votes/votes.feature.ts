import type { ButtonHandler, Command, Context, Feature, ReactionHandler, Reply } from '../feature';
import type { Span } from '../types';
import { parseRecordNumber } from '../input/parse-number';
import { ISSUE_RECORD, VOTE_BUTTON } from '../issues/issue-card';
import { castVote, retractVote } from './votes';
import { isVoteReaction } from './vote-reaction';
import { takesVotes } from '../issues/issue-state';

function refresh(id: number): Reply {
  return { type: 'refresh', record: { kind: ISSUE_RECORD, id } };
}

function castReply(ctx: Context, id: number): Reply[] {
  if (!castVote(ctx, id)) return [{ type: 'reply', message: { text: [ctx.t('votes.already', { id })] }, private: true }];
  const text: Span[] = [ctx.t('votes.cast', { id, ...ctx.services.store.votes.tally(id) })];
  if (ctx.user.agencyId === null) text.push('\n', ctx.t('votes.noAgencyHint'));
  return [refresh(id), { type: 'reply', message: { text } }];
}

const vote: Command = {
  name: 'vote',
  description: 'help.vote',
  handle: (ctx, args) => castReply(ctx, parseRecordNumber(args, ctx.t('votes.voteUsage'))),
};

const unvote: Command = {
  name: 'unvote',
  description: 'help.unvote',
  handle(ctx, args) {
    const id = parseRecordNumber(args, ctx.t('votes.unvoteUsage'));
    if (!retractVote(ctx, id)) return { type: 'reply', message: { text: [ctx.t('votes.notVoted', { id })] }, private: true };
    return [refresh(id), { type: 'reply', message: { text: [ctx.t('votes.withdrawn', { id })] } }];
  },
};

/** A vote reaction on an issue card casts or withdraws; any other reaction is not ours. */
const reaction: ReactionHandler = {
  handle(ctx, e) {
    if (!isVoteReaction(e.emoji, ctx.services.settings.voting.reactions)) return undefined;
    const record = ctx.services.store.links.find(e.target);
    if (!record || record.kind !== ISSUE_RECORD) return undefined;
    const issue = ctx.services.store.issues.get(record.id);
    // A reaction cannot be refused back on most platforms: on a withdrawn issue or a case it is ignored.
    if (!issue || !takesVotes(issue)) return [];
    const changed = e.added ? castVote(ctx, issue) : retractVote(ctx, issue);
    return changed ? [refresh(issue.id)] : [];
  },
};

/**
 * The card's button toggles: a second press withdraws the vote. A press on a card the bot does
 * not know (a copy posted again after a crash in the send window, where the platform offers no
 * way to find the first: Telegram) adopts it: linked to its issue, it is updated and counts
 * reactions like the other copy, so no card is left whose votes go nowhere.
 */
const button: ButtonHandler = {
  action: VOTE_BUTTON,
  handle(ctx, e) {
    const id = parseRecordNumber(e.value, '/vote N');
    const { links } = ctx.services.store;
    // Undone with the rest of the event if the issue does not exist.
    if (!links.find(e.target)) links.link(e.target, { kind: ISSUE_RECORD, id }, ctx.now);
    if (castVote(ctx, id)) {
      return [refresh(id), { type: 'reply', message: { text: [ctx.t('votes.cast', { id, ...ctx.services.store.votes.tally(id) })] }, private: true }];
    }
    retractVote(ctx, id);
    return [refresh(id), { type: 'reply', message: { text: [ctx.t('votes.withdrawn', { id })] }, private: true }];
  },
};

export const votesFeature: Feature = { name: 'votes', commands: [vote, unvote], reactions: [reaction], buttons: [button] };
