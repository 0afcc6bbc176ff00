import { sqliteTable, integer, text, primaryKey } from 'drizzle-orm/sqlite-core';
import { users } from './people';

/** Who was welcomed in which chat (issue 19): one welcome per person per chat, across restarts. */
export const welcomes = sqliteTable(
  'welcomes',
  {
    chat: text('chat').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    at: integer('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chat, t.userId] })],
);
