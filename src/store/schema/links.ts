import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';

/** Which platform message shows which record, so a reaction finds its issue and a tally
 *  change finds every card to update. */
export const messageLinks = sqliteTable(
  'message_links',
  {
    messageRef: text('message_ref').primaryKey(),
    recordKind: text('record_kind').notNull(),
    recordId: integer('record_id').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('message_links_record').on(t.recordKind, t.recordId)],
);

/** Platform deliveries already handled (Slack event_id, Telegram update_id): a redelivery,
 *  even after a restart, is recognised and skipped. Pruned after a retention period.
 *  Created WITHOUT ROWID by migration 0004 (drizzle cannot declare it): one b-tree. */
export const processedEvents = sqliteTable('processed_events', {
  key: text('key').primaryKey(),
  at: integer('at').notNull(),
});
