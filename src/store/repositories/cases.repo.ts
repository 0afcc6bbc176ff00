import { asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { caseAgencies, caseEvents, caseMeetings, cases } from '../schema';
import type { Case, CaseEventDetail, CaseRepo, SelectInput, SelectOutcome } from '../../core/cases/case';
import type { ChatRef } from '../../core/types';

type Row = typeof cases.$inferSelect;

export function casesRepo(db: Db): CaseRepo {
  const client = db.$client;
  const coOf = client.prepare<[number], { agency_id: number }>('select agency_id from case_agencies where case_id = ? order by agency_id');
  const issueState = client.prepare<[number], { status: string; title: string; petition_url: string | null }>('select status, title, petition_url from issues where id = ?');
  const caseOfIssue = client.prepare<[number], { number: number }>('select number from cases where issue_id = ?');
  const maxNumber = client.prepare<[], { n: number }>('select coalesce(max(number), 0) as n from cases');
  // The ballot as the meetings feature's agenda lists it: open issues proposed in [since, until).
  const ballotCount = client.prepare<{ since: number; until: number }, { n: number }>(
    `select count(*) as n from issues i where i.status = 'open' and i.created_at >= @since and i.created_at < @until`,
  );
  const ballotAgencies = client.prepare<{ since: number; until: number }, { a: number }>(`
    select v.agency_id as a from votes v join issues i on i.id = v.issue_id
      where i.status = 'open' and i.created_at >= @since and i.created_at < @until and v.agency_id is not null
    union
    select i.proposer_agency_id as a from issues i
      where i.status = 'open' and i.created_at >= @since and i.created_at < @until and i.proposer_agency_id is not null`);
  const usersNamed = client.prepare<[string, string, string], { id: number; name: string; platformUserId: string; agencyId: number | null }>(
    `select id, display_name as name, platform_user_id as platformUserId, agency_id as agencyId from users
     where platform = ? and (lower(display_name) = lower(?) or platform_user_id = ?) order by id`,
  );

  // Prepared: the support-threshold check runs on every vote.
  const COLS = `id, number, issue_id as issueId, title, stage, lead_agency_id as leadAgencyId, petition_url as petitionUrl,
    petition_passed_on as petitionPassedOn, deadline, chat, selected_by as selectedBy, selected_at as selectedAt, updated_at as updatedAt`;
  const byId = client.prepare<[number], Row>(`select ${COLS} from cases where id = ?`);
  const byNumber = client.prepare<[number], Row>(`select ${COLS} from cases where number = ?`);
  const byIssue = client.prepare<[number], Row>(`select ${COLS} from cases where issue_id = ?`);
  const selectedIn = client.prepare<[number], Row>(
    `select ${COLS} from cases where id in (select case_id from case_events where kind = 'selected' and json_extract(detail, '$.meetingId') = ?) order by number`,
  );
  // A whole list in two statements (the cases, then every co-agency of those cases), not one
  // co-agency query per case: the overview and the digest read all cases on every request.
  const listed = client.prepare<{ f: string | null }, Row>(
    `select ${COLS} from cases where @f is null or stage in (select value from json_each(@f)) order by number`,
  );
  const listedCo = client.prepare<{ f: string | null }, { case_id: number; agency_id: number }>(
    `select ca.case_id, ca.agency_id from case_agencies ca join cases c on c.id = ca.case_id
     where @f is null or c.stage in (select value from json_each(@f)) order by ca.case_id, ca.agency_id`,
  );
  const insertNotice = client.prepare('insert into support_notices (issue_id, at, votes, agencies) values (?, ?, ?, ?) on conflict do nothing');
  const noticed = client.prepare<[number], { x: number }>('select 1 as x from support_notices where issue_id = ?');
  // A notice, once stored, is never taken back: remembering the ones seen is exact across processes.
  const noted = new Set<number>();

  const caseOf = (r: Row, co: number[]): Case => ({
    id: r.id,
    number: r.number,
    issueId: r.issueId,
    title: r.title,
    stage: r.stage,
    leadAgencyId: r.leadAgencyId,
    coAgencyIds: co,
    petitionUrl: r.petitionUrl,
    petitionPassedOn: r.petitionPassedOn,
    deadline: r.deadline,
    chat: r.chat as ChatRef,
    selectedBy: r.selectedBy,
    selectedAt: new Date(r.selectedAt),
    updatedAt: new Date(r.updatedAt),
  });
  const toCase = (r: Row): Case => caseOf(r, coOf.all(r.id).map((x) => x.agency_id));

  const get = (id: number): Case | undefined => {
    const r = byId.get(id);
    return r ? toCase(r) : undefined;
  };
  const must = (id: number): Case => {
    const c = get(id);
    if (!c) throw new Error(`case ${id} vanished`);
    return c;
  };
  const addEvent = (caseId: number, detail: CaseEventDetail, by: number | null, at: Date) => {
    db.insert(caseEvents).values({ caseId, at: at.getTime(), actorId: by, kind: detail.kind, detail: JSON.stringify(detail) }).run();
  };
  const linkMeeting = (caseId: number, meetingId: number, at: Date): boolean =>
    db.insert(caseMeetings).values({ caseId, meetingId, linkedAt: at.getTime() }).onConflictDoNothing().run().changes > 0;

  // A write that changes nothing: inside the event's (deferred) transaction it takes the write
  // lock before any read, waiting on busy_timeout like BEGIN IMMEDIATE would.
  const takeWriteLock = client.prepare('update cases set number = number where 0');
  const selectTx = client.transaction((input: SelectInput): SelectOutcome => {
    takeWriteLock.run();
    const found: { id: number; title: string; petitionUrl: string | null }[] = [];
    for (const issueId of input.issueIds) {
      const issue = issueState.get(issueId);
      if (!issue) return { ok: false, reason: 'notFound', issueId };
      const existing = caseOfIssue.get(issueId);
      if (existing) return { ok: false, reason: 'alreadyCase', issueId, caseNumber: existing.number };
      if (issue.status === 'merged') return { ok: false, reason: 'merged', issueId };
      if (issue.status !== 'open') return { ok: false, reason: 'withdrawn', issueId };
      found.push({ id: issueId, title: issue.title, petitionUrl: issue.petition_url });
    }
    // Read and written under the same write lock: no other writer can take a number between
    // the max() and the inserts.
    const meetingId = input.meeting();
    let next = maxNumber.get()!.n + 1;
    const out: Case[] = [];
    for (const issue of found) {
      const row = db
        .insert(cases)
        .values({
          number: next++,
          issueId: issue.id,
          title: issue.title,
          stage: input.stage,
          petitionUrl: issue.petitionUrl,
          chat: input.chat,
          selectedBy: input.by,
          selectedAt: input.at.getTime(),
          updatedAt: input.at.getTime(),
        })
        .returning()
        .get();
      addEvent(row.id, { kind: 'selected', issueId: issue.id, meetingId }, input.by, input.at);
      if (meetingId !== null) linkMeeting(row.id, meetingId, input.at);
      out.push(toCase(row));
    }
    return { ok: true, cases: out };
  });

  const change = <T>(fn: () => T): T => client.transaction(fn)();

  return {
    select(input) {
      return selectTx.immediate(input);
    },
    get,
    byNumber(n) {
      const r = byNumber.get(n);
      return r ? toCase(r) : undefined;
    },
    byIssue(issueId) {
      const r = byIssue.get(issueId);
      return r ? toCase(r) : undefined;
    },
    isSelected(issueId) {
      return caseOfIssue.get(issueId) !== undefined;
    },
    supportNoted(issueId) {
      if (noted.has(issueId)) return true;
      if (noticed.get(issueId) === undefined) return false;
      noted.add(issueId);
      return true;
    },
    list(stages) {
      const filter = stages && stages.length ? JSON.stringify(stages) : null;
      const co = new Map<number, number[]>();
      for (const x of listedCo.all({ f: filter })) {
        const ids = co.get(x.case_id);
        if (ids) ids.push(x.agency_id);
        else co.set(x.case_id, [x.agency_id]);
      }
      return listed.all({ f: filter }).map((r) => caseOf(r, co.get(r.id) ?? []));
    },
    page(q) {
      const where = q.stages && q.stages.length ? inArray(cases.stage, [...q.stages]) : undefined;
      const rows = db.select().from(cases).where(where).orderBy(asc(cases.number)).limit(q.limit).offset(q.offset).all().map(toCase);
      const total = db.select({ n: count() }).from(cases).where(where).get()?.n ?? 0;
      return { rows, total };
    },
    setAgencies(id, lead, co, c) {
      return change(() => {
        db.update(cases).set({ leadAgencyId: lead, updatedAt: c.at.getTime() }).where(eq(cases.id, id)).run();
        db.delete(caseAgencies).where(eq(caseAgencies.caseId, id)).run();
        for (const agencyId of new Set(co)) db.insert(caseAgencies).values({ caseId: id, agencyId }).run();
        addEvent(id, { kind: 'agencies', lead, co: [...new Set(co)] }, c.by, c.at);
        return must(id);
      });
    },
    setStage(id, stage, c) {
      return change(() => {
        const before = must(id);
        db.update(cases).set({ stage, updatedAt: c.at.getTime() }).where(eq(cases.id, id)).run();
        addEvent(id, { kind: 'stage', from: before.stage, to: stage }, c.by, c.at);
        return must(id);
      });
    },
    setDeadline(id, deadline, c, passed) {
      return change(() => {
        const set: Partial<typeof cases.$inferInsert> = { deadline, updatedAt: c.at.getTime() };
        if (passed !== undefined) set.petitionPassedOn = passed;
        db.update(cases).set(set).where(eq(cases.id, id)).run();
        const detail: CaseEventDetail = passed !== undefined && deadline !== null ? { kind: 'passed', passed, deadline } : { kind: 'deadline', deadline };
        addEvent(id, detail, c.by, c.at);
        return must(id);
      });
    },
    setPetition(id, url, c) {
      return change(() => {
        db.update(cases).set({ petitionUrl: url, updatedAt: c.at.getTime() }).where(eq(cases.id, id)).run();
        addEvent(id, { kind: 'petition', url }, c.by, c.at);
        return must(id);
      });
    },
    addEvent(id, detail, c) {
      addEvent(id, detail, c.by, c.at);
    },
    events(id) {
      return db
        .select()
        .from(caseEvents)
        .where(eq(caseEvents.caseId, id))
        .orderBy(asc(caseEvents.at), asc(caseEvents.id))
        .all()
        .map((r) => ({ id: r.id, caseId: r.caseId, at: new Date(r.at), actorId: r.actorId, detail: JSON.parse(r.detail) as CaseEventDetail }));
    },
    recentEvents(kind, limit) {
      // Newest first by id (entries are written in time order): the scan stops after `limit` matches.
      return db
        .select()
        .from(caseEvents)
        .where(sql`json_extract(${caseEvents.detail}, '$.kind') = ${kind}`)
        .orderBy(desc(caseEvents.id))
        .limit(limit)
        .all()
        .map((r) => ({ id: r.id, caseId: r.caseId, at: new Date(r.at), actorId: r.actorId, detail: JSON.parse(r.detail) as CaseEventDetail }));
    },
    markCorrected(eventId) {
      const row = db.select({ detail: caseEvents.detail }).from(caseEvents).where(eq(caseEvents.id, eventId)).get();
      if (row) db.update(caseEvents).set({ detail: JSON.stringify({ ...(JSON.parse(row.detail) as CaseEventDetail), corrected: true }) }).where(eq(caseEvents.id, eventId)).run();
    },
    linkMeeting,
    selectedAt(meetingId) {
      return selectedIn.all(meetingId).map(toCase);
    },
    meetingIds(id) {
      return db
        .select({ m: caseMeetings.meetingId })
        .from(caseMeetings)
        .where(eq(caseMeetings.caseId, id))
        .orderBy(asc(caseMeetings.linkedAt), asc(caseMeetings.meetingId))
        .all()
        .map((r) => r.m);
    },
    noteSupport(issueId, tally, at) {
      const fresh = insertNotice.run(issueId, at.getTime(), tally.votes, tally.agencies).changes > 0;
      noted.add(issueId);
      return fresh;
    },
    agenciesHeardOnBallot(since, until) {
      const window = { since: since?.getTime() ?? Number.MIN_SAFE_INTEGER, until: until.getTime() };
      return { ballot: ballotCount.get(window)!.n, agencyIds: new Set(ballotAgencies.all(window).map((r) => r.a)) };
    },
    findUsers(platform, name) {
      return usersNamed.all(platform, name, name);
    },
  };
}

