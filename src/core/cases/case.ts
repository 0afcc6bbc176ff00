import type { ChatRef } from '../types';
import type { Tally } from '../records';
import type { CalendarDate } from '../dates/calendar-date';

export interface Case {
  id: number;
  /** Public sequence number: 第一案, 第二案 … gapless, never reused. */
  number: number;
  issueId: number;
  title: string;
  stage: string;
  leadAgencyId: number | null;
  coAgencyIds: readonly number[];
  petitionUrl: string | null;
  petitionPassedOn: CalendarDate | null;
  deadline: CalendarDate | null;
  chat: ChatRef;
  selectedBy: number;
  selectedAt: Date;
  updatedAt: Date;
}

/** What can happen to a case; each kind carries its own details for the timeline. */
export type CaseEventDetail =
  | { kind: 'selected'; issueId: number; meetingId: number | null; corrected?: true }
  | { kind: 'agencies'; lead: number | null; co: number[]; corrected?: true }
  | { kind: 'stage'; from: string; to: string; corrected?: true }
  | { kind: 'deadline'; deadline: CalendarDate | null; corrected?: true }
  | { kind: 'passed'; passed: CalendarDate; deadline: CalendarDate; corrected?: true }
  | { kind: 'petition'; url: string }
  | { kind: 'note'; text: string }
  | { kind: 'action'; itemId: number; text: string }
  | { kind: 'actionDone'; itemId: number; note: string | null }
  | { kind: 'meeting'; meetingId: number; title: string }
  | { kind: 'decision'; meetingId: number; text: string; corrected?: true }
  /** Why SOP milestones (`stages`, each missed when it was given) were not met: one line (`/case N reason`). */
  | { kind: 'reason'; stages: string[]; text: string }
  /** The answer deadline moved later (展延, `/case N extend`): from, to, why, and how far the work has got. */
  | { kind: 'extension'; from: CalendarDate; to: CalendarDate; reason: string; progress: string | null }
  /** Closed with follow-up items still open (`close force`): which ones. */
  | { kind: 'closedOpen'; itemIds: number[]; corrected?: true }
  /** Someone's standing for an agency concerned changed: claimed with /iam (and, with a roster, not yet confirmed), confirmed, or left for another agency. */
  /**
   * `confirmed`: the person stood for the agency by the roster or a facilitator's /confirm.
   * Without it (and in entries written before it existed) the entry is internal: an unconfirmed
   * claim never reaches the public record (issue 23, item 4).
   */
  | { kind: 'po'; name: string; agencyId: number; change: 'claimed' | 'pending' | 'confirmed' | 'left'; confirmed?: boolean };

export interface CaseEvent {
  id: number;
  caseId: number;
  at: Date;
  actorId: number | null;
  detail: CaseEventDetail;
}

export type SelectOutcome =
  | { ok: true; cases: Case[] }
  | { ok: false; reason: 'notFound' | 'withdrawn' | 'merged'; issueId: number }
  | { ok: false; reason: 'alreadyCase'; issueId: number; caseNumber: number };

export interface SelectInput {
  issueIds: readonly number[];
  by: number;
  at: Date;
  chat: ChatRef;
  stage: string;
  /** The meeting to link, read only once the write lock is held (see CaseRepo.select). */
  meeting: () => number | null;
}

export interface CaseChange {
  by: number;
  at: Date;
}

export interface CaseRepo {
  /**
   * Turns issues into cases with the next numbers, all or none. Its first statement takes the
   * database's write lock, so other processes on the same file wait for it and numbers stay
   * gapless and unique. Call it before reading anything else in the same transaction: a read
   * first would pin a snapshot that another process's commit makes impossible to write from.
   */
  select(input: SelectInput): SelectOutcome;
  get(id: number): Case | undefined;
  byNumber(n: number): Case | undefined;
  byIssue(issueId: number): Case | undefined;
  isSelected(issueId: number): boolean;
  /** Ordered by number; `stages` filters. */
  list(stages?: readonly string[]): Case[];
  /** One page of list(): `limit` cases after skipping `offset`, and how many there are in all. */
  page(q: { stages?: readonly string[]; offset: number; limit: number }): { rows: Case[]; total: number };
  setAgencies(id: number, lead: number | null, co: readonly number[], c: CaseChange): Case;
  setStage(id: number, stage: string, c: CaseChange): Case;
  setDeadline(id: number, deadline: CalendarDate | null, c: CaseChange, passed?: CalendarDate): Case;
  setPetition(id: number, url: string, c: CaseChange): Case;
  addEvent(id: number, detail: CaseEventDetail, c: { by: number | null; at: Date }): void;
  events(id: number): CaseEvent[];
  /** The newest entries of one kind across all cases, newest first (the web's feed: stage changes). */
  recentEvents(kind: CaseEventDetail['kind'], limit: number): CaseEvent[];
  /** Marks an entry 更正: a setting overridden within the same meeting, or a decision struck from its minutes (the timeline keeps it, marked). */
  markCorrected(eventId: number): void;
  /** True when the link is new. */
  linkMeeting(id: number, meetingId: number, at: Date): boolean;
  meetingIds(id: number): number[];
  /** Cases selected while this meeting was going on (their 'selected' event names it), by number. */
  selectedAt(meetingId: number): Case[];
  supportNoted(issueId: number): boolean;
  /** Records that an issue's support threshold was announced; true only the first time. */
  noteSupport(issueId: number, tally: Tally, at: Date): boolean;
  /**
   * The ballot as the agenda lists it (open issues proposed in [since, until)): how many, and
   * the agencies that voted on or proposed any of them.
   */
  agenciesHeardOnBallot(since: Date | null, until: Date): { ballot: number; agencyIds: Set<number> };
  /** Users whose display name or platform id is `name` on that platform (for /action @name). */
  findUsers(platform: string, name: string): { id: number; name: string; platformUserId: string; agencyId: number | null }[];
}

/** Whether a timeline entry belongs on the public record: a PO change only when confirmed. */
export function onPublicRecord(e: CaseEvent): boolean {
  return e.detail.kind !== 'po' || e.detail.change === 'confirmed' || e.detail.confirmed === true;
}
