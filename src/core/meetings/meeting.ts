import type { ActionItem } from '../actions/action-item';
import type { ChatRef, RichText } from '../types';
import type { Locale, Translate } from '../../i18n/catalog';
import type { Services } from '../feature';

export type MeetingKind = 'weekly' | 'monthly' | 'quarterly' | 'other';
export type MeetingStatus = 'scheduled' | 'cancelled' | 'closed';

export interface Meeting {
  id: number;
  series: string | null;
  kind: MeetingKind;
  title: string;
  startsAt: Date;
  durationMin: number;
  status: MeetingStatus;
  chats: readonly ChatRef[];
  closedAt: Date | null;
  /** The occurrence's original start within its series (stays put when moved); null for ad-hoc. */
  occurrence: Date | null;
  /** Bumped on every move, cancel or detail change (the iCalendar SEQUENCE). */
  revision: number;
}

export interface NewMeeting {
  series: string | null;
  occurrence: Date | null;
  kind: MeetingKind;
  title: string;
  startsAt: Date;
  durationMin: number;
  chats: readonly ChatRef[];
  createdBy: number | null;
  createdAt: Date;
}

/** The store's meetings. The meetings feature owns it; other features read through it. */
export interface MeetingRepo {
  create(m: NewMeeting): Meeting;
  get(id: number): Meeting | undefined;
  /** Scheduled meetings starting in [from, to), earliest first. */
  between(from: Date, to: Date): Meeting[];
  /** The scheduled meeting going on at `at` in `chat` (started, not past its duration), if any. */
  inProgress(chat: ChatRef, at: Date): Meeting | undefined;
  /** The previous held or scheduled meeting of the same series (or kind, for ad-hoc) before `before`. */
  previous(m: Meeting): Meeting | undefined;
  /** The next scheduled meeting of the same series (or kind, for ad-hoc) after `m` starts. */
  next(m: Meeting): Meeting | undefined;
  /**
   * Stores the series occurrences not stored yet, keyed by (series, occurrence), so expanding a
   * recurrence again never duplicates one (nor revives a cancelled or moved one). Returns the new ones.
   */
  ensureOccurrences(list: readonly NewMeeting[]): Meeting[];
  /** Meetings with one of `statuses` starting in [from, to), earliest first. */
  range(from: Date, to: Date, statuses: readonly MeetingStatus[]): Meeting[];
  /**
   * One page of meetings of any status starting in [from, to) (either end open), earliest first
   * or latest first, and how many there are in that window. `ahead` keeps those still to be held
   * at that instant (scheduled, slot not over); `behind` the others (held, closed or cancelled).
   */
  page(q: { from?: Date; to?: Date; ahead?: Date; behind?: Date; order: 'asc' | 'desc'; offset: number; limit: number }): { rows: Meeting[]; total: number };
  /** Scheduled series meetings whose original occurrence lies in [from, to). */
  seriesOccurrences(from: Date, to: Date): Meeting[];
  /** Moves a scheduled meeting from 'scheduled' to `to`; false if it was not scheduled. */
  setStatus(id: number, to: 'cancelled' | 'closed', at: Date): boolean;
  /** Gives a scheduled meeting a new start; false if it was not scheduled. */
  reschedule(id: number, startsAt: Date): boolean;
  /** Updates what a series' configuration says about a stored occurrence. */
  updateDetails(id: number, d: Pick<Meeting, 'title' | 'kind' | 'durationMin' | 'chats'>): void;
}

/** The four sections of a Taiwanese government agenda, in order. */
export type AgendaSection = 'reports' | 'followUps' | 'discussion' | 'motions';

export interface AgendaContext {
  meeting: Meeting;
  /** Start of the previous meeting of the same series, for "since the last meeting". */
  since: Date | null;
  /**
   * Issues proposed from then on are on the 討論事項／投票議題 list: for a monthly meeting (the
   * vote) every open issue, or those of the last `voting.ballotMonths` months; for other
   * meetings the ones new since the previous meeting.
   */
  ballotSince: Date | null;
  now: Date;
  locale: Locale;
  t: Translate;
  services: Services;
  /** Who the agenda is compiled for may see only some follow-up items (the public web pages); default all. */
  audience?: AgendaAudience;
}

export interface AgendaAudience {
  item(i: ActionItem): boolean;
  /** The item as this audience may see it (a release not yet on its record reads as open). */
  view?(i: ActionItem): ActionItem;
}

/**
 * Features contribute lines to agenda sections (cases → 報告事項, follow-up items →
 * 歷次會議決議辦理情形, issues → 討論事項／投票議題) without the agenda knowing them.
 */
export interface AgendaContributor {
  section: AgendaSection;
  /**
   * Which part of the record its lines are made of, when not the meeting's own (case progress
   * is case work, the ballot is proposals): an audience that may not see that part (the public
   * web pages, by web.public) is not shown them.
   */
  about?: 'cases' | 'issues';
  /** Lower comes first within a section. */
  order: number;
  lines(ctx: AgendaContext): RichText[];
  /**
   * Agencies with an item in this section (lead/co-agencies of a case, owners of follow-ups),
   * named in the reminders. Optional: a contributor without it adds no names.
   */
  agencies?(ctx: AgendaContext): readonly number[];
}
