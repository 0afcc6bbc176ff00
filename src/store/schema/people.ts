import { sqliteTable, integer, text, uniqueIndex, index } from 'drizzle-orm/sqlite-core';

export const agencies = sqliteTable('agencies', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
});

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    platform: text('platform').notNull(),
    platformUserId: text('platform_user_id').notNull(),
    displayName: text('display_name').notNull(),
    agencyId: integer('agency_id').references(() => agencies.id),
    /**
     * The facilitator (a users.id) who confirmed agency_id, when the roster is in use: only then
     * may someone not on the roster act for that agency. Cleared when the agency changes.
     */
    agencyConfirmedBy: integer('agency_confirmed_by'),
    /**
     * Last seen in one of the network's group chats, and seen leaving one since (cleared when seen
     * again): a person may use the bot privately while seen_at is set and left_at is not
     * (core/people/membership.ts).
     */
    networkSeenAt: integer('network_seen_at'),
    networkLeftAt: integer('network_left_at'),
    /**
     * Linked accounts (`/link`, issue 30): both rows of a linked pair hold the smaller of their
     * two ids, so one person is one voter; null while the account is linked to no other.
     */
    personId: integer('person_id'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('users_platform_identity').on(t.platform, t.platformUserId), index('users_agency').on(t.agencyId), index('users_person').on(t.personId)],
);

/**
 * One-time `/link` codes: only a hash of the code is kept (whoever reads the file cannot link
 * themselves to someone), valid until expires_at, used once (used_at set on success or when
 * the code was typed where others saw it).
 */
export const linkCodes = sqliteTable('link_codes', {
  codeHash: text('code_hash').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
  usedAt: integer('used_at'),
});
