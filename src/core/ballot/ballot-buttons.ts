import type { ButtonHandler } from '../feature';
import { UserError } from '../errors';
import { BALLOT_SHOW, BALLOT_TOGGLE, answerStaysPrivate, goPrivate, privateBallot } from './ballot-view';
import { afterVote, ballotForVote } from './ballot.command';
import { voterAgency } from './voters';

/** The public card's button: the person's agency's ballot, shown to them alone. */
export const showBallotButton: ButtonHandler = {
  action: BALLOT_SHOW,
  handle(ctx) {
    const b = ballotForVote(ctx);
    const agencyId = voterAgency(ctx);
    if (!answerStaysPrivate(ctx)) return { type: 'reply', message: goPrivate(b, ctx.t, 'ballot.privateOnly'), private: true };
    return { type: 'reply', message: privateBallot(ctx, b, agencyId), private: true };
  },
};

/** A button on the private ballot: casts or takes back one of the agency's votes. */
export const toggleBallotButton: ButtonHandler = {
  action: BALLOT_TOGGLE,
  handle(ctx, e) {
    const m = /^(\d{1,9}):(\d{1,9})$/.exec(e.value);
    if (!m) throw new UserError('ballot.buttonExpired', undefined);
    const b = ballotForVote(ctx);
    // A button from an earlier ballot's message.
    if (b.id !== Number(m[1])) throw new UserError('ballot.buttonExpired', undefined);
    const agencyId = voterAgency(ctx);
    const issueId = Number(m[2]);
    if (!b.issueIds.includes(issueId)) throw new UserError('ballot.notOnBallot', { id: issueId, list: b.issueIds.map((i) => `#${i}`).join(' ') });
    const { ballots } = ctx.services.store;
    const chosen = ballots.choices(b.id, agencyId);
    if (!chosen.includes(issueId) && chosen.length >= b.votesPerAgency) throw new UserError('ballot.noVotesLeft', { k: b.votesPerAgency });
    const added = ballots.toggle(b.id, agencyId, issueId, ctx.user.id, ctx.now);
    return afterVote(ctx, b, agencyId, ctx.t(added ? 'ballot.toggledOn' : 'ballot.toggledOff', { id: issueId }));
  },
};
