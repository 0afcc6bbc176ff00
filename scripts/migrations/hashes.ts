import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { readMigrations, type JournalEntry, type MigrationFile } from '../../src/store/migration-files';

/**
 * migrations/hashes.json: the sha256 and journal entry of every released migration. A released
 * migration is never edited (databases already ran it; drizzle would not run it again, and an
 * edited 0000_foundation once made early databases unopenable), so any difference is an error.
 */
export interface RecordedMigration {
  tag: string;
  sha256: string;
  journal: JournalEntry;
}

export interface HashesFile {
  about: string;
  migrations: RecordedMigration[];
}

export const HASHES_FILE = 'hashes.json';
export const ADD_COMMAND = 'npm run migrations:hash -- --add';

const ABOUT =
  'sha256 and journal entry of every released migration; test/store/migrations-immutable.test.ts fails if one changes. ' +
  `Never edit an entry: change the schema with a new migration (npx drizzle-kit generate --name <what>), then run \`${ADD_COMMAND}\` to record it.`;

export function readHashes(folder: string): HashesFile {
  const path = join(folder, HASHES_FILE);
  if (!existsSync(path)) return { about: ABOUT, migrations: [] };
  return JSON.parse(readFileSync(path, 'utf8')) as HashesFile;
}

function record(m: MigrationFile): RecordedMigration {
  return { tag: m.entry.tag, sha256: m.sha256, journal: m.entry };
}

/**
 * Every way the folder differs from what was recorded, as sentences telling a developer what to
 * do. Released (recorded) migrations must be unchanged and come first, in order; migrations
 * after them are new and only need recording.
 */
export function migrationProblems(folder: string, recorded = readHashes(folder).migrations): { changed: string[]; unrecorded: MigrationFile[] } {
  const current = readMigrations(folder);
  const changed: string[] = [];
  recorded.forEach((r, i) => {
    const now = current[i];
    const sql = `migrations/${r.tag}.sql`;
    const revert = `A released migration is never edited: restore it (\`git checkout main -- migrations/\`) and make the change in a new migration (\`npx drizzle-kit generate --name <what>\`, or \`--custom\` for data).`;
    if (!now || now.entry.tag !== r.tag) {
      const found = current.find((m) => m.entry.tag === r.tag);
      changed.push(
        found
          ? `${r.tag} moved from position ${r.journal.idx} to ${found.entry.idx} in migrations/meta/_journal.json. ${revert}`
          : `${r.tag} was released but is no longer in migrations/meta/_journal.json${now ? ` (position ${i} is now ${now.entry.tag})` : ''}. ${revert}`,
      );
      return;
    }
    if (now.sha256 !== r.sha256) changed.push(`${sql} changed after it was released (sha256 now ${now.sha256}, recorded ${r.sha256}). ${revert}`);
    if (!isDeepStrictEqual(now.entry, r.journal)) {
      changed.push(`The journal entry of ${r.tag} changed (now ${JSON.stringify(now.entry)}, recorded ${JSON.stringify(r.journal)}); drizzle decides what to run by its \`when\`. ${revert}`);
    }
  });
  const unrecorded = current.slice(recorded.length).filter((m) => !recorded.some((r) => r.tag === m.entry.tag));
  return { changed, unrecorded };
}

export function unrecordedMessage(m: MigrationFile): string {
  return (
    `migrations/${m.entry.tag}.sql is new and its hash is not recorded. If you just generated it, record it: \`${ADD_COMMAND}\` ` +
    `(appends {"tag":"${m.entry.tag}","sha256":"${m.sha256}",…} to migrations/${HASHES_FILE}), and commit that file with the migration. ` +
    `If it collides with a migration already on main, drop yours and regenerate it on top of main's first.`
  );
}

/** Appends the unrecorded migrations; refuses (returns the problems) if a released one changed. */
export function addNewHashes(folder: string): { added: string[]; changed: string[] } {
  const file = readHashes(folder);
  const { changed, unrecorded } = migrationProblems(folder, file.migrations);
  if (changed.length > 0) return { added: [], changed };
  if (unrecorded.length === 0) return { added: [], changed };
  const next: HashesFile = { about: ABOUT, migrations: [...file.migrations, ...unrecorded.map(record)] };
  writeFileSync(join(folder, HASHES_FILE), `${JSON.stringify(next, null, 2)}\n`);
  return { added: unrecorded.map((m) => m.entry.tag), changed };
}
