import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/app';
import { ROOT, runConsole } from '../support/run-console';

// Issue #25, "Done when": the month a newcomer ran with only the README — the shipped
// bot.config.json, a fresh database, BOT_NOW 2026-03-27 09:55 and `.advance` — from late March to
// the end of May 2026, across 4/3 補假（兒童節）, 4/6 補假（清明節）, 勞動節, a deadline on 端午節
// (6/19) and a due date on 中秋節 (9/25) (the official office calendar: calendar/2026.txt), with the
// issue's reproduction lines in it. Items 9 (web sign-in) and 11 (Slack's message length) are
// not console matters: test/web/sessions.test.ts and test/slack/ have them.
// `/markN` lines (answered as unknown commands) split the transcript at each step.

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('po-newcomer-')));
afterEach(() => cleanup());

const SCRIPT = [
  // Friday 2026-03-27 09:55.
  'amy: /iam 交通部',
  'bob: /iam 内政部', // the 内 variant (12)
  'chen: /iam 衛福部',
  'dan: /iam 運動部', // (10)
  'pdis: /meetings past', // nothing held yet: a hint that fits (12)
  'chen: ／propose 長照服務資訊整合 ＃衛福部｜長照２．０各縣市申請資訊分散', // (2)
  'amy: /propose 路口安全 #數位部|號誌資料開放 #交通部', // (2), a tag in the details (12)
  'pdis: /action 數位部 評估草案 期限：下週五', // 4/3 補假 (3)
  'pdis: /action 數位部 評估草案 下週五前完成', // (12)
  'pdis: /action 交通部 彙整 到期 4月底', // (12)
  'pdis: /meeting add 臨時協調 3/27 15:00',
  'pdis: /meeting move 41 3/28 10:00 2h', // (12)
  'pdis: /meeting move 41 3/28 10:00', // a Saturday (12)
  'pdis: /meeting move 41 3/27 15:00',
  'amy: /agenda add #41 討論公車', // (5)
  'bob: /agenda add #41 討論長照',
  'pdis: /agenda done 1',
  'pdis: /agenda 41',
  '/mark0',
  '.advance 4h5m', // → 14:00
  'amy: /propose 公車路線整併', // (1)
  'pdis: /startmeeting',
  'pdis: /select 3',
  'pdis: /case 1 passed 4/20',
  'pdis: /case 1 passed 2026/3/1',
  'pdis: /case 1 passed 2026/3/20',
  'pdis: /action 交通部 盤點 截止 4/3', // (6)
  'amy: /done 4 已完成',
  'pdis: /endmeeting',
  'pdis: /meeting close 41', // (12)
  'pdis: /meetings past',
  'pdis: /case 1',
  '/mark1',
  '.advance 5d19h30m', // → Thu 4/2 09:30: the reminder for 4/3 (12)
  '/mark2',
  '.advance 4d', // → Mon 4/6 (補假) (4)
  'pdis: /actions',
  '/mark3',
  '.advance 2d', // → Wed 4/8
  'pdis: /actions',
  'bob: /propose 戶政資料交換 #內政部',
  'pdis: /select 1 2',
  'pdis: /case 3 lead Ministry of Health and Welfare co NDC, MODA', // (7)
  'pdis: /case 3 deadline 6/19', // 端午節 (3)
  'pdis: /case 2 deadline Dec 31', // (12)
  '/mark4',
  '.advance 13d', // → Tue 4/21 (8)
  'pdis: /select 4',
  'pdis: /case 4 close',
  'pdis: /case 1 close force',
  'pdis: /report',
  'pdis: /case 1 stage 轉譯', // (12)
  'pdis: /case 1 stage 轉譯 reopen',
  '/mark5',
  '.advance 1d', // → Wed 4/22
  'pdis: /action 交通部 彙整 到期 下個月底', // Sunday 5/31 (3)
  'pdis: /action 交通部 中秋前交件 due 9/25',
  'amy: /agenda add #40 里程碑檢視的動議', // the 季會 on 6/24 (12)
  'pdis: /meeting close 40',
  '/mark6',
  '.advance 37d', // → Fri 5/29
  '/mark7',
];

test('March–May 2026 as the newcomer ran it: each reproduction answered as fixed', async () => {
  const config = join(dir, 'bot.config.json');
  copyFileSync(join(ROOT, 'bot.config.json'), config);
  const run = await runConsole(SCRIPT.join('\n') + '\n', { BOT_CONFIG: config, DATABASE_PATH: join(dir, 'bot.sqlite'), BOT_NOW: '2026-03-27T09:55:00+08:00', LOG_LEVEL: 'silent' }, ['--json'], dir);
  expect(run.code).toBe(0);
  const segments: string[][] = [[]];
  for (const { text } of run.lines) {
    if (/^不認得指令 \/mark\d/.test(text)) segments.push([]);
    else segments.at(-1)!.push(text);
  }
  const [mar27, mar27pm, apr2, apr6, apr8, apr21, apr22, may29] = segments.map((s) => s.join('\n---\n')) as [string, string, string, string, string, string, string, string];

  // 3/27 09:55.
  expect(mar27).toContain('已將您登記為「內政部」的開放政府聯絡人。');
  expect(mar27).toContain('已將您登記為「運動部」的開放政府聯絡人。');
  expect(mar27).toContain('還沒有已舉行或已結束的會議。輸入 /meetings 查看即將舉行的會議。');
  expect(mar27).toContain('議題 #1：長照服務資訊整合\n提案人：chen（衛福部）\n相關部會：衛福部\n說明：長照２．０各縣市申請資訊分散');
  expect(mar27).toContain('議題 #2：路口安全\n提案人：amy（交通部）\n相關部會：交通部、數位部\n說明：號誌資料開放\n');
  expect(mar27).toContain('📌 列管 #1　數位部：評估草案（期限 2026年4月3日（五））\n⚠️ 2026年4月3日（五）是補假（兒童節），機關不上班；提醒會在前一個上班日 2026年4月2日（四） 發出。');
  expect(mar27).toContain('💡 沒有記下期限：若「下週五」是期限，請在事項後寫「期限：下週五」（也可寫 due、截止、到期）。');
  expect(mar27).toContain('📌 列管 #3　交通部：彙整（期限 2026年4月30日（四））');
  expect(mar27).toContain('改期不能改會議長度（2h）：/meeting move 只接日期與時間，例如 /meeting move 41 3/28 10:00。');
  expect(mar27).toContain('改到 2026年3月28日（六）10:00–11:00（原訂 2026年3月27日（五）15:00–16:00）。提醒與議程跟著改期。\n⚠️ 當天是週六，機關不上班。');
  expect(mar27).toContain('四、臨時動議\n1. 〔#1〕討論公車 — amy（交通部）（已討論）\n2. 〔#2〕討論長照 — bob（內政部）');

  // 3/27 14:00: a corrected decision, a release, the facilitator's role, a meeting closed early.
  expect(mar27pm).toContain('「4/20」最近一次是 2025年4月20日（日），已是 341 天前；是不是今年的日期打錯了？請寫出年份（例如 2026/4/20），以免記錯。');
  expect(mar27pm).toContain(
    '決議（2）：\n1. 議題 #3「公車路線整併」選為第一案\n2. 第一案的 Join 連署於 2026年3月20日（五） 通過，回應期限 2026年5月19日（二）\n列管事項（1）：\n交通部：#4 盤點（期限 2026年4月3日（五））（解除列管）\n出席（2）：pdis（主持人）、amy（交通部）',
  );
  expect(mar27pm).toContain('已結束會議 #41「臨時協調」。\n1 項未討論的臨時動議已移到下次會議 #2（2026年4月3日（五）10:00）。');
  expect(mar27pm).toContain('過去的會議（由近而遠）：\n#41〔會議〕臨時協調 — 2026年3月27日（五）15:00–16:00 （已結束）');
  expect(mar27pm).toContain('〔更正〕Join 連署於 2026年3月1日（日） 通過，回應期限 2026年4月30日（四）');

  // 4/2, the working day before 4/3 補假.
  expect(apr2).toContain('📌 列管 #1（數位部）1 天後（2026年4月3日（五））到期：評估草案\n⚠️ 2026年4月3日（五）是補假（兒童節），機關不上班，所以在前一個上班日提醒。');
  // 4/6 (補假): no working day has passed since 4/3; 4/8: two.
  expect(apr6).toContain('⚠️ 持續列管 #1 數位部：評估草案（期限 2026年4月3日（五），期限已過，之後還沒有上班日）');
  expect(apr6).not.toContain('已逾期 3 天');
  expect(apr6).toContain('⚠️ 當天是放假日：補假（清明節）');
  expect(apr8).toContain('⚠️ 持續列管 #1 數位部：評估草案（期限 2026年4月3日（五），⚠️ 已逾期 2 個工作天）');
  expect(apr8).toContain('已更新第三案：主辦 衛福部；協辦 數位部、國發會。');
  expect(apr8).toContain('已設定第三案的回應期限：2026年6月19日（五）（剩 72 天）。\n⚠️ 2026年6月19日（五）是端午節，機關不上班。');
  expect(apr8).toContain('已設定第二案的回應期限：2026年12月31日（四）（剩 267 天）。');

  // 4/21: the Monday report's week is 4/13–4/19; today's selection and closures are not in it.
  const report = apr21.split('\n---\n').find((t) => t.startsWith('📊 週報'))!;
  expect(report).toContain('📊 週報（2026年4月13日（一）–2026年4月19日（日））');
  expect(report).toContain('・第一案「公車路線整併」 — 確認主協辦｜主辦 未定｜期限 2026年5月19日（二）（剩 28 天）');
  expect(report).not.toContain('第四案');
  expect(report).not.toMatch(/^結案（/m); // no case closed in that week
  expect(report).toContain('支持度最高的開放議題：\n（無）');
  expect(report).toContain('⚠️ 持續列管 #1 數位部：評估草案（期限 2026年4月3日（五），⚠️ 已逾期 11 個工作天）');
  expect(apr21).toContain('第一案已結案。要重新開啟並改為「轉譯」階段，請輸入 /case 1 stage 轉譯 reopen');
  expect(apr21).toContain('第一案：階段由「結案」改為「轉譯」（重新開啟）。');

  // 4/22: 下個月底 is Sunday 5/31; 9/25 is 中秋節; the 季會's motion goes to the next 協作會議.
  expect(apr22).toContain('📌 列管 #5　交通部：彙整（期限 2026年5月31日（日））\n⚠️ 2026年5月31日（日）是週日，機關不上班；提醒會在前一個上班日 2026年5月29日（五） 發出。');
  expect(apr22).toContain('📌 列管 #6　交通部：中秋前交件（期限 2026年9月25日（五））\n⚠️ 2026年9月25日（五）是中秋節，機關不上班；提醒會在前一個上班日 2026年9月24日（四） 發出。');
  expect(apr22).toContain('已結束會議 #40「季會（里程碑檢視）」。\n1 項未討論的臨時動議已移到下次會議 #14（2026年6月26日（五）10:00）。');

  // 5/29: the reminder for Sunday 5/31 says why it comes on Friday.
  expect(may29).toContain('📌 列管 #5（交通部）2 天後（2026年5月31日（日））到期：彙整\n⚠️ 2026年5月31日（日）是週日，機關不上班，所以在前一個上班日提醒。');
  expect(run.stderr).toContain('時間已前進，現在是 2026年5月29日（五）09:30。');
  // Every date the month showed has its right weekday.
  const WEEKDAY = '日一二三四五六';
  for (const m of run.lines.map((l) => l.text).join('\n').matchAll(/(\d{4})年(\d{1,2})月(\d{1,2})日（(.)）/g)) {
    const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
    expect([m[0], WEEKDAY[day]]).toEqual([m[0], m[4]]);
  }
}, 180_000);
