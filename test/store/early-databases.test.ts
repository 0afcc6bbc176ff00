import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { EARLY_BUILDS } from '../../src/store/early-builds';
import { DatabaseOpenError, openDatabase } from '../../src/store/db';
import { readMigrations } from '../../src/store/migration-files';
import { tempDir } from '../support/app';
import { runConsole } from '../support/run-console';

/*
 * 0000_foundation.sql was edited in three commits after it was first used (issue 14, item 6).
 * fixtures/early-builds/<commit>/ holds that commit's migration folder (SQL and journal, from
 * `git show <commit>:migrations/...`); each database here is built from it by drizzle, as that
 * build's start-up did.
 */
const FIXTURES = join(__dirname, 'fixtures', 'early-builds');

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function earlyDatabase(commit: string): string {
  const path = join(dir, `${commit}.sqlite`);
  const client = new Database(path);
  client.pragma('journal_mode = WAL');
  migrate(drizzle(client), { migrationsFolder: join(FIXTURES, commit) });
  client.prepare(`insert into agencies (code, name) values ('MOL', '勞動部')`).run();
  client.pragma('wal_checkpoint(TRUNCATE)');
  client.close();
  return path;
}

test('the fixtures are the three early builds, and their hashes are the ones the bot knows', () => {
  expect(readdirSync(FIXTURES).sort()).toEqual(EARLY_BUILDS.map((b) => b.commit).sort());
  for (const b of EARLY_BUILDS) {
    const [m] = readMigrations(join(FIXTURES, b.commit));
    expect({ commit: b.commit, sha256: m!.sha256, when: m!.entry.when }).toEqual({ commit: b.commit, sha256: b.sha256, when: b.when });
  }
});

test.each(EARLY_BUILDS.map((b) => [b.commit]))('a database made by early build %s is refused with its version and what to do; the file is unchanged', (commit) => {
  const path = earlyDatabase(commit);
  const before = readFileSync(path);
  let error: unknown;
  try {
    openDatabase(path).$client.close();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(DatabaseOpenError);
  const message = (error as Error).message;
  expect(message).toContain(`commit ${commit} of 2026-11-27`);
  expect(message).toContain('move the file aside (or set DATABASE_PATH to a new file)');
  expect(message).not.toMatch(/already exists/);
  expect(readFileSync(path).equals(before)).toBe(true);
});

test('the real bot started on an early database exits 78 with one sentence, no stack trace', async () => {
  const path = earlyDatabase('5086bbe');
  const run = await runConsole('/help\n', { DATABASE_PATH: path, BOT_CONFIG: join(__dirname, '..', '..', 'bot.config.json') });
  expect(run.code).toBe(78);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^po-bot: Database .*5086bbe\.sqlite was made by an early development build of po-bot \(commit 5086bbe of 2026-11-27/);
  expect(run.stderr).not.toMatch(/\n\s+at /);
});

test('a database migrated by a newer build, or by an edited migration, is refused by name', () => {
  const newer = join(dir, 'newer.sqlite');
  openDatabase(newer).$client.close();
  const c = new Database(newer);
  c.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('f'.repeat(64), 4102444800000);
  c.close();
  expect(() => openDatabase(newer)).toThrow(/was migrated by a newer po-bot \(a migration of 2100-01-01T00:00:00\.000Z/);

  const edited = join(dir, 'edited.sqlite');
  openDatabase(edited).$client.close();
  const e = new Database(edited);
  e.prepare('update __drizzle_migrations set hash = ? where rowid = 2').run('0'.repeat(64));
  e.close();
  expect(() => openDatabase(edited)).toThrow(/records a migration of .* that this build does not have: a migration file was edited/);
});

test('a SQLite file with tables but no migration history is not taken for a po-bot database', () => {
  const path = join(dir, 'other.sqlite');
  const c = new Database(path);
  c.exec('create table agencies (id integer primary key)');
  c.close();
  expect(() => openDatabase(path)).toThrow(/has tables but no migration history .* it was not made by po-bot/);
});
