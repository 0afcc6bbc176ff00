import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS_DIR } from '../../src/store/db';
import { readMigrations } from '../../src/store/migration-files';
import { addNewHashes, migrationProblems, readHashes, unrecordedMessage } from '../../scripts/migrations/hashes';
import { tempDir } from '../support/app';

/*
 * A released migration is never edited: databases already ran it, drizzle will not run it again,
 * and the edits to 0000_foundation.sql in the first hour of development made those databases
 * unopenable (issue 14, item 6). migrations/hashes.json records every released migration.
 */
test('no released migration or journal entry changed, and every migration is recorded', () => {
  const { changed, unrecorded } = migrationProblems(MIGRATIONS_DIR);
  // The messages say what to do: revert an edit, or record a new migration's hash.
  expect(changed).toEqual([]);
  expect(unrecorded.map(unrecordedMessage)).toEqual([]);
});

test('every migration since the first release is recorded, in journal order', () => {
  const recorded = readHashes(MIGRATIONS_DIR).migrations.map((m) => m.tag);
  expect(recorded.slice(0, 5)).toEqual(['0000_foundation', '0001_meetings', '0002_outbox', '0003_cases', '0004_processed_events_without_rowid']);
  expect(recorded).toEqual(readMigrations(MIGRATIONS_DIR).map((m) => m.entry.tag));
});

describe('the check itself, on a copy of the migrations folder', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  });
  afterEach(() => cleanup());

  const journalPath = () => join(dir, 'meta', '_journal.json');
  const journal = () => JSON.parse(readFileSync(journalPath(), 'utf8')) as { entries: { idx: number; when: number; tag: string }[] };

  test('an edited released migration fails with how to undo it', () => {
    appendFileSync(join(dir, '0001_meetings.sql'), '\nALTER TABLE meetings ADD `x` text;');
    const { changed } = migrationProblems(dir);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toContain('migrations/0001_meetings.sql changed after it was released');
    expect(changed[0]).toContain('npx drizzle-kit generate --name');
  });

  test("a released migration's journal entry changed (its `when`) fails", () => {
    const j = journal();
    j.entries[0]!.when += 1;
    writeFileSync(journalPath(), JSON.stringify(j));
    expect(migrationProblems(dir).changed).toEqual([expect.stringContaining('The journal entry of 0000_foundation changed')]);
  });

  test('a removed or reordered released migration fails', () => {
    const j = journal();
    j.entries.splice(1, 1);
    writeFileSync(journalPath(), JSON.stringify(j));
    expect(migrationProblems(dir).changed[0]).toContain('0001_meetings was released but is no longer in migrations/meta/_journal.json');
  });

  test('a new migration is reported with the command that records it, which then passes', () => {
    const j = journal();
    const last = j.entries[j.entries.length - 1]!;
    j.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '0099_new_thing' });
    writeFileSync(journalPath(), JSON.stringify(j));
    writeFileSync(join(dir, '0099_new_thing.sql'), 'CREATE TABLE `new_thing` (`id` integer PRIMARY KEY);');

    const { changed, unrecorded } = migrationProblems(dir);
    expect(changed).toEqual([]);
    expect(unrecorded.map(unrecordedMessage)).toEqual([expect.stringContaining('`npm run migrations:hash -- --add`')]);
    expect(unrecordedMessage(unrecorded[0]!)).toContain('migrations/0099_new_thing.sql is new');

    expect(addNewHashes(dir)).toEqual({ added: ['0099_new_thing'], changed: [] });
    expect(migrationProblems(dir)).toEqual({ changed: [], unrecorded: [] });
    // Once recorded it is released like the others.
    appendFileSync(join(dir, '0099_new_thing.sql'), ' ');
    expect(migrationProblems(dir).changed[0]).toContain('0099_new_thing.sql changed');
  });

  test('recording refuses to run while a released migration is edited, and writes nothing', () => {
    appendFileSync(join(dir, '0000_foundation.sql'), '\n');
    const before = readFileSync(join(dir, 'hashes.json'), 'utf8');
    const r = addNewHashes(dir);
    expect(r.added).toEqual([]);
    expect(r.changed[0]).toContain('0000_foundation.sql changed');
    expect(readFileSync(join(dir, 'hashes.json'), 'utf8')).toBe(before);
  });
});
