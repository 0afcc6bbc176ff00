import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

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
  },
  (t) => [index('meetings_starts').on(t.status, t.startsAt), uniqueIndex('meetings_occurrence').on(t.series, t.occurrence)],
);
