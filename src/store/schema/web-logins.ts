import { sqliteTable, integer } from 'drizzle-orm/sqlite-core';
import { users } from './people';

/**
 * What makes a person's web sign-in links single-use and their sessions revocable: a link or
 * session carries the epoch it was made in and is honoured only while the stored one matches.
 * Using a link moves `link_epoch` on; signing out moves `session_epoch` on. No row: both 0.
 * (The signing secret itself is not in the database: see src/web/auth/secret-file.ts.)
 */
export const webLogins = sqliteTable('web_logins', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id),
  linkEpoch: integer('link_epoch').notNull().default(0),
  sessionEpoch: integer('session_epoch').notNull().default(0),
});
