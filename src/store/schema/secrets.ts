import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';

/** Secrets the bot generates for itself once and keeps (the web's signing key when WEB_SECRET is unset). */
export const appSecrets = sqliteTable('app_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: integer('created_at').notNull(),
});
