import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { tempDir } from '../support/app';
import { runConsole } from '../support/run-console';

// Issue 28, "done when": a scripted 月會 through the real console (the built bot as a child
// process, as `npm start` runs it). A slate of 6 (4 from the facilitator, 2 from POs), one
// withdrawn by its lead agency, a 10-minute ballot with 3 votes per agency across 8 agencies, the
// halfway reminder reaching only POs of agencies that have not voted, an automatic close across a
// restart (the bot is down when the ballot ends), and /ballot select 2 giving 第二案 and 第三案.

const AGENCIES = ['交通部', '內政部', '經濟部', '勞動部', '衛福部', '教育部', '環境部', '財政部'];
let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

interface Line {
  id: number;
  text: string;
  to?: string;
}

test('a 月會 from slate to cases, with the bot restarted while the ballot runs', async () => {
  const config = join(dir, 'bot.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      facilitators: ['console:pdis'],
      meetings: { series: [{ id: 'po-monthly', title: 'PO 月會', kind: 'monthly', start: '2026-01-05 14:00', rrule: 'FREQ=MONTHLY;BYDAY=1MO', durationMin: 120 }] },
    }),
  );
  const db = join(dir, 'bot.sqlite');
  const env = { BOT_CONFIG: config, DATABASE_PATH: db };
  const first = [
    ...AGENCIES.map((a, i) => `po${i}: /iam ${a}`),
    'alice: /propose 先前的議題',
    'pdis: /select 1',
    ...AGENCIES.slice(0, 6).map((a, i) => `alice: /propose 議題${i + 1} #${a}`),
    // #2..#7 are 議題1..議題6; the facilitator puts up four, two agencies one each.
    'pdis: /slate add #2 #3 #4 #5',
    'po4: /slate add #6',
    'po5: /slate add #7',
    'po1: /slate handle #3 本部已列入明年度計畫',
    'pdis: /startmeeting',
    'pdis: /ballot open 10m votes 3',
    'po0: /ballot vote #2 #4 #6',
    'po1: /ballot vote #4 #6 #7',
    'po2: /ballot vote #4 #6',
    'po3: /ballot vote #2 #4 #5',
    'po4: /ballot vote #6',
    '.advance 5m',
    '',
  ].join('\n');
  const run1 = await runConsole(first, { ...env, BOT_NOW: '2026-12-07T13:40:00+08:00' });
  expect(run1.code).toBe(0);
  const lines1 = run1.lines as Line[];
  const slate = lines1.find((l) => l.text.includes('的名單現有 6 案'));
  expect(slate).toBeDefined();
  const open = lines1.find((l) => l.text.includes('投票進行中'))!;
  expect(open.text).toContain('5 案，每個部會 3 票');
  expect(open.text).toContain('13:50 截止');
  // The card counts agencies only, edited in place.
  expect(lines1.filter((l) => l.id === open.id).map((l) => /已有 (\d)／8/.exec(l.text)?.[1])).toEqual(['0', '1', '2', '3', '4', '5']);
  // The halfway reminder: privately, to the POs of the three agencies that have not voted.
  const nudged = lines1.filter((l) => l.to !== undefined && l.text.includes('還沒投票'));
  expect(nudged.map((l) => l.to).sort()).toEqual(['po5', 'po6', 'po7']);
  expect(lines1.some((l) => l.text.includes('投票結果'))).toBe(false);

  // The bot is down at 13:50; it starts again at 13:52 and closes the ballot at once, as of 13:50.
  const second = ['po6: /ballot vote #2', 'pdis: /ballot select 2', ''].join('\n');
  const run2 = await runConsole(second, { ...env, BOT_NOW: '2026-12-07T13:52:00+08:00' });
  expect(run2.code).toBe(0);
  const lines2 = run2.lines as Line[];
  const result = lines2.find((l) => l.text.includes('投票結果'))!;
  expect(result.text).toContain('（2026年12月7日（一）13:50 截止）');
  expect(result.text).toContain('已有 5／8 個部會投票');
  // #4 4 votes, #6 4 (tie: #4 proposed first), #2 2, #7 1, #5 1 (tie: #5 first).
  expect(result.text).toMatch(/1\. #4 議題3 — 4 票 （同票）\n2\. #6 議題5 — 4 票 （同票）\n3\. #2 議題1 — 2 票\n4\. #5 議題4 — 1 票 （同票）\n5\. #7 議題6 — 1 票 （同票）/);
  expect(lines2.find((l) => l.text.startsWith('投票已於'))?.text).toBe('投票已於 13:50 截止，這一票沒有計入。');
  const selected = lines2.find((l) => l.text.includes('選定 2 個協作案'))!;
  expect(selected.text).toMatch(/第二案「議題3」（議題 #4）\n第三案「議題5」（議題 #6）/);
  expect(lines2.some((l) => l.text.includes('本月未選定：#2、#5、#7'))).toBe(true);

  const sql = new Database(db, { readonly: true });
  try {
    expect(sql.prepare('select number, issue_id as issue from cases order by number').all()).toEqual([{ number: 1, issue: 1 }, { number: 2, issue: 4 }, { number: 3, issue: 6 }]);
    const minutes = (sql.prepare('select text from minutes_lines order by id').pluck().all() as string[]).join('\n');
    expect(minutes).toContain('開始投票：#2、#4、#5、#6、#7');
    expect(minutes).toContain('投票截止，5 個部會投票');
    expect(minutes).toContain('第二案');
  } finally {
    sql.close();
  }
}, 120_000);
