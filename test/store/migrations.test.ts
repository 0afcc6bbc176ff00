import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS_DIR, openDatabase, runMigrations } from '../../src/store/db';
import { tempDir } from '../support/app';
import { readMigrations } from '../../src/store/migration-files';
import { pendingMigrations } from '../../src/store/migration-history';

interface Journal {
  entries: { idx: number; tag: string }[];
}

const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as Journal;

/** A migrations folder holding only the first `n` migrations. */
function prefix(dir: string, n: number): string {
  const out = join(dir, `m${n}`);
  mkdirSync(join(out, 'meta'), { recursive: true });
  const entries = journal.entries.slice(0, n);
  for (const e of entries) cpSync(join(MIGRATIONS_DIR, `${e.tag}.sql`), join(out, `${e.tag}.sql`));
  writeFileSync(join(out, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  return out;
}

/** Puts rows in every table that exists, respecting foreign keys by filling parents first. */
function populate(db: Database.Database): void {
  const tables = (db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`).all() as { name: string }[]).map((t) => t.name);
  const now = Date.now();
  const has = (t: string) => tables.includes(t);
  db.transaction(() => {
    if (has('agencies')) db.prepare(`insert into agencies (code, name) values ('MOTC', '交通部'), ('MOL', '勞動部')`).run();
    if (has('users')) {
      for (let i = 1; i <= 20; i++) db.prepare('insert into users (platform, platform_user_id, display_name, agency_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?)').run('console', `u${i}`, `使用者${i}`, (i % 2) + 1, now, now);
    }
    if (has('issues')) {
      for (let i = 1; i <= 10; i++) db.prepare('insert into issues (title, details, proposer_id, proposer_agency_id, chat, created_at) values (?, ?, ?, ?, ?, ?)').run(`議題${i}`, '說明', i, 1, 'console:main', now);
    }
    if (has('issue_agencies')) for (let i = 1; i <= 10; i++) db.prepare('insert into issue_agencies (issue_id, agency_id) values (?, ?)').run(i, 1);
    if (has('votes')) {
      for (let issue = 1; issue <= 10; issue++) for (let u = 1; u <= 20; u++) db.prepare('insert into votes (id, issue_id, user_id, agency_id, created_at) values (?, ?, ?, ?, ?)').run(issue * 2 ** 32 + u, issue, u, (u % 2) + 1, now);
    }
    if (has('processed_events')) for (let i = 1; i <= 10; i++) db.prepare('insert into processed_events (key, at) values (?, ?)').run(`slack:Ev${i}`, now);
    if (has('message_links')) for (let i = 1; i <= 10; i++) db.prepare('insert into message_links (message_ref, record_kind, record_id, created_at) values (?, ?, ?, ?)').run(`console:main#${i}`, 'issue', i, now);
  })();
}

/** Tables a later migration drops on purpose (app_secrets: the signing secret left the database). */
const DROPPED = new Set(['app_secrets']);

function counts(db: Database.Database): Record<string, number> {
  const tables = (db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`).all() as { name: string }[]).map((t) => t.name);
  return Object.fromEntries(tables.map((t) => [t, (db.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n]));
}

test.each(journal.entries.map((e, i) => [e.tag, i + 1] as const))('a database populated at %s keeps every row through the later migrations', (_tag, n) => {
  const { dir, cleanup } = tempDir();
  try {
    const path = join(dir, 'db.sqlite');
    const early = openDatabase(path, { migrationsDir: prefix(dir, n) });
    populate(early.$client);
    const before = counts(early.$client);
    early.$client.close();

    const db = openDatabase(path);
    const after = counts(db.$client);
    for (const [table, rows] of Object.entries(before)) if (!DROPPED.has(table)) expect({ table, rows: after[table] }).toEqual({ table, rows });
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.$client.pragma('foreign_key_check')).toEqual([]);
    db.$client.close();
  } finally {
    cleanup();
  }
});

test('delivery ids are one b-tree: processed_events is WITHOUT ROWID, with no index beside it', () => {
  const { dir, cleanup } = tempDir();
  try {
    const db = openDatabase(join(dir, 'db.sqlite'));
    const sqlOf = (name: string) => (db.$client.prepare(`select sql from sqlite_master where name = ?`).get(name) as { sql: string } | undefined)?.sql;
    expect(sqlOf('processed_events')).toMatch(/WITHOUT ROWID/i);
    expect(db.$client.prepare(`select name from sqlite_master where type = 'index' and tbl_name = 'processed_events'`).all()).toEqual([]);
    db.$client.close();
  } finally {
    cleanup();
  }
});

test('file databases use WAL; reopening applies nothing twice', () => {
  const { dir, cleanup } = tempDir();
  try {
    const path = join(dir, 'db.sqlite');
    const a = openDatabase(path);
    expect(a.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    const applied = (a.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n;
    expect(applied).toBe(journal.entries.length);
    a.$client.close();
    const b = openDatabase(path);
    expect((b.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n).toBe(applied);
    b.$client.close();
  } finally {
    cleanup();
  }
});

test('a corrupt database file is refused with its path and left untouched', () => {
  const { dir, cleanup } = tempDir();
  try {
    const path = join(dir, 'bad.sqlite');
    const garbage = Buffer.from('this is not a database, but it is somebody\'s file'.repeat(200));
    writeFileSync(path, garbage);
    expect(() => openDatabase(path)).toThrow(/Cannot open database .*bad\.sqlite/);
    expect(readFileSync(path).equals(garbage)).toBe(true);
  } finally {
    cleanup();
  }
});

test('migrations turn foreign keys back on even when a migration fails', () => {
  const { dir, cleanup } = tempDir();
  try {
    const bad = join(dir, 'bad-migrations');
    mkdirSync(join(bad, 'meta'), { recursive: true });
    writeFileSync(join(bad, '9999_bad.sql'), 'create table oops (;');
    writeFileSync(join(bad, 'meta', '_journal.json'), JSON.stringify({ version: '7', dialect: 'sqlite', entries: [{ idx: 0, version: '6', when: Date.now() + 1e12, tag: '9999_bad', breakpoints: true }] }));
    const db = openDatabase(':memory:');
    expect(() => runMigrations(db, bad)).toThrow();
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    db.$client.close();
  } finally {
    cleanup();
  }
});

test('pending migrations are counted as drizzle applies them: all on a new file, the newer ones after an upgrade, none once up to date (start-up then skips the migrator)', () => {
  const { dir, cleanup } = tempDir();
  try {
    const path = join(dir, 'db.sqlite');
    const all = readMigrations(MIGRATIONS_DIR);
    const fresh = new Database(path);
    expect(pendingMigrations(fresh, all)).toBe(all.length);
    fresh.close();
    // An older build's database: two migrations short.
    const older = openDatabase(path, { migrationsDir: prefix(dir, all.length - 2) });
    expect(pendingMigrations(older.$client, all)).toBe(2);
    older.$client.close();
    const current = openDatabase(path);
    expect(pendingMigrations(current.$client, all)).toBe(0);
    expect((current.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n).toBe(all.length);
    current.$client.close();
  } finally {
    cleanup();
  }
});

test('a signing secret kept in the database by 0011 is dropped (the web reads WEB_SECRET or its own file now)', () => {
  const { dir, cleanup } = tempDir();
  try {
    const path = join(dir, 'db.sqlite');
    const early = openDatabase(path, { migrationsDir: prefix(dir, journal.entries.findIndex((e) => e.tag === '0014_drop_app_secrets')) });
    early.$client.prepare(`insert into app_secrets (name, value, created_at) values ('web', 'a secret every backup carried', 0)`).run();
    early.$client.close();
    const db = openDatabase(path);
    expect(db.$client.prepare(`select name from sqlite_master where name = 'app_secrets'`).all()).toEqual([]);
    db.$client.close();
  } finally {
    cleanup();
  }
});
