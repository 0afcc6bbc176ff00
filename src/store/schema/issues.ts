import { sqliteTable, integer, text, primaryKey, index, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
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
    status: text('status', { enum: ['open', 'withdrawn', 'merged', 'selected'] })
      .notNull()
      .default('open'),
    /** The chat it was proposed in, `<platform>:<chat id>`. */
    chat: text('chat').notNull(),
    createdAt: integer('created_at').notNull(),
    withdrawnAt: integer('withdrawn_at'),
    /** A merged issue's target (status 'merged'); its votes moved there. */
    mergedInto: integer('merged_into').references((): AnySQLiteColumn => issues.id),
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

/**
 * One row per (issue, person). The rowid IS that pair (issue_id * 2^32 + user_id, see
 * votes.repo.ts), so uniqueness needs no separate index: a vote touches two b-trees (the table
 * and the covering tally index), which is what keeps the vote path near a raw insert.
 */
export const votes = sqliteTable(
  'votes',
  {
    id: integer('id').primaryKey(),
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
  // (issue, agency) covers tallies and rankings: counting never touches the table itself.
  (t) => [index('votes_issue_agency').on(t.issueId, t.agencyId)],
);

/**
 * What happened to an issue after it was proposed (an edit, a merge), for its history in
 * /issue N and the digest. `detail` is JSON (see IssueEventDetail in core/records.ts).
 */
export const issueEvents = sqliteTable(
  'issue_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    issueId: integer('issue_id')
      .notNull()
      .references(() => issues.id),
    at: integer('at').notNull(),
    actorId: integer('actor_id').references(() => users.id),
    kind: text('kind').notNull(),
    detail: text('detail').notNull(),
  },
  (t) => [index('issue_events_issue').on(t.issueId, t.id), index('issue_events_kind_at').on(t.kind, t.at)],
);
