import { sqliteTable, integer, text, primaryKey, index } from 'drizzle-orm/sqlite-core';
import { agencies, users } from './people';

export const issues = sqliteTable(
  'issues',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    details: text('details').notNull().default(''),
    petitionUrl: text('petition_url'),
    proposerId: integer('proposer_id')
      .notNull()
      .references(() => users.id),
    /** The proposer's agency when they proposed: later /iam changes do not rewrite history. */
    proposerAgencyId: integer('proposer_agency_id').references(() => agencies.id),
    status: text('status', { enum: ['open', 'withdrawn'] })
      .notNull()
      .default('open'),
    /** The chat it was proposed in, `<platform>:<chat id>`. */
    chat: text('chat').notNull(),
    createdAt: integer('created_at').notNull(),
    withdrawnAt: integer('withdrawn_at'),
  },
  (t) => [index('issues_status').on(t.status, t.id), index('issues_proposer').on(t.proposerId)],
);

export const issueAgencies = sqliteTable(
  'issue_agencies',
  {
    issueId: integer('issue_id')
      .notNull()
      .references(() => issues.id),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
  },
  (t) => [primaryKey({ columns: [t.issueId, t.agencyId] })],
);

export const votes = sqliteTable(
  'votes',
  {
    issueId: integer('issue_id')
      .notNull()
      .references(() => issues.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** The voter's agency when they voted; per-agency counting uses it. */
    agencyId: integer('agency_id').references(() => agencies.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.issueId, t.userId] }), index('votes_user').on(t.userId)],
);
