import type { Context } from '../feature';
import { UserError } from '../errors';
import type { Issue, Tally } from '../records';
import { requireIssue } from '../issues/issues.commands';

export interface VoteOutcome {
  issue: Issue;
  changed: boolean;
  tally: Tally;
}

/** One vote per person per issue: casting twice or retracting a vote never cast changes nothing. */
export function castVote(ctx: Context, issueId: number): VoteOutcome {
  const issue = requireIssue(ctx, issueId);
  if (issue.status !== 'open') throw new UserError('votes.closed', { id: issueId });
  const { votes } = ctx.services.store;
  const changed = votes.cast(issueId, ctx.user.id, ctx.user.agencyId, ctx.now);
  return { issue, changed, tally: votes.tally(issueId) };
}

export function retractVote(ctx: Context, issueId: number): VoteOutcome {
  const issue = requireIssue(ctx, issueId);
  if (issue.status !== 'open') throw new UserError('votes.closed', { id: issueId });
  const { votes } = ctx.services.store;
  const changed = votes.retract(issueId, ctx.user.id);
  return { issue, changed, tally: votes.tally(issueId) };
}
