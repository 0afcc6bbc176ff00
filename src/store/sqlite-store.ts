import type { Db } from './db';
import { clearCaches } from './versioned-cache';
import { asStoreError, writeHealth } from './write-health';
import { StoreUnavailableError } from '../core/errors';
import type { Store } from '../core/records';
import { peopleRepo } from './repositories/people.repo';
import { issuesRepo } from './repositories/issues.repo';
import { votesRepo } from './repositories/votes.repo';
import { linksRepo } from './repositories/links.repo';
import { eventsRepo } from './repositories/events.repo';
import { welcomesRepo } from './repositories/welcomes.repo';
import { jobsRepo } from './repositories/jobs.repo';
import { outboxRepo } from './repositories/outbox.repo';
import { meetingsRepo } from './repositories/meetings.repo';
import { agendaRepo } from './repositories/agenda.repo';
import { casesRepo } from './repositories/cases.repo';
import { actionsRepo } from './repositories/actions.repo';
import { minutesRepo } from './repositories/minutes.repo';
import { secretsRepo } from './repositories/secrets.repo';

/** The core's Store port on SQLite. Repositories are sync: better-sqlite3 is. */
export function sqliteStore(db: Db): Store {
  const client = db.$client;
  // One wrapper for every call: better-sqlite3 builds a new one per transaction() otherwise.
  const run = client.transaction(<T>(fn: () => T): T => fn());
  const health = writeHealth(client);
  return {
    events: eventsRepo(db),
    welcomes: welcomesRepo(db),
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
    secrets: secretsRepo(db),
    transaction<T>(fn: () => T): T {
      // better-sqlite3 turns nested transaction() calls into savepoints.
      const outermost = !client.inTransaction;
      try {
        // IMMEDIATE: take the write lock up front, so a read-then-write handler waits for another
        // process instead of failing with SQLITE_BUSY_SNAPSHOT when that process commits in between.
        const out = run.immediate(fn) as T;
        if (outermost) health.succeeded();
        return out;
      } catch (e) {
        clearCaches(client);
        // Disk full, lock held too long…: the caller must not report this as stored (bot.ts).
        const err = asStoreError(e);
        if (outermost && err instanceof StoreUnavailableError) health.failed(err);
        throw err;
      }
    },
  };
}
