import type { Context } from '../feature';
import { personOf, type Issue } from '../records';
import { requireIssue } from '../issues/issues.commands';
import { refuseVote, takesVotes } from '../issues/issue-state';

function openIssue(ctx: Context, issueOrId: Issue | number): Issue {
  const issue = typeof issueOrId === 'number' ? requireIssue(ctx, issueOrId) : issueOrId;
  if (!takesVotes(issue)) refuseVote(issue, ctx);
  return issue;
}

/**
 * One vote per person per issue (linked accounts are one person: they vote as `personOf`): true when a vote was stored, false when it already was. The vote
 * counts for the agency the person acts for: with a roster, an unconfirmed `/iam` claim adds a
 * person to the tally but no agency, so claims cannot inflate per-agency counts (issue 14, item 10).
 */
export function castVote(ctx: Context, issueOrId: Issue | number): boolean {
  const issue = openIssue(ctx, issueOrId);
  return ctx.services.store.votes.cast(issue.id, personOf(ctx.user), ctx.services.people.actsFor(ctx.user), ctx.now);
}

/** Withdrawing a vote never cast changes nothing: false. */
export function retractVote(ctx: Context, issueOrId: Issue | number): boolean {
  const issue = openIssue(ctx, issueOrId);
  return ctx.services.store.votes.retract(issue.id, personOf(ctx.user));
}
