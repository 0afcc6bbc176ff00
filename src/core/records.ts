import type { ChatRef, MessageRef, Platform, RecordRef } from './types';
import type { JobRepo } from './jobs';
import type { MeetingRepo } from './meetings/meeting';
import type { OutboxRepo } from './delivery/outbox.port';
import type { AgendaRepo } from './meetings/agenda.port';
import type { CaseRepo } from './cases/case';
import type { ClosureRepo } from './calendar/closures';
import type { ActionRepo } from './actions/action-item';
import type { MinutesRepo } from './minutes/minutes';
import type { WelcomeLog } from './welcome/welcome';
import type { BallotRepo } from './ballot/ballot';
import type { SearchRepo } from './search/search.port';

// Records as the core sees them: plain objects, times as Date (stored as epoch ms).

export interface Agency {
  id: number;
  code: string;
  name: string;
  /** Official English name, when configured (the default list has one for each body). */
  nameEn?: string;
  aliases: readonly string[];
}

export interface User {
  id: number;
  platform: Platform;
  platformUserId: string;
  name: string;
  agencyId: number | null;
  /** A facilitator confirmed agencyId (`/confirm`): with a roster in use, only then may the person act for it. */
  agencyConfirmed: boolean;
  /** Seen in one of the network's group chats and not seen leaving one since (membership.ts). */
  inNetwork: boolean;
  /**
   * The person this account is linked into (`/link`): the smaller user id of the linked pair, the
   * same on both accounts; null when not linked. Votes are cast under `personOf(user)`.
   */
  personId: number | null;
}

/** The voter an account votes as: its linked person, or itself. */
export function personOf(user: Pick<User, 'id' | 'personId'>): number {
  return user.personId ?? user.id;
}

/** A stored one-time `/link` code (only its hash is kept). */
export interface LinkCode {
  userId: number;
  expiresAt: Date;
  usedAt: Date | null;
}

/** A new state goes here, in the schema's enum, and in issues/issue-state.ts (the compiler points there). */
export type IssueStatus = 'open' | 'withdrawn' | 'merged' | 'selected';

export interface Issue {
  id: number;
  title: string;
  details: string;
  petitionUrl: string | null;
  proposerId: number;
  proposerAgencyId: number | null;
  status: IssueStatus;
  chat: ChatRef;
  createdAt: Date;
  withdrawnAt: Date | null;
  /** Set when status is 'merged': the issue it was merged into. */
  mergedInto: number | null;
  agencyIds: readonly number[];
}

/** The fields /edit replaces (as /propose parsed them). */
export interface IssueContent {
  title: string;
  details: string;
  petitionUrl: string | null;
  agencyIds: readonly number[];
}

/** What happened to an issue after it was proposed; each kind carries what its history line shows. */
export type IssueEventDetail =
  | { kind: 'edited'; from: IssueContent; to: IssueContent }
  /** On the source: it went into `into`, `moved` votes moved, `overlap` voters were already there. */
  | { kind: 'mergedInto'; into: number; title: string; moved: number; overlap: number }
  /** On the target: `from` came in. */
  | { kind: 'mergedFrom'; from: number; title: string; moved: number; overlap: number }
  /** Two accounts that had both voted on it were linked into one person (`/link`): their votes became one. */
  | { kind: 'votesJoined'; name: string };

export interface IssueEvent {
  id: number;
  issueId: number;
  at: Date;
  actorId: number | null;
  detail: IssueEventDetail;
}

export interface NewIssue {
  title: string;
  details: string;
  petitionUrl: string | null;
  proposerId: number;
  proposerAgencyId: number | null;
  chat: ChatRef;
  createdAt: Date;
  agencyIds: readonly number[];
}

export interface Tally {
  votes: number;
  agencies: number;
}

export interface Voter {
  userId: number;
  name: string;
  agencyId: number | null;
  at: Date;
}

export type IssueOrder = 'newest' | 'votes' | 'agencies';

export interface IssueListQuery {
  status?: IssueStatus;
  proposerId?: number;
  /** Proposed at or after. */
  createdSince?: Date;
  /** Proposed before this instant. */
  createdBefore?: Date;
  order: IssueOrder;
  limit: number;
  /** Rows to skip (paging). */
  offset?: number;
}

export interface IssueWithTally {
  issue: Issue;
  tally: Tally;
}

// Ports: the store implements these; the core never sees SQL or drizzle.

export interface PeopleRepo {
  /** Makes the agencies table match the configured list; returns them with ids. */
  syncAgencies(list: readonly { code: string; name: string; nameEn?: string; aliases: readonly string[] }[]): Agency[];
  /** Inserts the user on first sight, refreshes the display name after; returns the row. */
  upsertUser(platform: Platform, platformUserId: string, name: string, now: Date): User;
  setAgency(userId: number, agencyId: number | null, now: Date): void;
  getUser(id: number): User | undefined;
  /** Sets the agency and marks it confirmed by a facilitator. */
  confirmAgency(userId: number, agencyId: number, byUserId: number, now: Date): void;
  userByRef(platform: Platform, platformUserId: string): User | undefined;
  /** Users whose display name is `name` (any case), for `/confirm <name>`. */
  usersNamed(name: string): User[];
  usersByAgency(agencyId: number): User[];
  /** The other accounts linked into the same person (`/link`), oldest first; empty when not linked. */
  linkedAccounts(user: Pick<User, 'id' | 'personId'>): User[];
  /** Links two accounts into one person: both rows get the smaller id as person id. */
  linkAccounts(a: number, b: number, now: Date): void;
  /** Undoes a link: every account of the person stands alone again. */
  unlinkPerson(personId: number, now: Date): void;
  /** Stores a new code for the user, replacing any unused one of theirs. */
  saveLinkCode(codeHash: string, userId: number, now: Date, expiresAt: Date): void;
  linkCode(codeHash: string): LinkCode | undefined;
  /** Marks the code used; false when it already was (or does not exist). */
  useLinkCode(codeHash: string, now: Date): boolean;
  /** The person was seen in a network group chat now. */
  markSeenInNetwork(userId: number, now: Date): void;
  /** The person was seen leaving a network group chat now (no row: nothing to do). */
  markLeftNetwork(platform: Platform, platformUserId: string, now: Date): void;
  /**
   * Changes whenever another connection (another process on the same file) has committed:
   * what was read before may be stale. Our own commits leave it as it is.
   */
  dataVersion(): number;
}

export interface IssueRepo {
  create(input: NewIssue): Issue;
  get(id: number): Issue | undefined;
  list(q: IssueListQuery): { rows: IssueWithTally[]; total: number };
  withdraw(id: number, at: Date): boolean;
  /** Every open issue's number and title (the duplicate check compares a new title with them). */
  openTitles(): { id: number; title: string }[];
  /** Replaces title, details, petition and agency tags of an open issue; false when it is not open. */
  edit(id: number, content: IssueContent): boolean;
  /** Closes an open issue as merged into another; false when it is not open. Votes move separately (VoteRepo.move). */
  markMerged(id: number, into: number, at: Date): boolean;
  addEvent(issueId: number, detail: IssueEventDetail, by: { actorId: number | null; at: Date }): void;
  /** An issue's history, oldest first. */
  events(issueId: number): IssueEvent[];
  /** Events of one kind at or after `since` (the digest's merges), oldest first. */
  eventsSince(kind: IssueEventDetail['kind'], since: Date): IssueEvent[];
  /** An open issue became a case: it leaves the open lists, the ballot and the vote. True when it was open. */
  markSelected(id: number): boolean;
}

export interface VoteRepo {
  /** True when a new vote was stored; false when this person had already voted. */
  cast(issueId: number, userId: number, agencyId: number | null, at: Date): boolean;
  /** True when a vote was removed; false when there was none. */
  retract(issueId: number, userId: number): boolean;
  tally(issueId: number): Tally;
  voters(issueId: number): Voter[];
  /**
   * Moves every vote of `from` to `into`, each person once: a person who voted on both keeps
   * their vote on `into` (counted in `overlap`). Each moved vote keeps its agency and time.
   */
  move(from: number, into: number): { moved: number; overlap: number };
  /**
   * Moves every vote of one voter to another (two accounts linked into one person): where both
   * voted on an issue, the later vote goes and the issue is listed as `joined`.
   */
  moveVoter(from: number, into: number): { issueId: number; joined: boolean }[];
}

export interface LinkRepo {
  link(ref: MessageRef, record: RecordRef, at: Date): void;
  find(ref: MessageRef): RecordRef | undefined;
  refsFor(record: RecordRef): MessageRef[];
}

/** Inbound deliveries already handled, for platforms that redeliver (retries, restarts). */
export interface EventLog {
  seen(key: string): boolean;
  /** Records the key; false when it was already there (the delivery is a repeat). */
  claim(key: string, at: Date): boolean;
  /** Forgets keys older than `before`; returns how many. */
  prune(before: Date): number;
}

/**
 * The epochs that make web sign-in links single-use and sessions revocable: a link or session
 * is honoured only while the epoch it carries is the person's current one.
 */
export interface WebLoginRepo {
  epochs(userId: number): { link: number; session: number };
  /** Moves the link epoch on if it is still `epoch`: true for the one caller that used the link. */
  useLink(userId: number, epoch: number): boolean;
  /** Moves the session epoch on: every session made before is over. */
  endSessions(userId: number): void;
}

export interface Store {
  events: EventLog;
  welcomes: WelcomeLog;
  jobs: JobRepo;
  outbox: OutboxRepo;
  meetings: MeetingRepo;
  agenda: AgendaRepo;
  people: PeopleRepo;
  issues: IssueRepo;
  votes: VoteRepo;
  links: LinkRepo;
  cases: CaseRepo;
  actions: ActionRepo;
  minutes: MinutesRepo;
  webLogins: WebLoginRepo;
  closures: ClosureRepo;
  ballots: BallotRepo;
  /** The full-text index over proposals, cases, decisions, follow-up items and minutes. */
  search: SearchRepo;
  /** Runs fn atomically; nested calls join the outer transaction. */
  transaction<T>(fn: () => T): T;
}
