import type { Context, Reply } from '../feature';
import type { User } from '../records';
import { UserError } from '../errors';
import { ISSUE_RECORD } from '../issues/issue-card';
import { recordPoChange } from '../people/po-timeline';

/** `name (platform)` for each account, as answers show them. */
export function accountLabels(ctx: Context, users: readonly User[]): string {
  return users.map((u) => ctx.t('accounts.account', { name: u.name, platform: u.platform })).join(ctx.t('common.separator'));
}

/**
 * The refusals that need both accounts (issue 30, bad input): the same account, two accounts of
 * one platform, either already linked (an account links with one other, never a chain of three).
 */
export function checkLinkable(ctx: Context, issuer: User, typer: User): void {
  const { people } = ctx.services;
  if (issuer.id === typer.id) throw new UserError('accounts.selfLink', undefined);
  if (issuer.personId !== null && issuer.personId === typer.personId) throw new UserError('accounts.alreadyTogether', undefined);
  if (issuer.platform === typer.platform) throw new UserError('accounts.samePlatform', { platform: typer.platform });
  const mine = people.linked(typer);
  if (mine.length) throw new UserError('accounts.alreadyLinkedSelf', { accounts: accountLabels(ctx, mine), platform: mine[0]!.platform });
  const theirs = people.linked(issuer);
  if (theirs.length) throw new UserError('accounts.alreadyLinkedOther', { name: issuer.name, accounts: accountLabels(ctx, theirs) });
}

/**
 * One person has one agency. Equal, or one side has none: nothing to decide. Different: a
 * confirmed one (the roster, a facilitator's /confirm) wins over a bare claim; two confirmed or two
 * claimed are refused and explained, since the bot cannot know which is right.
 * Returns the account whose claim gives way (and the agency it takes), if any.
 */
function agencyOfPerson(ctx: Context, a: User, b: User): { loser?: User; agencyId: number | null } {
  const { people } = ctx.services;
  if (a.agencyId === b.agencyId) return { agencyId: a.agencyId };
  if (b.agencyId === null) return { loser: b, agencyId: a.agencyId };
  if (a.agencyId === null) return { loser: a, agencyId: b.agencyId };
  const ca = people.standsConfirmed(a, a.agencyId);
  const cb = people.standsConfirmed(b, b.agencyId);
  if (ca && !cb) return { loser: b, agencyId: a.agencyId };
  if (cb && !ca) return { loser: a, agencyId: b.agencyId };
  const name = (id: number | null) => people.agencies.name(id) ?? '?';
  throw new UserError('accounts.agencyConflict', { a: name(a.agencyId), b: name(b.agencyId), how: ctx.t(ca ? 'accounts.bothConfirmed' : 'accounts.bothClaimed') });
}

/** What linking changed, for the answer and the cards. */
export interface Linked {
  agencyId: number | null;
  /** Issues both accounts had voted for: now one vote, the card says so. */
  joined: number[];
  replies: Reply[];
}

/**
 * Links the two accounts into one person, in the event's transaction: the agency is settled
 * first (it may refuse), then both rows get one person id and the newer account's votes move to
 * the older, each issue once.
 */
export function linkAccounts(ctx: Context, issuer: User, typer: User): Linked {
  const { people, store } = ctx.services;
  const { loser, agencyId } = agencyOfPerson(ctx, issuer, typer);
  let [first, second] = [issuer, typer];
  if (loser && agencyId !== null) {
    const updated = people.setAgency(loser, agencyId, ctx.now);
    recordPoChange(ctx, loser.agencyId, 'left', loser.name, people.standsConfirmed(loser, loser.agencyId));
    if (loser.id === first.id) first = updated;
    else second = updated;
  }
  const { a, b } = people.link(first, second, ctx.now);
  const [older, newer] = a.id < b.id ? [a, b] : [b, a];
  const moved = store.votes.moveVoter(newer.id, older.id);
  const joined = moved.filter((m) => m.joined).map((m) => m.issueId);
  for (const id of joined) store.issues.addEvent(id, { kind: 'votesJoined', name: older.name }, { actorId: ctx.user.id, at: ctx.now });
  return { agencyId, joined, replies: joined.map((id) => ({ type: 'refresh', record: { kind: ISSUE_RECORD, id } })) };
}
