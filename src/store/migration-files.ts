import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One entry of drizzle-kit's `meta/_journal.json`, as drizzle-kit writes it. */
export interface JournalEntry {
  idx: number;
  version: string;
  when: number;
  tag: string;
  breakpoints: boolean;
}

export interface MigrationFile {
  entry: JournalEntry;
  /** sha256 of the SQL file: the same hash drizzle's migrator stores in `__drizzle_migrations`. */
  sha256: string;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function readJournal(folder: string): JournalEntry[] {
  const path = join(folder, 'meta', '_journal.json');
  if (!existsSync(path)) return [];
  return (JSON.parse(readFileSync(path, 'utf8')) as { entries: JournalEntry[] }).entries;
}

/**
 * The folder's migrations in journal order. The SQL is read the way drizzle's migrator reads it
 * (`readFileSync().toString()`), so the hash equals the one a migrated database holds.
 */
export function readMigrations(folder: string): MigrationFile[] {
  return readJournal(folder).map((entry) => ({
    entry,
    sha256: sha256(readFileSync(join(folder, `${entry.tag}.sql`)).toString()),
  }));
}
