import { sqliteTable, integer, text, primaryKey, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { agencies, users } from './people';
import { issues } from './issues';
import { meetings } from './meetings';
import { actionItems } from './cases';

// The 月會 selection (issue 28): a meeting's slate, its per-agency ballot and the choices cast.

/**
 * One issue on one meeting's slate. `state`: on the ballot (`on`), taken off by a facilitator
 * (`removed`), withdrawn by an agency that handles it itself (`handled`, with its 列管 item),
 * chosen (`selected`) or not chosen this month (`unselected`) once the ballot's ranking is used.
 */
export const slateEntries = sqliteTable(
  'slate_entries',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    issueId: integer('issue_id')
      .notNull()
      .references(() => issues.id),
    /** The agency that put it up (部會提出); null when a facilitator did. */
    agencyId: integer('agency_id').references(() => agencies.id),
    addedBy: integer('added_by')
      .notNull()
      .references(() => users.id),
    addedAt: integer('added_at').notNull(),
    /** The day its Join petition passed, as the facilitator gave it ('YYYY-MM-DD'). */
    petitionPassedOn: text('petition_passed_on'),
    state: text('state', { enum: ['on', 'removed', 'handled', 'selected', 'unselected'] })
      .notNull()
      .default('on'),
    handledAgencyId: integer('handled_agency_id').references(() => agencies.id),
    handledReason: text('handled_reason'),
    handledBy: integer('handled_by').references(() => users.id),
    handledAt: integer('handled_at'),
    actionItemId: integer('action_item_id').references(() => actionItems.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.issueId] }), index('slate_entries_issue').on(t.issueId)],
);

/** A timed ballot on a meeting's slate. At most one is open at a time (the partial unique index). */
export const ballots = sqliteTable(
  'ballots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    /** Where it was opened: its card, result and reminders go there. */
    chat: text('chat').notNull(),
    openedBy: integer('opened_by')
      .notNull()
      .references(() => users.id),
    openedAt: integer('opened_at').notNull(),
    closesAt: integer('closes_at').notNull(),
    votesPerAgency: integer('votes_per_agency').notNull(),
    /** The issues on the ballot when it opened, as a JSON array of ids. */
    issueIds: text('issue_ids').notNull(),
    closedAt: integer('closed_at'),
    /** Who closed it with /ballot close; null when it closed by itself. */
    closedBy: integer('closed_by').references(() => users.id),
    selectedAt: integer('selected_at'),
    /** 1 while open: the unique index on it lets only one ballot be open. */
    isOpen: integer('is_open'),
  },
  (t) => [uniqueIndex('ballots_one_open').on(t.isOpen), index('ballots_meeting').on(t.meetingId, t.id)],
);

/**
 * One agency's vote for one issue in one ballot. Who cast it is kept for audits and recounts;
 * no command, page or export reads it (docs/guide.md says what is and is not anonymous).
 */
export const ballotVotes = sqliteTable(
  'ballot_votes',
  {
    ballotId: integer('ballot_id')
      .notNull()
      .references(() => ballots.id),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    issueId: integer('issue_id')
      .notNull()
      .references(() => issues.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    at: integer('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ballotId, t.agencyId, t.issueId] })],
);
