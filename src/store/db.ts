import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';
import { readMigrations } from './migration-files';
import { appliedMigrationProblem, pendingMigrations } from './migration-history';
import { appRoot } from '../paths';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_DIR = resolve(appRoot(), 'migrations');

/**
 * The longest the bot's connection waits for another process's write lock once it serves
 * (issue 24 item 2): better-sqlite3 waits synchronously, stopping the event loop, so a longer
 * wait is taken as "busy" and retried off the loop by whoever wrote (bot.ts, the outbox, the
 * scheduler). Start-up (migrations, first writes) keeps the 5 s wait: nothing is served yet.
 */
export const SERVING_BUSY_TIMEOUT_MS = 40;

/** From now on the connection never holds the event loop long for a lock (see above). */
export function serveWithShortLockWaits(db: Db): void {
  db.$client.pragma(`busy_timeout = ${SERVING_BUSY_TIMEOUT_MS}`);
}

export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
}

/**
 * Opens (creating if needed) the database and applies pending migrations.
 * WAL for files: readers never block the writer and a `kill -9` loses nothing committed.
 */
export function openDatabase(path: string, opts: { migrationsDir?: string } = {}): Db {
  const memory = path === ':memory:';
  if (!memory) mkdirSync(dirname(resolve(path)), { recursive: true });
  let client: Database.Database;
  try {
    client = new Database(path, { fileMustExist: false });
    // Touch the file header now so a corrupt or foreign file fails here, with its path.
    client.pragma('schema_version');
  } catch (e) {
    throw new DatabaseOpenError(`Cannot open database ${path}: ${(e as Error).message}. The file was left untouched.`);
  }
  const migrationsDir = opts.migrationsDir ?? MIGRATIONS_DIR;
  // Checked before the WAL pragma, so a refused file is left exactly as it was.
  const migrations = existsSync(migrationsDir) ? readMigrations(migrationsDir) : undefined;
  const problem = migrations ? appliedMigrationProblem(client, path, migrations) : undefined;
  if (problem) {
    client.close();
    throw new DatabaseOpenError(problem);
  }
  if (!memory) client.pragma('journal_mode = WAL');
  client.pragma('synchronous = NORMAL');
  client.pragma('busy_timeout = 5000');
  const db = drizzle(client, { schema }) as Db;
  // A missing folder is reported by runMigrations; an up-to-date database skips it.
  if (!migrations || pendingMigrations(client, migrations) > 0) runMigrations(db, migrationsDir);
  return db;
}

/**
 * drizzle's migrate() runs inside a transaction, where a migration's own
 * `PRAGMA foreign_keys=OFF` is ignored; a table rebuild (create, copy, DROP, rename) would then
 * cascade-delete child rows. So foreign keys go off around it and are checked afterwards.
 */
export function runMigrations(db: Db, migrationsFolder: string): void {
  if (!existsSync(migrationsFolder)) throw new DatabaseOpenError(`Migrations folder not found: ${migrationsFolder}`);
  const client = db.$client;
  client.pragma('foreign_keys = OFF');
  try {
    migrate(db, { migrationsFolder });
    const violations = client.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) {
      throw new DatabaseOpenError(`Migration left ${violations.length} foreign-key violation(s): ${JSON.stringify(violations.slice(0, 5))}`);
    }
  } finally {
    client.pragma('foreign_keys = ON');
  }
}
