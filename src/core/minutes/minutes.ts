import type { ChatRef } from '../types';
import type { CalendarDate } from '../dates/calendar-date';

export type MinutesStatus = 'recording' | 'ended';
/** `release`: a follow-up item released (/done) while recording; its text is the note. */
export type LineKind = 'message' | 'topic' | 'decision' | 'action' | 'info' | 'release';

/** The record of one meeting held in chat. */
export interface Minutes {
  id: number;
  meetingId: number;
  chat: ChatRef;
  title: string;
  status: MinutesStatus;
  startedBy: number;
  startedAt: Date;
  endedBy: number | null;
  endedAt: Date | null;
  /** /startmeeting created its meeting (ad-hoc), so /endmeeting closes it. */
  ownsMeeting: boolean;
  currentCaseId: number | null;
  /** Where the published minutes are on SayIt (sayit.url), once uploaded. */
  sayit: SayitState;
  /** The correction window's last day: published at 09:00 that day (null: published as it ended). */
  publishOn: CalendarDate | null;
  /** When it became public; null while recording and while a draft in its correction window. */
  publishedAt: Date | null;
  /** A facilitator's /minutes hold: publication waits. */
  holdReason: string | null;
}

export interface SayitState {
  url: string | null;
  uploadedAt: Date | null;
  /** Why the last upload failed; null once one works. */
  error: string | null;
  errorAt: Date | null;
  /** The facilitators were told of a failure (once, until an upload works again). */
  notified: boolean;
}

export interface MinutesLine {
  id: number;
  minutesId: number;
  at: Date;
  userId: number;
  /** The speaker's display name when they spoke. */
  speaker: string;
  agencyId: number | null;
  kind: LineKind;
  text: string;
  caseId: number | null;
  actionItemId: number | null;
  /** Struck by a facilitator: kept in the record's history, left out of everything published. */
  struck: LineStrike | null;
  /** Corrected in the window (/minutes fix): what was said first, kept, never published. */
  correction: { original: string; by: number; at: Date } | null;
}

export interface LineStrike {
  at: Date;
  by: number;
  reason: string;
}

export type NewMinutesLine = Omit<MinutesLine, 'id' | 'struck' | 'correction'>;
export type ReviewAnswer = 'ok' | 'fixed';

export interface MinutesRepo {
  /** Starts recording; undefined when this chat already records (one at a time per chat). */
  start(m: { meetingId: number; chat: ChatRef; title: string; by: number; at: Date; ownsMeeting: boolean }): Minutes | undefined;
  /** The minutes being recorded in this chat, if any. */
  recording(chat: ChatRef): Minutes | undefined;
  get(id: number): Minutes | undefined;
  byMeeting(meetingId: number): Minutes | undefined;
  /** The most recently started minutes, optionally only ended ones. */
  last(opts?: { ended?: boolean }): Minutes | undefined;
  /** Published minutes, most recently published first (the web's feed). */
  recentEnded(limit: number): Minutes[];
  /** Lines of one kind from ended minutes, newest first, struck ones left out (decisions for the web's feed). */
  recentLines(kind: LineKind, limit: number): MinutesLine[];
  addLine(line: NewMinutesLine): void;
  /** Removes one line: a decision superseded within the same meeting (see recordDecision). */
  removeLine(id: number): void;
  /** Every line, struck ones included, in the order spoken (a line's number is its place here, from 1). */
  lines(minutesId: number): MinutesLine[];
  /** Strikes a line; false when it was already struck. */
  strike(lineId: number, s: LineStrike): boolean;
  /** The meeting whose record holds this item's release (a /done while it was recorded), if any. */
  releasedIn(actionItemId: number): number | undefined;
  setCurrentCase(minutesId: number, caseId: number | null): void;
  /** An upload to SayIt worked: the section's URL (null when SayIt's answer did not show it). */
  sayitUploaded(minutesId: number, url: string | null, at: Date): void;
  /** An upload failed; `notified` once the facilitators have been told. */
  sayitFailed(minutesId: number, error: string, at: Date, notified: boolean): void;
  /** Minutes whose last SayIt upload failed (for /healthz). */
  sayitFailing(): { meetingId: number; error: string; at: Date }[];
  /** Ended into a correction window until `publishOn` (a draft), or, with null, published at once. */
  openWindow(minutesId: number, publishOn: CalendarDate | null, at: Date): void;
  /** Makes it public; false when it already was. */
  publish(minutesId: number, at: Date): boolean;
  hold(minutesId: number, reason: string | null): void;
  /** A line's text corrected; its first text stays as the original. */
  correct(lineId: number, text: string, by: number, at: Date): void;
  review(minutesId: number, userId: number, answer: ReviewAnswer, at: Date): void;
  reviews(minutesId: number): { userId: number; answer: ReviewAnswer }[];
  /** True when it was recording and is now ended. */
  end(minutesId: number, by: number, at: Date): boolean;
  /** The minutes in which this person said something (a message line, not struck), any status. */
  spokenIn(userId: number): Minutes[];
  /**
   * What one person said (message lines, struck ones left out) in these minutes, newest first,
   * each with its number in its meeting's record (as /minutes strike counts): a speaker's page.
   */
  speeches(userId: number, q: { minutesIds: readonly number[]; offset: number; limit: number }): { rows: Speech[]; total: number };
}

/** A line someone said, with where it stands: its meeting and its number there (from 1). */
export interface Speech extends MinutesLine {
  meetingId: number;
  no: number;
}
