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
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('users_platform_identity').on(t.platform, t.platformUserId), index('users_agency').on(t.agencyId)],
);
