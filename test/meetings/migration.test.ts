import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS_DIR, openDatabase } from '../../src/store/db';
import { tempDir } from '../support/app';

// The meetings migration adds a table, a column and an index: a database populated under the
// previous schema must keep every row (see STACK.md on drizzle's table-rebuild trap).
test('migrating a populated database to the meetings schema keeps every row', () => {
  const { dir, cleanup } = tempDir('po-migrate-');
  try {
    const before = join(dir, 'migrations-before');
    cpSync(MIGRATIONS_DIR, before, { recursive: true });
    const journalPath = join(before, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
    const meetingsAt = journal.entries.findIndex((e) => e.tag.endsWith('_meetings'));
    expect(meetingsAt).toBeGreaterThan(0);
    journal.entries = journal.entries.slice(0, meetingsAt);
    writeFileSync(journalPath, JSON.stringify(journal));

    const file = join(dir, 'bot.sqlite');
    const old = openDatabase(file, { migrationsDir: before });
    const c = old.$client;
    c.exec(`
      insert into agencies (code, name) values ('MOTC', '交通部');
      insert into users (platform, platform_user_id, display_name, agency_id, created_at, updated_at) values ('console', 'a', 'a', 1, 0, 0), ('console', 'b', 'b', null, 0, 0);
      insert into issues (title, proposer_id, chat, created_at) values ('一', 1, 'console:main', 0), ('二', 2, 'console:main', 0);
      insert into votes (id, issue_id, user_id, agency_id, created_at) values (4294967297, 1, 1, 1, 0), (4294967298, 1, 2, null, 0), (8589934593, 2, 1, 1, 0);
      insert into meetings (series, occurrence, kind, title, starts_at, chats, created_at) values ('collab', 1, 'weekly', '協作會議', 1, '["console:main"]', 0);
      insert into jobs (kind, key, due_at, created_at) values ('meetings.remind', 'meeting:1:remind:3600000', 0, 0);
    `);
    const count = (db: typeof old) =>
      Object.fromEntries(['agencies', 'users', 'issues', 'votes', 'meetings', 'jobs'].map((t) => [t, (db.$client.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n]));
    const rows = count(old);
    old.$client.close();

    const migrated = openDatabase(file);
    try {
      expect(count(migrated)).toEqual(rows);
      expect(migrated.$client.prepare('select revision from meetings').get()).toEqual({ revision: 0 });
      expect(migrated.$client.prepare('select count(*) as n from agenda_items').get()).toEqual({ n: 0 });
    } finally {
      migrated.$client.close();
    }
  } finally {
    cleanup();
  }
});
