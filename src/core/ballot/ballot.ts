import type { ChatRef } from '../types';
import type { CalendarDate } from '../dates/calendar-date';

// The 月會 selection (issue 28): a meeting's slate, a timed per-agency ballot on it, and the
// ranking that becomes cases. Per-agency choices are stored (recounts, audits) and read by
// nothing that publishes: only `choices` of the asker's own agency and counts leave the store.

export type SlateState = 'on' | 'removed' | 'handled' | 'selected' | 'unselected';

export interface SlateEntry {
  meetingId: number;
  issueId: number;
  /** The agency that put it up (部會提出); null when a facilitator did. */
  agencyId: number | null;
  addedBy: number;
  addedAt: Date;
  petitionPassedOn: CalendarDate | null;
  state: SlateState;
  handledAgencyId: number | null;
  handledReason: string | null;
  handledAt: Date | null;
  actionItemId: number | null;
}

export interface Ballot {
  id: number;
  meetingId: number;
  chat: ChatRef;
  openedBy: number;
  openedAt: Date;
  closesAt: Date;
  votesPerAgency: number;
  /** The issues on the ballot, fixed when it opened (the slate's `on` entries then). */
  issueIds: readonly number[];
  closedAt: Date | null;
  /** Null when it closed by itself at closesAt. */
  closedBy: number | null;
  selectedAt: Date | null;
}

export interface BallotRepo {
  slate(meetingId: number): SlateEntry[];
  slateEntry(meetingId: number, issueId: number): SlateEntry | undefined;
  /** The issue's most recent slate entry, by meeting start (its 部會自行處理 / 本月未選定 mark). */
  latestEntry(issueId: number): SlateEntry | undefined;
  /** Adds an issue, or puts a removed or handled one back `on` (keeping who first put it up). */
  putOnSlate(e: { meetingId: number; issueId: number; agencyId: number | null; by: number; at: Date; petitionPassedOn: CalendarDate | null }): void;
  setState(meetingId: number, issueId: number, state: SlateState): void;
  markHandled(meetingId: number, issueId: number, h: { agencyId: number; reason: string; by: number; at: Date; actionItemId: number }): void;
  /** Opens a ballot; undefined when one is open already. */
  open(b: Omit<Ballot, 'id' | 'closedAt' | 'closedBy' | 'selectedAt'>): Ballot | undefined;
  get(id: number): Ballot | undefined;
  /** The ballot open now, if any. */
  current(): Ballot | undefined;
  /** The most recently opened ballot, open or not. */
  latest(): Ballot | undefined;
  /** The meeting's latest ballot. */
  latestFor(meetingId: number): Ballot | undefined;
  /** Ballots closed in [from, to), oldest first (the digest). */
  closedBetween(from: Date, to: Date): Ballot[];
  /** The issues this agency chose, in issue order: shown only to that agency's own POs. */
  choices(ballotId: number, agencyId: number): number[];
  /** Replaces the agency's choice (at most votesPerAgency: the database refuses more). */
  setChoices(ballotId: number, agencyId: number, issueIds: readonly number[], by: number, at: Date): void;
  /** Adds (true) or removes (false) one issue from the agency's choice. */
  toggle(ballotId: number, agencyId: number, issueId: number, by: number, at: Date): boolean;
  /** Which agencies have at least one vote in: counted on the public card, used for reminders. */
  votedAgencies(ballotId: number): Set<number>;
  /** Votes per issue (an agency's vote counts once). */
  totals(ballotId: number): Map<number, number>;
  /** True when it was open and is now closed. */
  close(id: number, at: Date, by: number | null): boolean;
  markSelected(id: number, at: Date): boolean;
}
