import type { Db } from '../db';
import type { Tally, VoteRepo } from '../../core/records';
import { VersionedCache } from '../versioned-cache';

/**
 * The vote path is the hot path (bench/votes.bench.ts): prepared statements on the client, and
 * each issue's voters kept in memory (exact: see VersionedCache) so a tally costs no query.
 */
const USER_SPACE = 2 ** 32;

/** The vote's rowid: one per (issue, person), so the database itself refuses a second vote. */
export function voteId(issueId: number, userId: number): number {
  if (!Number.isSafeInteger(issueId * USER_SPACE + userId) || userId >= USER_SPACE) throw new RangeError(`vote id out of range: ${issueId}/${userId}`);
  return issueId * USER_SPACE + userId;
}

export function votesRepo(db: Db): VoteRepo {
  const c = db.$client;
  const insert = c.prepare('insert into votes (id, issue_id, user_id, agency_id, created_at) values (?, ?, ?, ?, ?) on conflict do nothing');
  const remove = c.prepare('delete from votes where id = ?');
  const ofIssue = c.prepare('select user_id as userId, agency_id as agencyId, created_at as at from votes where issue_id = ?');
  const removeAll = c.prepare('delete from votes where issue_id = ?');
  const ofOne = c.prepare('select created_at as at from votes where id = ?');
  const ofVoter = c.prepare('select issue_id as issueId, agency_id as agencyId, created_at as at from votes where user_id = ? order by issue_id');
  const ballot = c.prepare('select user_id as userId, agency_id as agencyId from votes where issue_id = ?');
  const voters = c.prepare(
    `select v.user_id as userId, u.display_name as name, v.agency_id as agencyId, v.created_at as at
     from votes v join users u on u.id = v.user_id where v.issue_id = ? order by v.created_at, v.user_id`,
  );
  /** issue id → (user id → agency id at vote time) */
  const cache = new VersionedCache<number, Map<number, number | null>>(c, 5_000);
  const load = (issueId: number) =>
    cache.get(issueId, () => new Map((ballot.all(issueId) as { userId: number; agencyId: number | null }[]).map((r) => [r.userId, r.agencyId])))!;

  return {
    cast(issueId, userId, agencyId, at) {
      const current = load(issueId);
      if (insert.run(voteId(issueId, userId), issueId, userId, agencyId, at.getTime()).changes === 0) return false;
      current.set(userId, agencyId);
      return true;
    },
    retract(issueId, userId) {
      const current = load(issueId);
      if (remove.run(voteId(issueId, userId)).changes === 0) return false;
      current.delete(userId);
      return true;
    },
    tally(issueId): Tally {
      const current = load(issueId);
      const agencies = new Set<number>();
      for (const a of current.values()) if (a !== null) agencies.add(a);
      return { votes: current.size, agencies: agencies.size };
    },
    move(from, into) {
      const rows = ofIssue.all(from) as { userId: number; agencyId: number | null; at: number }[];
      const target = load(into);
      let moved = 0;
      for (const r of rows) {
        // The original time and agency travel with the vote: per-agency counting stays as cast.
        if (insert.run(voteId(into, r.userId), into, r.userId, r.agencyId, r.at).changes > 0) {
          target.set(r.userId, r.agencyId);
          moved++;
        }
      }
      removeAll.run(from);
      cache.delete(from);
      return { moved, overlap: rows.length - moved };
    },
    moveVoter(from, into) {
      const rows = ofVoter.all(from) as { issueId: number; agencyId: number | null; at: number }[];
      const out: { issueId: number; joined: boolean }[] = [];
      for (const r of rows) {
        const current = load(r.issueId);
        const existing = current.has(into) ? (ofOne.get(voteId(r.issueId, into)) as { at: number }) : undefined;
        remove.run(voteId(r.issueId, from));
        current.delete(from);
        // Where both voted, the earlier vote stays (with its agency): the person's first word on it.
        if (!existing || r.at < existing.at) {
          remove.run(voteId(r.issueId, into));
          insert.run(voteId(r.issueId, into), r.issueId, into, r.agencyId, r.at);
          current.set(into, r.agencyId);
        }
        out.push({ issueId: r.issueId, joined: existing !== undefined });
      }
      return out;
    },
    voters: (issueId) => (voters.all(issueId) as { userId: number; name: string; agencyId: number | null; at: number }[]).map((v) => ({ ...v, at: new Date(v.at) })),
  };
}
