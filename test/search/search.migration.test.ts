import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS_DIR, openDatabase } from '../../src/store/db';
import { sqliteStore } from '../../src/store/sqlite-store';
import { tempDir } from '../support/app';

const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
const SEARCH = journal.entries.findIndex((e) => e.tag.endsWith('_search'));

/** A migrations folder holding the migrations before the search index. */
function before(dir: string): string {
  const out = join(dir, 'before-search');
  mkdirSync(join(out, 'meta'), { recursive: true });
  const entries = journal.entries.slice(0, SEARCH);
  for (const e of entries) cpSync(join(MIGRATIONS_DIR, `${e.tag}.sql`), join(out, `${e.tag}.sql`));
  writeFileSync(join(out, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  return out;
}

test('a database made before the search index, with records, finds them once migrated', () => {
  const { dir, cleanup } = tempDir();
  try {
    const path = join(dir, 'db.sqlite');
    const old = openDatabase(path, { migrationsDir: before(dir) });
    const c = old.$client;
    expect(c.prepare(`select count(*) n from sqlite_master where name = 'search_fts'`).get()).toEqual({ n: 0 });
    const now = Date.now();
    c.exec(`
      insert into agencies (code, name) values ('MOL', '勞動部');
      insert into users (platform, platform_user_id, display_name, agency_id, created_at, updated_at) values ('console', 'u1', '甲', 1, ${now}, ${now});
      insert into issues (title, details, proposer_id, chat, created_at) values ('國旅卡期限', '延長使用', 1, 'console:main', ${now}), ('職災申請', '', 1, 'console:main', ${now});
      insert into cases (number, issue_id, title, stage, chat, selected_by, selected_at, updated_at) values (1, 2, '職災申請', 'selected', 'console:main', 1, ${now}, ${now});
      insert into case_events (case_id, at, kind, detail) values (1, ${now}, 'note', '{"kind":"note","text":"已函請勞動部說明"}'), (1, ${now}, 'stage', '{"kind":"stage","from":"a","to":"b"}');
      insert into action_items (case_id, text, chat, created_by, created_at, status, done_note) values (1, '提供統計', 'console:main', 1, ${now}, 'done', '已提供MOTC資料');
      insert into meetings (kind, title, starts_at, created_at) values ('other', '會議', ${now}, ${now});
      insert into minutes (meeting_id, chat, title, status, started_by, started_at) values (1, 'console:main', '會議', 'ended', 1, ${now});
      insert into minutes_lines (minutes_id, at, user_id, speaker, kind, text) values (1, ${now}, 1, '甲', 'message', '國旅卡下次談'), (1, ${now}, 1, '甲', 'decision', '請勞動部回覆'), (1, ${now}, 1, '甲', 'action', '不索引的列管行');
    `);
    c.close();

    const db = openDatabase(path);
    const search = sqliteStore(db).search;
    const page = { offset: 0, limit: 10 };
    expect(search.find('proposal', ['國旅卡'], page)).toEqual([{ source: 'issue', id: 1 }]);
    expect(search.find('proposal', ['國旅'], page)).toEqual([{ source: 'issue', id: 1 }]);
    expect(search.find('case', ['職災'], page)).toEqual([{ source: 'case', id: 1 }]);
    expect(search.find('case', ['勞動部'], page)).toEqual([{ source: 'note', id: 1 }]);
    expect(search.find('item', ['motc'], page)).toEqual([{ source: 'item', id: 1 }]);
    expect(search.find('speech', ['國旅卡'], page)).toEqual([{ source: 'line', id: 1 }]);
    expect(search.find('decision', ['勞動部'], page)).toEqual([{ source: 'line', id: 2 }]);
    expect(search.find('item', ['不索引'], page)).toEqual([]);
    expect(search.find('speech', ['不索引'], page)).toEqual([]);
    expect(db.$client.prepare('select count(*) n from search_fts').get()).toEqual({ n: 7 });
    db.$client.close();
  } finally {
    cleanup();
  }
});
