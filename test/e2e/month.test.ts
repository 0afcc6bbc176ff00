import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/app';
import { runConsole } from '../support/run-console';

// Issue #13, deliverable 10: a month of the PO network scripted through the real bot (main.ts,
// console adapter, a database file, the scheduler moved by .advance), checked end to end:
// proposals and votes, the agenda, the Monday digest, the 月會 recorded from 13:50, the
// selection and the decisions in its minutes, a restart, the cases in the next digest.

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('po-month-')));
afterEach(() => cleanup());

const JOIN = 'https://join.gov.tw/idea/detail/5f1e6a2c-0b7d-4c1e-9a55-3f0c2d8e7b11';

function env(): Record<string, string> {
  const config = join(dir, 'bot.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      facilitators: ['console:pdis'],
      // The month's flow with minutes public as the meeting ends; the correction window has its
      // own console test (test/minutes/review-window.console.test.ts).
      minutes: { reviewWorkingDays: 0 },
      meetings: { series: [{ id: 'po-monthly', title: 'PO 月會', kind: 'monthly', start: '2026-01-05 14:00', rrule: 'FREQ=MONTHLY;BYDAY=1MO', durationMin: 120 }] },
    }),
  );
  return { BOT_CONFIG: config, DATABASE_PATH: join(dir, 'bot.sqlite'), LOG_LEVEL: 'silent' };
}

/** Each expected fragment in a post with that id, in order (several fragments may come from one post). */
function expectInOrder(lines: { id: number; text: string }[], expected: [number, string][]): void {
  let at = 0;
  for (const [id, fragment] of expected) {
    const found = lines.findIndex((l, i) => i >= at && l.id === id && l.text.includes(fragment));
    if (found < 0) throw new Error(`post #${id} containing ${JSON.stringify(fragment)} not found after position ${at}:\n${lines.slice(at).map((l) => `[#${l.id}] ${l.text}`).join('\n')}`);
    at = found; // the next fragment may be in the same post
  }
}

test('a scripted month: selection at the 月會 recorded from 13:50, decisions in its minutes, the Monday digests', async () => {
  const e = env();
  const first = await runConsole(
    [
      'amy: /iam 交通部',
      'bob: /iam 內政部',
      'cat: /iam 衛福部',
      `amy: /propose 公車路線整併 #交通部 | 跨縣市公車路線重疊 ${JOIN}`,
      'bob: /propose 戶政資料交換 #內政部',
      'cat: /propose 長照資源地圖 #衛福部',
      'bob: .react 4 👍',
      'cat: .react 4 👍',
      'amy: .react 5 👍',
      // Monday 7 December 2026, 13:50: ten minutes before the PO 月會.
      '.advance 7d4h50m',
      'pdis: /startmeeting',
      'pdis: /select 2 1',
      'pdis: /case 1 lead 內政部 co 交通部',
      'pdis: /case 1 deadline 2027-01-29',
      'pdis: /action 第1案 內政部 提出資料交換規格 due 12/18',
      'bob: 內政部會在下週提出規格草案',
      'pdis: /endmeeting',
      // A vote on a case is ignored; its proposer cannot withdraw it.
      'bob: .react 5 👍',
      'bob: /withdraw 2',
      '',
    ].join('\n'),
    { ...e, BOT_NOW: '2026-11-30T09:00:00+08:00' },
    ['--json'],
    // Run in the test's folder: the minutes file goes to its data/exports, not the repository's,
    // where another jest run at the same time wrote and removed the same file name.
    dir,
  );
  expect(first.code).toBe(0);
  expectInOrder(first.lines, [
    [4, '議題 #1：公車路線整併'],
    [5, '議題 #2：戶政資料交換'],
    [6, '議題 #3：長照資源地圖'],
    [4, '👍 2 票，來自 2 個部會'],
    // The agenda, 24 h before: the ballot holds every open issue.
    [7, '議程：PO 月會（#1）'],
    [7, '1. 議題 #1 公車路線整併 — 2 票／2 部會'],
    // Monday 08:30: last week, Monday to Sunday.
    [8, '📊 週報（2026年11月30日（一）–2026年12月6日（日））'],
    [8, '本週新議題（3）：'],
    [9, '⏰ 會議提醒：PO 月會（#1）'],
    [9, '提臨時動議：/agenda add #1 <內容>'],
    // 13:50: the scheduled meeting is the one recorded.
    [10, '📝 開始記錄排定的會議 #1「PO 月會」（2026年12月7日（一）14:00–16:00）'],
    [11, '🎯 選定 2 個協作案：\n第一案「戶政資料交換」（議題 #2）\n第二案「公車路線整併」（議題 #1）'],
    // Both cards edited in place to the case they became.
    [5, '議題 #2：戶政資料交換 🎯 已成案：第一案（不再接受投票；進度請見 /case 1）'],
    [4, '議題 #1：公車路線整併 🎯 已成案：第二案（不再接受投票；進度請見 /case 2）'],
    [12, '已更新第一案：主辦 內政部；協辦 交通部。'],
    [13, '已設定第一案的回應期限：2027年1月29日（五）'],
    [14, '📌 列管 #1　內政部：提出資料交換規格（期限 2026年12月18日（五））'],
    [14, '會議：#1'],
    [
      15,
      '決議（4）：\n1. 議題 #2「戶政資料交換」選為第一案\n2. 議題 #1「公車路線整併」選為第二案\n3. 第一案主辦 內政部；協辦 交通部\n4. 第一案回應期限訂為 2027年1月29日（五）\n列管事項（1）：\n內政部：#1 提出資料交換規格（期限 2026年12月18日（五））',
    ],
    [16, '議題 #2 已成案：第一案，不能撤回。'],
  ]);
  // The 👍 on a case changed nothing: no post between the summary and the refusal.
  expect(first.lines.at(-1)!.id).toBe(16);

  // A restart a week later: message ids and meeting numbers go on; the next digest has the cases.
  const second = await runConsole(['.advance 30m', '/issues all', '/minutes 1 xml', '/meetings', 'pdis: /meeting add 臨時協調會 2026-12-20 10:00', ''].join('\n'), {
    ...e,
    BOT_NOW: '2026-12-14T08:10:00+08:00',
  }, ['--json'], dir);
  expect(second.code).toBe(0);
  expectInOrder(second.lines, [
    [17, '📊 週報（2026年12月7日（一）–2026年12月13日（日））'],
    [17, '協作案進度（進行中與本週結案，共 2 案）：\n確認主協辦（2）：\n・第一案「戶政資料交換」 — 確認主協辦｜主辦 內政部｜期限 2027年1月29日（五）'],
    [17, '・第二案「公車路線整併」 — 確認主協辦｜主辦 未定'],
    [18, '#3 長照資源地圖 — 0 票／0 部會\n#2 戶政資料交換 — 1 票／1 部會（已成案：第一案）\n#1 公車路線整併 — 2 票／2 部會（已成案：第二案）'],
    [19, '會議 #1「PO 月會」的會議紀錄（Akoma Ntoso XML，可匯入 SayIt）。'],
    [20, '即將舉行的會議：\n#2〔月會〕PO 月會 — 2027年1月4日（一）14:00–16:00'],
  ]);
  const meetings = second.lines.find((l) => l.id === 20)!.text;
  // Restarts burned no numbers: the ad-hoc meeting takes the one after the highest in use.
  const highest = Math.max(...[...meetings.matchAll(/#(\d+)〔/g)].map((m) => Number(m[1])));
  expect(second.lines.find((l) => l.id === 21)!.text).toBe(`已新增會議 #${highest + 1}「臨時協調會」：2026年12月20日（日）10:00–11:00。\n⚠️ 當天是週日，機關不上班。`);
  // The SayIt file carries the decisions and the 列管 line (the console saves it and prints where).
  const path = /檔案已存到 (\S+)/.exec(second.lines.find((l) => l.id === 19)!.text)![1]!;
  expect(path.startsWith(dir)).toBe(true);
  const xml = readFileSync(path, 'utf8');
  rmSync(path, { force: true });
  for (const p of ['決議：議題 #2「戶政資料交換」選為第一案', '決議：第一案主辦 內政部；協辦 交通部', '列管 #1（內政部，期限 2026年12月18日（五））：提出資料交換規格', '內政部會在下週提出規格草案']) {
    expect(xml).toContain(`<p>${p}</p>`);
  }
});
