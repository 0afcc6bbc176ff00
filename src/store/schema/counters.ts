import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';

/**
 * Named numbers that must only grow across restarts, such as the highest console message id
 * ever printed (answers are printed without being linked to any record, so message_links
 * alone cannot tell).
 */
export const counters = sqliteTable('counters', {
  name: text('name').primaryKey(),
  value: integer('value').notNull(),
});
