import type { Db } from './db';
import { clearCaches } from './versioned-cache';
import type { Store } from '../core/records';
import { peopleRepo } from './repositories/people.repo';
import { issuesRepo } from './repositories/issues.repo';
import { votesRepo } from './repositories/votes.repo';
import { linksRepo } from './repositories/links.repo';
import { eventsRepo } from './repositories/events.repo';
import { jobsRepo } from './repositories/jobs.repo';
import { outboxRepo } from './repositories/outbox.repo';
import { meetingsRepo } from './repositories/meetings.repo';
import { agendaRepo } from './repositories/agenda.repo';
import { casesRepo } from './repositories/cases.repo';
import { actionsRepo } from './repositories/actions.repo';
import { minutesRepo } from './repositories/minutes.repo';

/** The core's Store port on SQLite. Repositories are sync: better-sqlite3 is. */
export function sqliteStore(db: Db): Store {
  const client = db.$client;
  // One wrapper for every call: better-sqlite3 builds a new one per transaction() otherwise.
  const run = client.transaction(<T>(fn: () => T): T => fn());
  return {
    events: eventsRepo(db),
    jobs: jobsRepo(db),
    outbox: outboxRepo(db),
    meetings: meetingsRepo(db),
    agenda: agendaRepo(db),
    people: peopleRepo(db),
    issues: issuesRepo(db),
    votes: votesRepo(db),
    links: linksRepo(db),
    cases: casesRepo(db),
    actions: actionsRepo(db),
    minutes: minutesRepo(db),
    transaction<T>(fn: () => T): T {
      // better-sqlite3 turns nested transaction() calls into savepoints.
      try {
        // IMMEDIATE: take the write lock up front, so a read-then-write handler waits for another
        // process instead of failing with SQLITE_BUSY_SNAPSHOT when that process commits in between.
        return run.immediate(fn) as T;
      } catch (e) {
        clearCaches(client);
        throw e;
      }
    },
  };
}
