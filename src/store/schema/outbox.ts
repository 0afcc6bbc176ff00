import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';

/**
 * Every post and card update the bot makes, persisted before it is sent: a send that fails is
 * retried with backoff, and one cut off by a crash is sent after the restart.
 * status: pending → sending → sent | dead. `coalesce` lets a newer card update replace an
 * older one for the same message that has not gone out yet.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // 'private': a message for one person (no CHECK constraint in SQL: adding it needed no migration).
    op: text('op', { enum: ['post', 'update', 'private'] }).notNull(),
    /** ChatRef for posts, MessageRef for updates, `<platform>:<user id>` for private messages. */
    target: text('target').notNull(),
    message: text('message').notNull(),
    showKind: text('show_kind'),
    showId: integer('show_id'),
    status: text('status', { enum: ['pending', 'sending', 'sent', 'dead'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAt: integer('next_at').notNull(),
    resultRef: text('result_ref'),
    lastError: text('last_error'),
    /** The process sending it ('sending'), and until when: another process leaves it alone till then. */
    claimedBy: text('claimed_by'),
    claimedUntil: integer('claimed_until'),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
  },
  (t) => [index('outbox_due').on(t.status, t.nextAt), index('outbox_target').on(t.target, t.status)],
);
