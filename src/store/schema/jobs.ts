import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';

/**
 * Persisted scheduled work (reminders, agendas, deadline notices). `key` makes scheduling
 * idempotent: re-scheduling the same key moves the job instead of adding a second one.
 * A job is claimed by setting status 'running' with a lease, in one UPDATE, so two processes
 * on one database never both run it.
 */
export const jobs = sqliteTable(
  'jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    key: text('key').notNull().unique(),
    dueAt: integer('due_at').notNull(),
    payload: text('payload').notNull().default('{}'),
    status: text('status', { enum: ['pending', 'running', 'done', 'cancelled'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    claimedBy: text('claimed_by'),
    claimedUntil: integer('claimed_until'),
    lastError: text('last_error'),
    doneAt: integer('done_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('jobs_due').on(t.status, t.dueAt)],
);
