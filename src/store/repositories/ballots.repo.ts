import type { Db } from '../db';
import type { Ballot, BallotRepo, SlateEntry, SlateState } from '../../core/ballot/ballot';
import type { ChatRef } from '../../core/types';
import type { CalendarDate } from '../../core/dates/calendar-date';

interface EntryRow {
  meetingId: number;
  issueId: number;
  agencyId: number | null;
  addedBy: number;
  addedAt: number;
  petitionPassedOn: string | null;
  state: SlateState;
  handledAgencyId: number | null;
  handledReason: string | null;
  handledAt: number | null;
  actionItemId: number | null;
}

interface BallotRow {
  id: number;
  meetingId: number;
  chat: string;
  openedBy: number;
  openedAt: number;
  closesAt: number;
  votesPerAgency: number;
  issueIds: string;
  closedAt: number | null;
  closedBy: number | null;
  selectedAt: number | null;
}

const ENTRY = `meeting_id as meetingId, issue_id as issueId, agency_id as agencyId, added_by as addedBy, added_at as addedAt,
  petition_passed_on as petitionPassedOn, state, handled_agency_id as handledAgencyId, handled_reason as handledReason,
  handled_at as handledAt, action_item_id as actionItemId`;
const BALLOT = `id, meeting_id as meetingId, chat, opened_by as openedBy, opened_at as openedAt, closes_at as closesAt,
  votes_per_agency as votesPerAgency, issue_ids as issueIds, closed_at as closedAt, closed_by as closedBy, selected_at as selectedAt`;

function toEntry(r: EntryRow): SlateEntry {
  return {
    ...r,
    addedAt: new Date(r.addedAt),
    petitionPassedOn: r.petitionPassedOn as CalendarDate | null,
    handledAt: r.handledAt === null ? null : new Date(r.handledAt),
  };
}

function toBallot(r: BallotRow): Ballot {
  return {
    ...r,
    chat: r.chat as ChatRef,
    openedAt: new Date(r.openedAt),
    closesAt: new Date(r.closesAt),
    issueIds: JSON.parse(r.issueIds) as number[],
    closedAt: r.closedAt === null ? null : new Date(r.closedAt),
    selectedAt: r.selectedAt === null ? null : new Date(r.selectedAt),
  };
}

export function ballotsRepo(db: Db): BallotRepo {
  const c = db.$client;
  const slate = c.prepare(`select ${ENTRY} from slate_entries where meeting_id = ? order by added_at, issue_id`);
  const entry = c.prepare(`select ${ENTRY} from slate_entries where meeting_id = ? and issue_id = ?`);
  const latest = c.prepare(
    `select ${ENTRY} from slate_entries where rowid = (select s.rowid from slate_entries s join meetings m on m.id = s.meeting_id
     where s.issue_id = ? order by m.starts_at desc, s.meeting_id desc limit 1)`,
  );
  const insertEntry = c.prepare(
    `insert into slate_entries (meeting_id, issue_id, agency_id, added_by, added_at, petition_passed_on, state) values (?, ?, ?, ?, ?, ?, 'on')
     on conflict (meeting_id, issue_id) do update set state = 'on', petition_passed_on = coalesce(excluded.petition_passed_on, petition_passed_on)`,
  );
  const setState = c.prepare('update slate_entries set state = ? where meeting_id = ? and issue_id = ?');
  const handled = c.prepare(
    `update slate_entries set state = 'handled', handled_agency_id = ?, handled_reason = ?, handled_by = ?, handled_at = ?, action_item_id = ?
     where meeting_id = ? and issue_id = ?`,
  );
  const insertBallot = c.prepare(
    `insert into ballots (meeting_id, chat, opened_by, opened_at, closes_at, votes_per_agency, issue_ids, is_open) values (?, ?, ?, ?, ?, ?, ?, 1)
     on conflict do nothing returning ${BALLOT}`,
  );
  const getBallot = c.prepare(`select ${BALLOT} from ballots where id = ?`);
  const current = c.prepare(`select ${BALLOT} from ballots where is_open = 1`);
  const latestAny = c.prepare(`select ${BALLOT} from ballots order by id desc limit 1`);
  const latestFor = c.prepare(`select ${BALLOT} from ballots where meeting_id = ? order by id desc limit 1`);
  const closedBetween = c.prepare(`select ${BALLOT} from ballots where closed_at >= ? and closed_at < ? order by closed_at, id`);
  const choices = c.prepare('select issue_id as issueId from ballot_votes where ballot_id = ? and agency_id = ? order by issue_id').pluck();
  const clear = c.prepare('delete from ballot_votes where ballot_id = ? and agency_id = ?');
  const removeOne = c.prepare('delete from ballot_votes where ballot_id = ? and agency_id = ? and issue_id = ?');
  const addOne = c.prepare('insert into ballot_votes (ballot_id, agency_id, issue_id, user_id, at) values (?, ?, ?, ?, ?)');
  const voted = c.prepare('select distinct agency_id from ballot_votes where ballot_id = ?').pluck();
  const totals = c.prepare('select issue_id as issueId, count(*) as n from ballot_votes where ballot_id = ? group by issue_id');
  const close = c.prepare('update ballots set closed_at = ?, closed_by = ?, is_open = null where id = ? and is_open = 1');
  const selected = c.prepare('update ballots set selected_at = ? where id = ? and closed_at is not null and selected_at is null');

  return {
    slate: (meetingId) => (slate.all(meetingId) as EntryRow[]).map(toEntry),
    slateEntry(meetingId, issueId) {
      const r = entry.get(meetingId, issueId) as EntryRow | undefined;
      return r && toEntry(r);
    },
    latestEntry(issueId) {
      const r = latest.get(issueId) as EntryRow | undefined;
      return r && toEntry(r);
    },
    putOnSlate(e) {
      insertEntry.run(e.meetingId, e.issueId, e.agencyId, e.by, e.at.getTime(), e.petitionPassedOn);
    },
    setState(meetingId, issueId, state) {
      setState.run(state, meetingId, issueId);
    },
    markHandled(meetingId, issueId, h) {
      handled.run(h.agencyId, h.reason, h.by, h.at.getTime(), h.actionItemId, meetingId, issueId);
    },
    open(b) {
      const r = insertBallot.get(b.meetingId, b.chat, b.openedBy, b.openedAt.getTime(), b.closesAt.getTime(), b.votesPerAgency, JSON.stringify(b.issueIds)) as BallotRow | undefined;
      return r && toBallot(r);
    },
    get(id) {
      const r = getBallot.get(id) as BallotRow | undefined;
      return r && toBallot(r);
    },
    current() {
      const r = current.get() as BallotRow | undefined;
      return r && toBallot(r);
    },
    latest() {
      const r = latestAny.get() as BallotRow | undefined;
      return r && toBallot(r);
    },
    latestFor(meetingId) {
      const r = latestFor.get(meetingId) as BallotRow | undefined;
      return r && toBallot(r);
    },
    closedBetween: (from, to) => (closedBetween.all(from.getTime(), to.getTime()) as BallotRow[]).map(toBallot),
    choices: (ballotId, agencyId) => choices.all(ballotId, agencyId) as number[],
    setChoices(ballotId, agencyId, issueIds, by, at) {
      clear.run(ballotId, agencyId);
      for (const id of issueIds) addOne.run(ballotId, agencyId, id, by, at.getTime());
    },
    toggle(ballotId, agencyId, issueId, by, at) {
      if (removeOne.run(ballotId, agencyId, issueId).changes > 0) return false;
      addOne.run(ballotId, agencyId, issueId, by, at.getTime());
      return true;
    },
    votedAgencies: (ballotId) => new Set(voted.all(ballotId) as number[]),
    totals: (ballotId) => new Map((totals.all(ballotId) as { issueId: number; n: number }[]).map((r) => [r.issueId, r.n])),
    close: (id, at, by) => close.run(at.getTime(), by, id).changes > 0,
    markSelected: (id, at) => selected.run(at.getTime(), id).changes > 0,
  };
}
