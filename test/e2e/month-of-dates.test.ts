import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/app';
import { runConsole } from '../support/run-console';

// A month of the PO network in the console (the real bot, a child process), the clock fixed by
// BOT_NOW and stepped with `.advance`: across 端午節 2026 (6/19) and, since 2026 has no 補行上班
// Saturday in the official calendar, a second stretch across 2025-02-08, one that is.
// `/markN` lines (answered as unknown commands) split the transcript at each clock step.

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

async function play(now: string, lines: string[]): Promise<{ segments: string[][]; all: string[]; stderr: string }> {
  const config = join(dir, 'bot.config.json');
  writeFileSync(config, JSON.stringify({ facilitators: ['console:pdis'], cases: { weeklyReport: { enabled: false } } }));
  const run = await runConsole(lines.join('\n') + '\n', { BOT_CONFIG: config, DATABASE_PATH: join(dir, `${now.slice(0, 4)}.sqlite`), BOT_NOW: now });
  expect(run.code).toBe(0);
  const segments: string[][] = [[]];
  for (const { text, to } of run.lines as { text: string; to?: string }[]) {
    // Private milestone nudges (issue 26) are the nudges tests' (test/cases/nudges.test.ts): here the public record.
    if (to !== undefined && text.startsWith('⏰')) continue;
    if (/^不認得指令 \/mark\d/.test(text)) segments.push([]);
    else segments.at(-1)!.push(text);
  }
  return { segments, all: run.lines.map((l) => l.text), stderr: run.stderr };
}

/** Deadline and due-date reminders (not meeting reminders or agendas). */
const reminders = (segment: string[]) => segment.filter((t) => /^⏰ 第.案/.test(t) || (t.startsWith('📌 列管 #') && t.includes('到期：')));

test('May–June 2026: §48 past 端午節, reminders on working days, catch-up without noise, wording when posted', async () => {
  const { segments, all, stderr } = await play('2026-05-04T10:00:00+08:00', [
    'amy: /iam 交通部',
    'amy: /propose 路口安全 #交通部',
    'amy: /propose 公車路網 #交通部',
    'pdis: /select 1 2',
    'pdis: /case 1 lead 交通部',
    'pdis: /case 1 passed 4/20',
    'pdis: /case 2 lead 交通部',
    'pdis: /case 2 deadline 6/12',
    'pdis: /action 交通部 端午前交件 due 6/19',
    'pdis: /action 交通部 月底彙整 截止 月底',
    'pdis: /meeting add 端午協作會議 6/19 10:00',
    '/mark0',
    '.advance 25d', // → Fri 5/29
    '/mark1',
    '.advance 4d', // → Tue 6/2
    '/mark2',
    '.advance 13d', // → Mon 6/15, across the 7- and 1-day reminders of case 2
    '/mark3',
    '.advance 3d', // → Thu 6/18
    '/mark4',
    '.advance 4d', // → Mon 6/22, across 端午節 and the weekend
    'pdis: /case 1',
    '/mark5',
  ]);
  const [setup, may29, jun2, jun15, jun18, jun22] = segments as [string[], string[], string[], string[], string[], string[]];
  // Passed 4/20 (yearless: the latest 4/20) + 60 days = 6/19 端午節 → Monday 6/22, saying why;
  // its reminders: Tue 6/2, Mon 6/15 and Thu 6/18 (not Sun 6/21, Sat 6/20 or 端午節).
  expect(setup).toContain(
    '已記錄第一案的 Join 連署於 2026年4月20日（一） 通過；回應期限為 2026年6月22日（一）（6月19日端午節，依行政程序法第48條順延）（剩 49 天）。\n將於 2026年6月2日（二）、2026年6月15日（一）、2026年6月18日（四） 提醒主辦部會聯絡人。',
  );
  // An explicit deadline (Fri 6/12) is kept; its 20-day reminder (Sat 5/23) moves to Fri 5/22.
  expect(setup).toContain('已設定第二案的回應期限：2026年6月12日（五）（剩 39 天）。\n將於 2026年5月22日（五）、2026年6月5日（五）、2026年6月11日（四） 提醒主辦部會聯絡人。');
  // 月底 is Sunday 5/31; 6/19 is 端午節: both due dates as typed, the meeting warned.
  expect(setup).toContainEqual(expect.stringContaining('月底彙整（期限 2026年5月31日（日））'));
  expect(setup).toContainEqual(expect.stringContaining('端午前交件（期限 2026年6月19日（五））'));
  expect(setup).toContain('已新增會議 #1「端午協作會議」：2026年6月19日（五）10:00–11:00。\n⚠️ 當天是放假日：端午節');

  // 5/29: case 2's 20-day reminder, late, worded from today; item #2's, on Friday before Sunday 5/31.
  expect(reminders(may29)).toEqual([
    '⏰ 第二案「公車路網」距回應期限（2026年6月12日（五））還有 14 天。\n主辦部會：交通部 @amy',
    '📌 列管 #2（交通部）2 天後（2026年5月31日（日））到期：月底彙整\n⚠️ 2026年5月31日（日）是週日，機關不上班，所以在前一個上班日提醒。\n@amy\n完成後請輸入 /done 2 [說明] 解除列管。',
  ]);
  expect(reminders(jun2)).toEqual(['⏰ 第一案「路口安全」距回應期限（2026年6月22日（一））還有 20 天。\n主辦部會：交通部 @amy']);
  // 6/15: case 2's 7-day (6/5) and 1-day (6/11) reminders both fell due: only the most urgent
  // posts, saying how overdue it is now; case 1's 7-day reminder is on time.
  expect(reminders(jun15)).toEqual([
    '⏰ 第二案「公車路網」已超過回應期限（2026年6月12日（五））1 個工作天。\n主辦部會：交通部 @amy',
    '⏰ 第一案「路口安全」距回應期限（2026年6月22日（一））還有 7 天。\n主辦部會：交通部 @amy',
  ]);
  // 6/18, the working day before 端午節: case 1's "1 day before" and item #1's reminder.
  expect(reminders(jun18)).toEqual([
    '⏰ 第一案「路口安全」距回應期限（2026年6月22日（一））還有 4 天。\n主辦部會：交通部 @amy',
    '📌 列管 #1（交通部）1 天後（2026年6月19日（五））到期：端午前交件\n⚠️ 2026年6月19日（五）是端午節，機關不上班，所以在前一個上班日提醒。\n@amy\n完成後請輸入 /done 1 [說明] 解除列管。',
  ]);
  expect(jun18).toContainEqual(expect.stringMatching(/^⏰ 會議提醒：端午協作會議（#1）\n時間：2026年6月19日（五）10:00–11:00（1 天後）\n⚠️ 當天是放假日：端午節/));
  // 6/22: nothing more was due over 端午節 and the weekend; the deadline is today, not overdue.
  expect(reminders(jun22)).toEqual([]);
  expect(jun22).toContainEqual(expect.stringContaining('回應期限：2026年6月22日（一）（6月19日端午節，依行政程序法第48條順延）（今天到期）'));
  expect(stderr).toContain('時間已前進，現在是 2026年6月22日（一）10:00。');
  expect(all.join('\n')).not.toContain('2025年');
}, 120_000);

test('January–February 2025: a 補行上班 Saturday is a working day for reminders; §48 past 春節', async () => {
  const { segments, stderr } = await play('2025-01-27T10:00:00+08:00', [
    'amy: /iam 交通部',
    'amy: /propose 春節後路口安全 #交通部',
    'amy: /propose 公車路網 #交通部',
    'pdis: /select 1 2',
    'pdis: /case 1 lead 交通部',
    'pdis: /case 1 deadline 2/10',
    'pdis: /case 2 lead 交通部',
    'pdis: /case 2 passed 12/1',
    'pdis: /action 交通部 補班日交件 due 2/9',
    '/mark0',
    '.advance 7d', // → Mon 2/3, the first working day after 春節
    '/mark1',
    '.advance 5d', // → Sat 2/8, 補行上班
    '/mark2',
  ]);
  const [setup, feb3, feb8] = segments as [string[], string[], string[]];
  // Monday 2/10's "1 day before" is Sunday 2/9 → Saturday 2/8, a working day by the official calendar.
  expect(setup).toContain('已設定第一案的回應期限：2025年2月10日（一）（剩 14 天）。\n將於 2025年2月3日（一）、2025年2月8日（六） 提醒主辦部會聯絡人。');
  // passed 12/1 on 2025-01-27 is 2024-12-01; +60 days = 1/30, during 春節 → Monday 2/3.
  expect(setup).toContainEqual(expect.stringContaining('已記錄第二案的 Join 連署於 2024年12月1日（日） 通過；回應期限為 2025年2月3日（一）（1月30日春節，依行政程序法第48條順延）（剩 7 天）。'));
  expect(reminders(feb3)).toEqual(['⏰ 第一案「春節後路口安全」距回應期限（2025年2月10日（一））還有 7 天。\n主辦部會：交通部 @amy']);
  expect(reminders(feb8)).toEqual([
    '⏰ 第一案「春節後路口安全」距回應期限（2025年2月10日（一））還有 2 天。\n主辦部會：交通部 @amy',
    '📌 列管 #1（交通部）1 天後（2025年2月9日（日））到期：補班日交件\n⚠️ 2025年2月9日（日）是週日，機關不上班，所以在前一個上班日提醒。\n@amy\n完成後請輸入 /done 1 [說明] 解除列管。',
  ]);
  expect(stderr).toContain('時間已前進，現在是 2025年2月8日（六）10:00。');
}, 120_000);
