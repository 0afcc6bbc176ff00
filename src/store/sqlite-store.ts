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
import { webLoginsRepo } from './repositories/web-logins.repo';
import { closuresRepo } from './repositories/closures.repo';
import { ballotsRepo } from './repositories/ballots.repo';
import { searchRepo } from './repositories/search.repo';

type RepoName = Exclude<keyof Store, 'transaction'>;

/** The core's Store port on SQLite. Repositories are sync: better-sqlite3 is. */
export function sqliteStore(db: Db): Store {
  const client = db.$client;
  // One wrapper for every call: better-sqlite3 builds a new one per transaction() otherwise.
  const run = client.transaction(<T>(fn: () => T): T => fn());
  const health = writeHealth(client);
  // Each repository prepares its statements when first used: a start-up, or a run that never
  // touches votes or minutes, does not build and prepare SQL it will not run.
  const repos: Partial<Record<RepoName, unknown>> = {};
  const lazy = <K extends RepoName>(name: K, make: (db: Db) => Store[K]): Store[K] => (repos[name] ??= make(db)) as Store[K];
  return {
    get events() { return lazy('events', eventsRepo); },
    get welcomes() { return lazy('welcomes', welcomesRepo); },
    get jobs() { return lazy('jobs', jobsRepo); },
    get outbox() { return lazy('outbox', outboxRepo); },
    get meetings() { return lazy('meetings', meetingsRepo); },
    get agenda() { return lazy('agenda', agendaRepo); },
    get people() { return lazy('people', peopleRepo); },
    get issues() { return lazy('issues', issuesRepo); },
    get votes() { return lazy('votes', votesRepo); },
    get links() { return lazy('links', linksRepo); },
    get cases() { return lazy('cases', casesRepo); },
    get actions() { return lazy('actions', actionsRepo); },
    get minutes() { return lazy('minutes', minutesRepo); },
    get webLogins() { return lazy('webLogins', webLoginsRepo); },
    get closures() { return lazy('closures', closuresRepo); },
    get ballots() { return lazy('ballots', ballotsRepo); },
    get search() { return lazy('search', searchRepo); },
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
