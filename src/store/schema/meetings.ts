import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { agencies, users } from './people';

/**
 * Meetings: occurrences of configured series (weekly 週會, monthly 月會, quarterly 季會) and
 * ad-hoc ones. A series occurrence is keyed by (series, starts_at as first scheduled) so
 * re-expanding the recurrence never duplicates it.
 */
export const meetings = sqliteTable(
  'meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Config series id, or null for ad-hoc meetings. */
    series: text('series'),
    /** The occurrence's original start (epoch ms) within its series; stays put when moved. */
    occurrence: integer('occurrence'),
    kind: text('kind', { enum: ['weekly', 'monthly', 'quarterly', 'other'] }).notNull(),
    title: text('title').notNull(),
    startsAt: integer('starts_at').notNull(),
    durationMin: integer('duration_min').notNull().default(60),
    status: text('status', { enum: ['scheduled', 'cancelled', 'closed'] })
      .notNull()
      .default('scheduled'),
    /** JSON array of ChatRefs the meeting's posts go to. */
    chats: text('chats').notNull().default('[]'),
    createdBy: integer('created_by'),
    createdAt: integer('created_at').notNull(),
    closedAt: integer('closed_at'),
    /** Bumped on every move, cancel or detail change: the iCalendar SEQUENCE, so calendars update. */
    revision: integer('revision').notNull().default(0),
  },
  (t) => [index('meetings_starts').on(t.status, t.startsAt), uniqueIndex('meetings_occurrence').on(t.series, t.occurrence)],
);

/**
 * 臨時動議 (extempore motions) queued for a meeting. Items not reached when the meeting is
 * closed move to the next meeting of the series (meeting_id changes, carried_from remembers).
 */
export const agendaItems = sqliteTable(
  'agenda_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    text: text('text').notNull(),
    proposerId: integer('proposer_id').references(() => users.id),
    /** The proposer's agency when queued, like votes: later /iam changes do not rewrite it. */
    agencyId: integer('agency_id').references(() => agencies.id),
    status: text('status', { enum: ['queued', 'done', 'removed'] })
      .notNull()
      .default('queued'),
    /** The meeting it was last carried over from, if any. */
    carriedFrom: integer('carried_from'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('agenda_items_meeting').on(t.meetingId, t.status, t.id)],
);
