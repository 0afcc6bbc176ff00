import { parseConfig } from '../../src/config/load';
import { processOn, tempDb, type MeetingTestApp } from '../meetings/support';

// The /report digest posted by itself each week (cases.weeklyReport), by the real scheduler on
// a real database file; a restart is a new process on the same file. Monday 08:30 in Taipei is
// 00:30 UTC; the process runs in New York time (test/support/timezone.global.ts).

const TUESDAY = '2026-12-01T02:00:00Z';
const FIRST = '2026-12-07T00:30:00.000Z';
const HOME = { meetings: { homeChats: ['console:po'] } };

let db: ReturnType<typeof tempDb>;
let running: (MeetingTestApp & { stop(): void })[];
beforeEach(() => {
  db = tempDb();
  running = [];
});
afterEach(() => {
  for (const p of running) p.stop();
  db.cleanup();
});

function start(at: string, config: Record<string, unknown> = HOME): MeetingTestApp & { stop(): void } {
  const p = processOn(db.file, config, at);
  running.push(p);
  return p;
}

const planned = (p: MeetingTestApp) => p.store.jobs.pending('reports:weekly:').map((j) => [j.key, j.dueAt.toISOString()]);

async function at(p: MeetingTestApp, iso: string): Promise<{ chat: string; text: string }[]> {
  const before = p.delivery.posts.length;
  p.clock.set(new Date(iso));
  await p.scheduler.tick();
  return p.posts().slice(before).map((text, i) => ({ chat: p.delivery.posts[before + i]!.chat, text }));
}

test('the digest posts itself on Monday 08:30 Taipei to every home chat, once, and plans the next week', async () => {
  const p = start(TUESDAY);
  expect(planned(p)).toEqual([['reports:weekly:2026-12-07', FIRST]]);
  await p.cmd('alice', '/propose 路口安全');
  expect(await at(p, '2026-12-07T00:29:00Z')).toEqual([]);
  const posted = await at(p, FIRST);
  expect(posted.map((x) => x.chat).sort()).toEqual(['console:main', 'console:po']);
  const text = posted[0]!.text;
  expect(text.startsWith('📊 週報（2026年11月30日（一）–2026年12月6日（日））')).toBe(true); // Monday to Sunday, not eight days (#13)
  expect(text).toContain('本週新議題（1）：\n#1 路口安全 — 0 票／0 部會');
  expect(text.endsWith('（每週自動發布；隨時可輸入 /report 查看最新摘要。）')).toBe(true);
  expect(posted[1]!.text).toBe(text);
  expect(await at(p, '2026-12-07T00:31:00Z')).toEqual([]);
  expect(planned(p)).toEqual([['reports:weekly:2026-12-14', '2026-12-14T00:30:00.000Z']]);

  // A restart plans nothing more and sends nothing again.
  p.stop();
  const again = start('2026-12-07T01:00:00Z');
  expect(planned(again)).toEqual([['reports:weekly:2026-12-14', '2026-12-14T00:30:00.000Z']]);
  expect(await at(again, '2026-12-08T00:00:00Z')).toEqual([]);
  expect(await at(again, '2026-12-14T00:30:00Z')).toHaveLength(2);
});

test('a report the bot was down for goes out later that day; one more than a day late is skipped', async () => {
  const p = start(TUESDAY);
  p.stop();
  // Down over Monday morning, back at 13:00 Taipei.
  const back = start('2026-12-07T05:00:00Z');
  expect(planned(back)).toEqual([['reports:weekly:2026-12-07', FIRST]]);
  expect(await at(back, '2026-12-07T05:00:00Z')).toHaveLength(2);
  back.stop();
  // Down from Sunday to Tuesday afternoon: Monday's report would be stale.
  const late = start('2026-12-15T06:00:00Z');
  expect(await at(late, '2026-12-15T06:00:00Z')).toEqual([]);
  expect(planned(late)).toEqual([['reports:weekly:2026-12-21', '2026-12-21T00:30:00.000Z']]);
});

test('the day and time come from bot.config.json; a new setting moves the planned report; off plans none', async () => {
  const friday = { ...HOME, cases: { weeklyReport: { weekday: 'friday', time: '17:00' } } };
  const p = start(TUESDAY, friday);
  expect(planned(p)).toEqual([['reports:weekly:2026-11-30', '2026-12-04T09:00:00.000Z']]);
  p.stop();
  // Changed to Monday (this week's has passed): this week's Friday one is dropped for next Monday's.
  const monday = start('2026-12-02T02:00:00Z');
  expect(planned(monday)).toEqual([['reports:weekly:2026-12-07', FIRST]]);
  expect(await at(monday, '2026-12-04T09:00:00Z')).toEqual([]);
  monday.stop();
  const off = start('2026-12-02T03:00:00Z', { ...HOME, cases: { weeklyReport: { enabled: false } } });
  expect(planned(off)).toEqual([]);
  expect(await at(off, FIRST)).toEqual([]);
  expect(() => parseConfig({ cases: { weeklyReport: { weekday: 'someday' } } })).toThrow(/weekday/);
  expect(() => parseConfig({ cases: { weeklyReport: { time: '8:30' } } })).toThrow(/HH:MM/);
});
