import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { users, votes } from '../schema';
import type { VoteRepo } from '../../core/records';

export function votesRepo(db: Db): VoteRepo {
  // Prepared once: the vote path is the hot path (see bench/).
  const insert = db
    .insert(votes)
    .values({
      issueId: sql.placeholder('issueId'),
      userId: sql.placeholder('userId'),
      agencyId: sql.placeholder('agencyId'),
      createdAt: sql.placeholder('at'),
    })
    .onConflictDoNothing()
    .prepare();
  const remove = db
    .delete(votes)
    .where(and(eq(votes.issueId, sql.placeholder('issueId')), eq(votes.userId, sql.placeholder('userId'))))
    .prepare();
  const tally = db
    .select({ votes: sql<number>`count(*)`, agencies: sql<number>`count(distinct ${votes.agencyId})` })
    .from(votes)
    .where(eq(votes.issueId, sql.placeholder('issueId')))
    .prepare();
  const voters = db
    .select({ userId: votes.userId, name: users.displayName, agencyId: votes.agencyId, at: votes.createdAt })
    .from(votes)
    .innerJoin(users, eq(users.id, votes.userId))
    .where(eq(votes.issueId, sql.placeholder('issueId')))
    .orderBy(votes.createdAt, votes.userId)
    .prepare();

  return {
    cast(issueId, userId, agencyId, at) {
      return insert.run({ issueId, userId, agencyId, at: at.getTime() }).changes > 0;
    },
    retract(issueId, userId) {
      return remove.run({ issueId, userId }).changes > 0;
    },
    tally(issueId) {
      return tally.get({ issueId }) ?? { votes: 0, agencies: 0 };
    },
    voters(issueId) {
      return voters.all({ issueId }).map((v) => ({ ...v, at: new Date(v.at) }));
    },
  };
}
