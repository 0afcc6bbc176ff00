import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, primaryKey, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { agencies, users } from './people';
import { issues } from './issues';
import { meetings } from './meetings';

// Cases, follow-up items (列管) and in-chat minutes. Calendar dates (deadlines, due dates) are
// stored as 'YYYY-MM-DD' in the configured zone: a deadline is a day, not an instant.

/** A selected issue. `number` is the public, gapless sequence (第一案, 第二案 …). */
export const cases = sqliteTable(
  'cases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: integer('number').notNull().unique(),
    issueId: integer('issue_id')
      .notNull()
      .unique()
      .references(() => issues.id),
    title: text('title').notNull(),
    stage: text('stage').notNull(),
    leadAgencyId: integer('lead_agency_id').references(() => agencies.id),
    petitionUrl: text('petition_url'),
    /** The day the Join petition passed its threshold. */
    petitionPassedOn: text('petition_passed_on'),
    /** The day the formal response is due. */
    deadline: text('deadline'),
    /** Where it was selected: reminders go there. */
    chat: text('chat').notNull(),
    selectedBy: integer('selected_by')
      .notNull()
      .references(() => users.id),
    selectedAt: integer('selected_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('cases_stage').on(t.stage, t.number)],
);

export const caseAgencies = sqliteTable(
  'case_agencies',
  {
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.agencyId] })],
);

/** Everything that happened to a case, for its dated timeline. `detail` is JSON. */
export const caseEvents = sqliteTable(
  'case_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    at: integer('at').notNull(),
    actorId: integer('actor_id').references(() => users.id),
    kind: text('kind').notNull(),
    detail: text('detail').notNull().default('{}'),
  },
  (t) => [index('case_events_case').on(t.caseId, t.at, t.id)],
);

export const caseMeetings = sqliteTable(
  'case_meetings',
  {
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    linkedAt: integer('linked_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.meetingId] })],
);

/** Issues whose support threshold was announced: the notice is said once, ever. */
export const supportNotices = sqliteTable('support_notices', {
  issueId: integer('issue_id')
    .primaryKey()
    .references(() => issues.id),
  at: integer('at').notNull(),
  votes: integer('votes').notNull(),
  agencies: integer('agencies').notNull(),
});

/** Follow-up items (列管): owned by an agency and/or a person, released by /done. */
export const actionItems = sqliteTable(
  'action_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').references(() => cases.id),
    meetingId: integer('meeting_id').references(() => meetings.id),
    ownerAgencyId: integer('owner_agency_id').references(() => agencies.id),
    ownerUserId: integer('owner_user_id').references(() => users.id),
    text: text('text').notNull(),
    due: text('due'),
    status: text('status', { enum: ['open', 'done'] })
      .notNull()
      .default('open'),
    chat: text('chat').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
    doneAt: integer('done_at'),
    doneBy: integer('done_by').references(() => users.id),
    doneNote: text('done_note'),
  },
  (t) => [index('action_items_status').on(t.status, t.due), index('action_items_case').on(t.caseId), index('action_items_meeting').on(t.meetingId)],
);

/** A meeting's record in chat (MeetBot-style). One per meeting; one recording per chat. */
export const minutes = sqliteTable(
  'minutes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .unique()
      .references(() => meetings.id),
    chat: text('chat').notNull(),
    title: text('title').notNull(),
    status: text('status', { enum: ['recording', 'ended'] })
      .notNull()
      .default('recording'),
    startedBy: integer('started_by')
      .notNull()
      .references(() => users.id),
    startedAt: integer('started_at').notNull(),
    endedBy: integer('ended_by').references(() => users.id),
    endedAt: integer('ended_at'),
    /** /startmeeting created the (ad-hoc) meeting: /endmeeting closes it. */
    ownsMeeting: integer('owns_meeting', { mode: 'boolean' }).notNull().default(false),
    /** The case the current /topic is about: /action and /decision attach to it. */
    currentCaseId: integer('current_case_id').references(() => cases.id),
    /** The section SayIt made of it (sayit.url): where the published minutes are on SayIt. */
    sayitUrl: text('sayit_url'),
    sayitUploadedAt: integer('sayit_uploaded_at'),
    /** Why the last upload failed (cleared by one that works); the facilitators were told once. */
    sayitError: text('sayit_error'),
    sayitErrorAt: integer('sayit_error_at'),
    sayitNotified: integer('sayit_notified', { mode: 'boolean' }).notNull().default(false),
    /** The correction window: the day it is published (Taipei), null when published at once. */
    publishOn: text('publish_on'),
    /** Published (public on the web, the feed, SayIt); null while a draft (草稿（校對中）). */
    publishedAt: integer('published_at'),
    /** A facilitator's /minutes hold: the publication waits while this is set. */
    holdReason: text('hold_reason'),
  },
  (t) => [uniqueIndex('minutes_recording_chat').on(t.chat).where(sql`status = 'recording'`), index('minutes_started').on(t.startedAt)],
);

/** One line of minutes: a chat message or a tagged line, with its speaker as they were then. */
export const minutesLines = sqliteTable(
  'minutes_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    minutesId: integer('minutes_id')
      .notNull()
      .references(() => minutes.id),
    at: integer('at').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    speaker: text('speaker').notNull(),
    agencyId: integer('agency_id').references(() => agencies.id),
    kind: text('kind', { enum: ['message', 'topic', 'decision', 'action', 'info', 'release'] }).notNull(),
    text: text('text').notNull(),
    caseId: integer('case_id').references(() => cases.id),
    actionItemId: integer('action_item_id').references(() => actionItems.id),
    /** Struck by a facilitator (/minutes strike): kept here, left out of everything published. */
    struckAt: integer('struck_at'),
    struckBy: integer('struck_by').references(() => users.id),
    struckReason: text('struck_reason'),
    /** What was said before a correction (/minutes fix): the line's history, never published. */
    originalText: text('original_text'),
    correctedBy: integer('corrected_by').references(() => users.id),
    correctedAt: integer('corrected_at'),
  },
  // The web asks which meeting recorded an item's release (a release is public with that record),
  // and a speaker's page lists what one person said, newest first.
  (t) => [index('minutes_lines_minutes').on(t.minutesId, t.id), index('minutes_lines_action_item').on(t.actionItemId), index('minutes_lines_user').on(t.userId, t.at)],
);

/** A speaker's answer during a meeting's correction window: nothing to correct (ok) or corrected. */
export const minutesReviews = sqliteTable(
  'minutes_reviews',
  {
    minutesId: integer('minutes_id')
      .notNull()
      .references(() => minutes.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    answer: text('answer', { enum: ['ok', 'fixed'] }).notNull(),
    at: integer('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.minutesId, t.userId] })],
);
