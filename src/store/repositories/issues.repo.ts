import { and, asc, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { issueAgencies, issueEvents, issues } from '../schema';
import type { Issue, IssueEvent, IssueEventDetail, IssueRepo, IssueWithTally, NewIssue } from '../../core/records';
import type { ChatRef } from '../../core/types';
import { VersionedCache } from '../versioned-cache';

type IssueRow = typeof issues.$inferSelect;
type EventRow = typeof issueEvents.$inferSelect;

function toEvent(r: EventRow): IssueEvent {
  return { id: r.id, issueId: r.issueId, at: new Date(r.at), actorId: r.actorId, detail: { kind: r.kind, ...JSON.parse(r.detail) } as IssueEventDetail };
}

function toIssue(r: IssueRow, agencyIds: number[]): Issue {
  return {
    id: r.id,
    title: r.title,
    details: r.details,
    petitionUrl: r.petitionUrl,
    proposerId: r.proposerId,
    proposerAgencyId: r.proposerAgencyId,
    status: r.status,
    chat: r.chat as ChatRef,
    createdAt: new Date(r.createdAt),
    withdrawnAt: r.withdrawnAt === null ? null : new Date(r.withdrawnAt),
    mergedInto: r.mergedInto,
    agencyIds,
  };
}

export function issuesRepo(db: Db): IssueRepo {
  // One read for the issue and its agencies: the vote path renders a card on every change.
  const byId = db
    .select({ row: issues, agencyIds: sql<string | null>`(select group_concat(ia.agency_id) from issue_agencies ia where ia.issue_id = "issues"."id")` })
    .from(issues)
    .where(eq(issues.id, sql.placeholder('id')))
    .prepare();
  // Cards re-render on every vote; issues change rarely and only through this repository.
  const cache = new VersionedCache<number, Issue>(db.$client, 5_000);
  const agenciesOf = db
    .select({ agencyId: issueAgencies.agencyId })
    .from(issueAgencies)
    .where(eq(issueAgencies.issueId, sql.placeholder('id')))
    .orderBy(issueAgencies.agencyId)
    .prepare();

  const tallied = (where: SQL | undefined) => {
    // Written out: drizzle leaves single-table columns unqualified, and an unqualified `id`
    // inside the subquery would mean votes.id.
    const voteCount = sql<number>`(select count(*) from votes v where v.issue_id = "issues"."id")`;
    const agencyCount = sql<number>`(select count(distinct v.agency_id) from votes v where v.issue_id = "issues"."id")`;
    return { voteCount, agencyCount, base: db.select({ row: issues, votes: voteCount, agencies: agencyCount }).from(issues).where(where) };
  };

  return {
    create(input: NewIssue) {
      return db.transaction((tx) => {
        const row = tx
          .insert(issues)
          .values({
            title: input.title,
            details: input.details,
            petitionUrl: input.petitionUrl,
            proposerId: input.proposerId,
            proposerAgencyId: input.proposerAgencyId,
            chat: input.chat,
            createdAt: input.createdAt.getTime(),
          })
          .returning()
          .get();
        for (const agencyId of new Set(input.agencyIds)) tx.insert(issueAgencies).values({ issueId: row.id, agencyId }).run();
        return toIssue(row, [...new Set(input.agencyIds)].sort((a, b) => a - b));
      });
    },
    get(id) {
      return cache.get(id, () => {
        const r = byId.get({ id });
        if (!r) return undefined;
        const ids = r.agencyIds ? r.agencyIds.split(',').map(Number).sort((a, b) => a - b) : [];
        return toIssue(r.row, ids);
      });
    },
    list(q) {
      const conds: SQL[] = [];
      if (q.status) conds.push(eq(issues.status, q.status));
      if (q.proposerId !== undefined) conds.push(eq(issues.proposerId, q.proposerId));
      if (q.createdSince) conds.push(gte(issues.createdAt, q.createdSince.getTime()));
      if (q.createdBefore) conds.push(lt(issues.createdAt, q.createdBefore.getTime()));
      const where = conds.length ? and(...conds) : undefined;
      const { voteCount, agencyCount, base } = tallied(where);
      const order =
        q.order === 'newest'
          ? [desc(issues.id)]
          : q.order === 'votes'
            ? [desc(voteCount), desc(agencyCount), desc(issues.id)]
            : [desc(agencyCount), desc(voteCount), desc(issues.id)];
      const rows = base
        .orderBy(...order)
        .limit(q.limit)
        .offset(q.offset ?? 0)
        .all();
      const total = db.select({ n: sql<number>`count(*)` }).from(issues).where(where).get()?.n ?? 0;
      const out: IssueWithTally[] = rows.map((r) => ({
        issue: toIssue(r.row, agenciesOf.all({ id: r.row.id }).map((a) => a.agencyId)),
        tally: { votes: r.votes, agencies: r.agencies },
      }));
      return { rows: out, total };
    },
    markSelected(id) {
      const res = db
        .update(issues)
        .set({ status: 'selected' })
        .where(and(eq(issues.id, id), eq(issues.status, 'open')))
        .run();
      cache.delete(id);
      return res.changes > 0;
    },
    withdraw(id, at) {
      const res = db
        .update(issues)
        .set({ status: 'withdrawn', withdrawnAt: at.getTime() })
        .where(and(eq(issues.id, id), eq(issues.status, 'open')))
        .run();
      cache.delete(id);
      return res.changes > 0;
    },
    openTitles() {
      return db.select({ id: issues.id, title: issues.title }).from(issues).where(eq(issues.status, 'open')).orderBy(desc(issues.id)).all();
    },
    edit(id, content) {
      return db.transaction((tx) => {
        const res = tx
          .update(issues)
          .set({ title: content.title, details: content.details, petitionUrl: content.petitionUrl })
          .where(and(eq(issues.id, id), eq(issues.status, 'open')))
          .run();
        cache.delete(id);
        if (res.changes === 0) return false;
        tx.delete(issueAgencies).where(eq(issueAgencies.issueId, id)).run();
        for (const agencyId of new Set(content.agencyIds)) tx.insert(issueAgencies).values({ issueId: id, agencyId }).run();
        return true;
      });
    },
    markMerged(id, into, at) {
      const res = db
        .update(issues)
        .set({ status: 'merged', mergedInto: into, withdrawnAt: at.getTime() })
        .where(and(eq(issues.id, id), eq(issues.status, 'open')))
        .run();
      cache.delete(id);
      return res.changes > 0;
    },
    addEvent(issueId, detail, by) {
      const { kind, ...rest } = detail;
      db.insert(issueEvents).values({ issueId, at: by.at.getTime(), actorId: by.actorId, kind, detail: JSON.stringify(rest) }).run();
    },
    events(issueId) {
      return db.select().from(issueEvents).where(eq(issueEvents.issueId, issueId)).orderBy(asc(issueEvents.id)).all().map(toEvent);
    },
    eventsSince(kind, since) {
      return db
        .select()
        .from(issueEvents)
        .where(and(eq(issueEvents.kind, kind), gte(issueEvents.at, since.getTime())))
        .orderBy(asc(issueEvents.at), asc(issueEvents.id))
        .all()
        .map(toEvent);
    },
  };
}
