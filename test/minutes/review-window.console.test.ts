import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runConsole } from '../support/run-console';
import { readAsSayIt } from '../support/sayit-import';

// Issue #27, done when: a recorded meeting with three speakers through the real console, on the
// office calendar across holidays (2026: 中秋節 Fri 9/25, 教師節 Mon 9/28), with the default
// window of 10 working days: private line lists, one correction, one ok, one reminder 2 working
// days before, publication at 09:00 on the right working day (Thu 10/8, not Tue 10/6 as
// weekdays alone would give), the corrected text in the SayIt file and the struck decision gone.

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'po-review-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

type Line = { id: number; text: string; to?: string; file?: string };

test('the correction window across a holiday, through the console', async () => {
  writeFileSync(join(dir, 'bot.config.json'), JSON.stringify({ facilitators: ['console:pdis'] }));
  const script = [
    'pdis: /startmeeting 9月協作會議',
    'amy: 交通部下週提供資料',
    'bob: 勞動部無意見',
    'carol: 衛福部會再確認',
    'pdis: /decision 4/20 召開會前會',
    'pdis: /decision 2026/10/20 召開會前會',
    'pdis: /endmeeting',
    'amy: /minutes fix 1 1 交通部下週五提供事故資料',
    'bob: /minutes ok 1',
    'bob: /minutes fix 1 1 改別人的發言',
    'pdis: /minutes strike 1 4 日期誤植',
    'pdis: /minutes ok 1',
    '.advance 13d18h', // Tue 10/6 08:00
    'pdis: /minutes strike 1 91 x', // a mark in the output: 沒有第 91 行
    '.advance 1h', // Tue 10/6 09:00: the reminder, to carol only
    'pdis: /minutes strike 1 92 x',
    '.advance 1d', // Wed 10/7 09:00: still a draft
    'amy: /minutes 1',
    '.advance 1d', // Thu 10/8 09:00: published
    'amy: /minutes 1 xml',
    'amy: /minutes fix 1 1 太晚了',
  ].join('\n');
  const run = await runConsole(script + '\n', { BOT_CONFIG: join(dir, 'bot.config.json'), DATABASE_PATH: join(dir, 'db.sqlite'), BOT_NOW: '2026-09-22T14:00:00+08:00' }, ['--json'], dir);
  expect(run.stderr).not.toMatch(/error/i);
  expect(run.code).toBe(0);
  const lines = run.lines as Line[];
  const at = (text: string) => lines.findIndex((l) => l.text.includes(text));
  const privates = (who: string) => lines.filter((l) => l.to === who).map((l) => l.text);

  // Each speaker gets their own lines, numbered as in the record, and the publication day.
  const amyList = privates('amy').find((t) => t.includes('會議紀錄草稿（校對中）'))!;
  expect(amyList).toContain('2026年10月8日（四） 上午 9 點公開');
  expect(amyList).toContain('1. 交通部下週提供資料');
  expect(amyList).not.toContain('勞動部');
  expect(privates('bob').find((t) => t.includes('草稿'))).toContain('2. 勞動部無意見');
  expect(privates('carol').find((t) => t.includes('草稿'))).toContain('3. 衛福部會再確認');
  expect(privates('pdis').find((t) => t.includes('草稿'))).toContain('4. 4/20 召開會前會');
  expect(lines.find((l) => l.text.includes('會議 #1 紀錄結束'))!.text).toContain('會議紀錄為草稿（校對中）');

  // One correction, one ok, another speaker's line refused, the wrong decision struck.
  expect(privates('amy').join('\n')).toContain('已修正會議 #1 第 1 行為「交通部下週五提供事故資料」');
  expect(privates('bob').join('\n')).toContain('已記錄：會議 #1 的發言不需修正');
  expect(lines.some((l) => l.text.includes('第 1 行是 amy 的發言，只有發言者本人或主持人可以修正'))).toBe(true);

  // One reminder, at 09:00 two working days before, to the one speaker who has not answered.
  const reminders = lines.filter((l) => l.text.includes('⏰ 會議 #1'));
  expect(reminders.map((l) => l.to)).toEqual(['carol']);
  expect(at('⏰ 會議 #1')).toBeGreaterThan(at('沒有第 91 行'));
  expect(at('⏰ 會議 #1')).toBeLessThan(at('沒有第 92 行'));

  // Wednesday: still a draft. Thursday 09:00: published, one line in the home chat.
  expect(lines.find((l) => l.text.includes('（草稿，校對中，尚未公開）'))).toBeDefined();
  const published = lines.filter((l) => l.text.includes('📢 會議 #1「9月協作會議」的會議紀錄已公開'));
  expect(published).toHaveLength(1);
  expect(published[0]!.to).toBeUndefined();
  expect(at('📢 會議 #1')).toBeGreaterThan(at('（草稿，校對中，尚未公開）'));

  // The SayIt file: the corrected text, the struck decision gone.
  const xmlLine = lines.find((l) => l.file?.endsWith('.an.xml'))!;
  const doc = readAsSayIt(readFileSync(xmlLine.file!, 'utf8'));
  expect(doc.speeches).toEqual(['交通部下週五提供事故資料', '勞動部無意見', '衛福部會再確認', '決議：2026/10/20 召開會前會']);

  // After publication a correction is refused.
  expect(lines.at(-1)!.text).toContain('會議 #1 的會議紀錄已經公開，不能再修正');
});
