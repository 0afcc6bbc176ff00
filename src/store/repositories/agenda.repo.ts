import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { agendaItems } from '../schema';
import type { AgendaItem, AgendaRepo, BallotRow } from '../../core/meetings/agenda.port';

type Row = typeof agendaItems.$inferSelect;

function toItem(r: Row): AgendaItem {
  return {
    id: r.id,
    meetingId: r.meetingId,
    text: r.text,
    proposerId: r.proposerId,
    agencyId: r.agencyId,
    status: r.status,
    carriedFrom: r.carriedFrom,
    createdAt: new Date(r.createdAt),
  };
}

const EARLIEST = -8.64e15;

export function agendaRepo(db: Db): AgendaRepo {
  const client = db.$client;
  // The ballot is the agenda's hot path (bench/meetings.bench.ts): plain prepared SQL, one pass
  // over the window's issues with correlated counts that the votes primary key answers.
  const ballotSql = (order: string) =>
    client.prepare(`
      select i.id as issueId, i.title as title, i.proposer_agency_id as proposerAgencyId,
        (select count(*) from votes v where v.issue_id = i.id) as votes,
        (select count(distinct v.agency_id) from votes v where v.issue_id = i.id) as agencies
      from issues i
      where i.status = 'open' and i.created_at >= @since and i.created_at < @until
      order by ${order}, i.id asc
      limit @limit`);
  const ballotBy = { votes: ballotSql('votes desc, agencies desc'), agencies: ballotSql('agencies desc, votes desc') };
  const ballotTotal = client.prepare(`select count(*) as n from issues where status = 'open' and created_at >= ? and created_at < ?`);
  const byAgency = client.prepare(`
    select issue_id as issueId, agency_id as agencyId, count(*) as n from votes
    where issue_id in (select value from json_each(?))
    group by issue_id, agency_id
    order by issue_id, n desc, agency_id is null, agency_id`);
  const tagged = client.prepare(`select issue_id as issueId, agency_id as agencyId from issue_agencies where issue_id in (select value from json_each(?)) order by agency_id`);
  const queuedAgencies = client.prepare(`select distinct agency_id as a from agenda_items where meeting_id = ? and status = 'queued' and agency_id is not null order by agency_id`);
  const queuedCount = client.prepare(`select count(*) as n from agenda_items where meeting_id = ? and status = 'queued'`);
  const motionsCount = client.prepare(`select count(*) as n from agenda_items where meeting_id = ? and status in ('queued', 'done')`);

  return {
    addItem(i) {
      const row = db
        .insert(agendaItems)
        .values({ meetingId: i.meetingId, text: i.text, proposerId: i.proposerId, agencyId: i.agencyId, createdAt: i.at.getTime(), updatedAt: i.at.getTime() })
        .returning()
        .get();
      return toItem(row);
    },
    item(id) {
      const r = db.select().from(agendaItems).where(eq(agendaItems.id, id)).get();
      return r ? toItem(r) : undefined;
    },
    setItemStatus(id, status, at) {
      return (
        db
          .update(agendaItems)
          .set({ status, updatedAt: at.getTime() })
          .where(and(eq(agendaItems.id, id), eq(agendaItems.status, 'queued')))
          .run().changes > 0
      );
    },
    queued(meetingId, limit) {
      const rows = db
        .select()
        .from(agendaItems)
        .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.status, 'queued')))
        .orderBy(asc(agendaItems.id))
        .limit(limit)
        .all()
        .map(toItem);
      const total = rows.length < limit ? rows.length : (queuedCount.get(meetingId) as { n: number }).n;
      return { rows, total };
    },
    motions(meetingId, limit) {
      const rows = db
        .select()
        .from(agendaItems)
        .where(and(eq(agendaItems.meetingId, meetingId), inArray(agendaItems.status, ['queued', 'done'])))
        .orderBy(asc(agendaItems.id))
        .limit(limit)
        .all()
        .map(toItem);
      const total = rows.length < limit ? rows.length : (motionsCount.get(meetingId) as { n: number }).n;
      return { rows, total };
    },
    queuedAgencies(meetingId) {
      return (queuedAgencies.all(meetingId) as { a: number }[]).map((r) => r.a);
    },
    carryOver(from, to, at) {
      return db
        .update(agendaItems)
        .set({ meetingId: to, carriedFrom: from, updatedAt: at.getTime() })
        .where(and(eq(agendaItems.meetingId, from), eq(agendaItems.status, 'queued')))
        .run().changes;
    },
    ballot(q) {
      const since = q.since?.getTime() ?? EARLIEST;
      const until = q.until.getTime();
      const top = ballotBy[q.order].all({ since, until, limit: q.limit }) as Omit<BallotRow, 'agencyIds' | 'byAgency'>[];
      const total = top.length < q.limit ? top.length : (ballotTotal.get(since, until) as { n: number }).n;
      if (!top.length) return { rows: [], total };
      const ids = JSON.stringify(top.map((r) => r.issueId));
      const counts = new Map<number, { agencyId: number | null; votes: number }[]>();
      for (const r of byAgency.all(ids) as { issueId: number; agencyId: number | null; n: number }[]) {
        const list = counts.get(r.issueId) ?? [];
        list.push({ agencyId: r.agencyId, votes: r.n });
        counts.set(r.issueId, list);
      }
      const tags = new Map<number, number[]>();
      for (const r of tagged.all(ids) as { issueId: number; agencyId: number }[]) tags.set(r.issueId, [...(tags.get(r.issueId) ?? []), r.agencyId]);
      return {
        rows: top.map((r) => ({ ...r, agencyIds: tags.get(r.issueId) ?? [], byAgency: counts.get(r.issueId) ?? [] })),
        total,
      };
    },
  };
}

