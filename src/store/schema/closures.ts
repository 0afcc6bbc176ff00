import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';

/** One-off office closures a facilitator adds (a typhoon day): not working days for any clock. */
export const officeClosures = sqliteTable('office_closures', {
  date: text('date').primaryKey(),
  reason: text('reason').notNull(),
  byUserId: integer('by_user_id'),
  createdAt: integer('created_at').notNull(),
});
