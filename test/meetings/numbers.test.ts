import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS_DIR, openDatabase } from '../../src/store/db';
import { tempDir } from '../support/app';
import { FACILITATOR, MONTHLY, COLLAB, meetingConfig, processOn, tempDb } from './support';

// Issue #13: every restart re-expanded the series and burned a meeting number per stored
// occurrence (AUTOINCREMENT advances even on an insert a conflict skips), so an ad-hoc meeting
// became #437 and people typed `/agenda 2125`.

const PREMEETING = { id: 'premeeting', title: '會前會', kind: 'weekly', start: '2026-01-01 14:00', rrule: 'FREQ=WEEKLY;BYDAY=TH', durationMin: 60, agenda: false };
const config = meetingConfig({ series: [COLLAB, PREMEETING, MONTHLY], horizonDays: 120 });

test('ten restarts consume no meeting numbers: the next meeting gets the one after the highest in use', async () => {
  const { file, cleanup } = tempDb();
  try {
    let day = Date.parse('2026-12-01T02:00:00Z');
    const first = processOn(file, config, new Date(day).toISOString());
    const stored = first.store.meetings.range(new Date(0), new Date('2100-01-01'), ['scheduled']).length;
    expect(stored).toBeGreaterThan(30);
    first.stop();
    for (let i = 0; i < 10; i++) {
      // Each restart is a few hours later, so some restarts also add the day's new occurrence.
      day += 5 * 3_600_000;
      processOn(file, config, new Date(day).toISOString()).stop();
    }
    const app = processOn(file, config, new Date(day).toISOString());
    try {
      const highest = (app.db.$client.prepare('select max(id) as n, count(*) as c from meetings').get() as { n: number; c: number });
      // Numbers are dense: one per stored meeting, none burned.
      expect(highest.n).toBe(highest.c);
      const answer = await app.cmd(FACILITATOR, '/meeting add 臨時協調會 2026-12-20 10:00');
      expect(answer).toContain(`已新增會議 #${highest.n + 1}「臨時協調會」`);
    } finally {
      app.stop();
    }
  } finally {
    cleanup();
  }
});

/** A migrations folder holding every migration before the renumbering one. */
function migrationsBefore(dir: string, tag: string): string {
  const out = join(dir, 'migrations-before');
  cpSync(MIGRATIONS_DIR, out, { recursive: true });
  const path = join(out, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(path, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag.endsWith(tag)));
  writeFileSync(path, JSON.stringify(journal));
  return out;
}

test('the migration renumbers only meetings whose numbers nobody can have seen, and jobs follow them', () => {
  const { dir, cleanup } = tempDir('po-renumber-');
  try {
    const file = join(dir, 'bot.sqlite');
    const old = openDatabase(file, { migrationsDir: migrationsBefore(dir, '_meeting_numbers') });
    const c = old.$client;
    const now = Date.now();
    const DAY = 86_400_000;
    const meeting = c.prepare(`insert into meetings (id, series, occurrence, kind, title, starts_at, status, revision, chats, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, '["console:main"]', 0)`);
    c.exec(`insert into users (platform, platform_user_id, display_name, created_at, updated_at) values ('console', 'pdis', 'pdis', 0, 0)`);
    // Past and closed, with minutes: its number is cited.
    meeting.run(3, 'collab', now - 7 * DAY, 'weekly', '協作會議', now - 7 * DAY, 'closed', 1);
    c.exec(`insert into minutes (meeting_id, chat, title, started_by, started_at) values (3, 'console:main', '協作會議', 1, ${now - 7 * DAY})`);
    // The next fifteen upcoming ones are what /meetings lists: shown.
    for (let i = 1; i <= 15; i++) meeting.run(40 + i, 'collab', now + i * DAY, 'weekly', '協作會議', now + i * DAY, 'scheduled', 0);
    // An ad-hoc meeting: its number was in the answer to /meeting add.
    meeting.run(437, null, null, 'other', '臨時會議', now + 16 * DAY, 'scheduled', 0);
    // Far ahead, with a motion queued (someone typed /agenda add 2125 …): shown.
    meeting.run(2125, 'collab', now + 60 * DAY, 'weekly', '協作會議', now + 60 * DAY, 'scheduled', 0);
    c.exec(`insert into agenda_items (meeting_id, text, proposer_id, created_at, updated_at) values (2125, '臨時動議', 1, 0, 0)`);
    // Far ahead and untouched: nobody saw these numbers.
    meeting.run(1900, 'collab', now + 50 * DAY, 'weekly', '協作會議', now + 50 * DAY, 'scheduled', 0);
    meeting.run(2131, 'po-monthly', now + 70 * DAY, 'monthly', 'PO 月會', now + 70 * DAY, 'scheduled', 0);
    meeting.run(2130, 'collab', now + 67 * DAY, 'weekly', '協作會議', now + 67 * DAY, 'scheduled', 0);
    // A moved one (revision 1) was announced: kept even though it is far ahead.
    meeting.run(2000, 'collab', now + 40 * DAY, 'weekly', '協作會議', now + 41 * DAY, 'scheduled', 1);
    // Far ahead but below the highest kept number: already short, left alone.
    meeting.run(100, 'collab', now + 45 * DAY, 'weekly', '協作會議', now + 45 * DAY, 'scheduled', 0);
    const job = c.prepare(`insert into jobs (kind, key, due_at, payload, status, created_at) values (?, ?, ?, ?, ?, 0)`);
    job.run('meetings.remind', 'meeting:2131:remind:86400000', now + 69 * DAY, JSON.stringify({ meetingId: 2131, offsetMs: 86400000, chat: 'console:main' }), 'pending');
    job.run('meetings.agenda', 'meeting:2131:agenda', now + 69 * DAY, JSON.stringify({ meetingId: 2131, chat: 'console:main' }), 'pending');
    job.run('meetings.remind', 'meeting:2130:remind:86400000', now + 66 * DAY, JSON.stringify({ meetingId: 2130, offsetMs: 86400000, chat: 'console:main' }), 'pending');
    c.exec(`update sqlite_sequence set seq = 2200 where name = 'meetings'`);
    const before = (c.prepare('select count(*) as n from meetings').get() as { n: number }).n;
    old.$client.close();

    const db = openDatabase(file);
    try {
      const rows = db.$client.prepare('select id, starts_at as at from meetings order by id').all() as { id: number; at: number }[];
      expect(rows).toHaveLength(before);
      const idAt = (at: number) => rows.find((r) => r.at === at)?.id;
      // Kept: everything shown.
      expect(idAt(now - 7 * DAY)).toBe(3);
      expect(idAt(now + DAY)).toBe(41);
      expect(idAt(now + 16 * DAY)).toBe(437);
      expect(idAt(now + 60 * DAY)).toBe(2125);
      expect(idAt(now + 41 * DAY)).toBe(2000);
      expect(idAt(now + 45 * DAY)).toBe(100);
      // Renumbered after the highest kept (2125), in time order.
      expect([idAt(now + 67 * DAY), idAt(now + 70 * DAY)]).toEqual([2126, 2127]);
      // 1900 is below 2125: nothing to gain, so it keeps its number.
      expect(idAt(now + 50 * DAY)).toBe(1900);
      const jobs = db.$client.prepare(`select key, payload from jobs order by key`).all() as { key: string; payload: string }[];
      expect(jobs.map((j) => [j.key, JSON.parse(j.payload).meetingId])).toEqual([
        ['meeting:2126:remind:86400000', 2126],
        ['meeting:2127:agenda', 2127],
        ['meeting:2127:remind:86400000', 2127],
      ]);
      expect(db.$client.prepare(`select seq from sqlite_sequence where name = 'meetings'`).get()).toEqual({ seq: 2127 });
    } finally {
      db.$client.close();
    }
  } finally {
    cleanup();
  }
});
