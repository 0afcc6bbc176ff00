// What the agenda needs from the store: the 臨時動議 queue and the ballot of open issues.

export type AgendaItemStatus = 'queued' | 'done' | 'removed';

/** A 臨時動議 queued for a meeting. */
export interface AgendaItem {
  id: number;
  meetingId: number;
  text: string;
  proposerId: number | null;
  agencyId: number | null;
  status: AgendaItemStatus;
  /** The meeting it was last carried over from. */
  carriedFrom: number | null;
  createdAt: Date;
}

export interface NewAgendaItem {
  meetingId: number;
  text: string;
  proposerId: number | null;
  agencyId: number | null;
  at: Date;
}

/** One open issue on the ballot, with its votes split by the voters' agencies. */
export interface BallotRow {
  issueId: number;
  title: string;
  proposerAgencyId: number | null;
  /** Agencies tagged on the issue (#交通部). */
  agencyIds: readonly number[];
  votes: number;
  agencies: number;
  /** Votes per voter agency (null: voters without a registered agency), most first. */
  byAgency: readonly { agencyId: number | null; votes: number }[];
}

export interface BallotQuery {
  /** Proposed at or after (null: since the beginning). */
  since: Date | null;
  /** Proposed before. */
  until: Date;
  limit: number;
  /** Rank by votes (then agencies) or, when votes count per agency, by agencies first. */
  order: 'votes' | 'agencies';
}

export interface AgendaRepo {
  addItem(item: NewAgendaItem): AgendaItem;
  item(id: number): AgendaItem | undefined;
  /** Marks a queued item done (reached) or removed; false if it was not queued. */
  setItemStatus(id: number, status: 'done' | 'removed', at: Date): boolean;
  /** Queued items of a meeting, oldest first, up to `limit`, and how many there are. */
  queued(meetingId: number, limit: number): { rows: AgendaItem[]; total: number };
  /**
   * The motions its agenda shows: queued and discussed (done), oldest first, up to `limit`, and
   * how many there are. Removed ones are gone; carrying over (carryOver) moves only queued ones,
   * so a discussed motion stays with the meeting that discussed it.
   */
  motions(meetingId: number, limit: number): { rows: AgendaItem[]; total: number };
  /** Distinct agencies of the people who queued the meeting's items. */
  queuedAgencies(meetingId: number): number[];
  /** Moves every queued item of `from` to `to`; returns how many. */
  carryOver(from: number, to: number, at: Date): number;
  /** Open issues proposed in [since, until), ranked, with the total in that window. */
  ballot(q: BallotQuery): { rows: BallotRow[]; total: number };
}
