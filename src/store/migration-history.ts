import type Database from 'better-sqlite3';
import { EARLY_BUILDS } from './early-builds';
import type { MigrationFile } from './migration-files';

/** drizzle's default bookkeeping table: one row (hash, created_at = journal `when`) per migration applied. */
const MIGRATIONS_TABLE = '__drizzle_migrations';

const KEEP = 'Nothing in the file was changed.';

/**
 * Refuses, before anything is migrated, a database whose applied migrations this build does
 * not have. drizzle's migrator only compares timestamps: given such a file it re-runs
 * 0000_foundation and stops on "table `agencies` already exists" with a stack trace. Returns the
 * problem as a sentence that names the database's version and what to do; undefined when the
 * history is a prefix of (or equal to) this build's migrations.
 */
export function appliedMigrationProblem(client: Database.Database, path: string, migrations: readonly MigrationFile[]): string | undefined {
  const applied = appliedMigrations(client);
  if (!applied) {
    const tables = client.prepare(`select count(*) as n from sqlite_master where type = 'table' and name not like 'sqlite_%'`).get() as { n: number };
    if (tables.n === 0) return undefined;
    return `Database ${path} has tables but no migration history (${MIGRATIONS_TABLE}): it was not made by po-bot. ${KEEP} Set DATABASE_PATH to a new file, or to the po-bot database you meant.`;
  }
  const known = new Map(migrations.map((m) => [m.sha256, m]));
  for (const row of applied) {
    if (known.has(row.hash)) continue;
    const early = EARLY_BUILDS.find((b) => b.sha256 === row.hash);
    if (early) {
      return (
        `Database ${path} was made by an early development build of po-bot (commit ${early.commit} of ${early.date}, "${early.what}"), ` +
        `whose 0000_foundation migration was changed before the first release; its tables differ from every released version and cannot be upgraded. ${KEEP} ` +
        `What to do: move the file aside (or set DATABASE_PATH to a new file) and start the bot, which creates a new database. ` +
        `The old file holds only that build's test data and can still be read with sqlite3.`
      );
    }
    const when = Number(row.created_at);
    const last = migrations[migrations.length - 1];
    const newer = last === undefined || when > last.entry.when;
    const stamp = Number.isFinite(when) ? new Date(when).toISOString() : String(row.created_at);
    return newer
      ? `Database ${path} was migrated by a newer po-bot (a migration of ${stamp}; this build's last is ${last?.entry.tag ?? 'none'}). ${KEEP} ` +
          `Run the newer build, or restore the backup taken before the upgrade (docs: "Upgrading").`
      : `Database ${path} records a migration of ${stamp} (sha256 ${row.hash.slice(0, 12)}…) that this build does not have: a migration file was edited after this database used it. ${KEEP} ` +
          `Released migrations are never edited (test/store/migrations-immutable.test.ts); restore the file from git, or use a database made by this build.`;
  }
  return undefined;
}

/** The database's migration history, oldest first; undefined when it has no history table. */
function appliedMigrations(client: Database.Database): { hash: string; created_at: number | string }[] | undefined {
  if (client.prepare(`select 1 from sqlite_master where type = 'table' and name = ?`).get(MIGRATIONS_TABLE) === undefined) return undefined;
  return client.prepare(`select hash, created_at from ${MIGRATIONS_TABLE} order by created_at`).all() as { hash: string; created_at: number | string }[];
}

/**
 * How many of this build's migrations the database has not applied (drizzle's rule: those newer
 * than the last one applied). 0 at almost every start-up: the migrator, which reads and hashes
 * every migration file again and checks every foreign key afterwards, then has nothing to do.
 */
export function pendingMigrations(client: Database.Database, migrations: readonly MigrationFile[]): number {
  const applied = appliedMigrations(client);
  if (!applied?.length) return migrations.length;
  const last = Number(applied[applied.length - 1]!.created_at);
  return migrations.filter((m) => m.entry.when > last).length;
}
