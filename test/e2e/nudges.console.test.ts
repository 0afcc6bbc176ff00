import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/app';
import { runConsole } from '../support/run-console';

// Issue 26 item 3 through the real console (the built bot, a database file, the clock moved by
// .advance): the nudge is printed as private, for the lead agency's PO ("to" in --json, the
// person named on screen); the miss alert is public.

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const setup = ['tpo: /iam 交通部', 'amy: /propose 路口安全', 'pdis: /select 1', 'pdis: /case 1 lead 交通部', 'pdis: /case 1 passed 2026-06-01'];

function env(): Record<string, string> {
  const config = join(dir, 'bot.config.json');
  writeFileSync(config, JSON.stringify({ facilitators: ['console:pdis'] }));
  // Mon 2026-06-01 10:00 in Taipei.
  return { BOT_CONFIG: config, DATABASE_PATH: join(dir, 'bot.sqlite'), BOT_NOW: '2026-06-01T02:00:00Z' };
}

test('--json: the Thursday nudge carries "to": "tpo"; Tuesday\'s miss alert has no "to"', async () => {
  // To Thu 6/4 09:00, Mon 6/8 09:00 and Tue 6/9 09:00.
  const run = await runConsole([...setup, '.advance 2d23h', '.advance 4d', '.advance 1d', ''].join('\n'), env());
  expect(run.code).toBe(0);
  const lines = run.lines as { id: number; text: string; to?: string }[];
  const nudges = lines.filter((l) => l.text.startsWith('⏰'));
  expect(nudges.map((l) => [l.to, l.text.split('\n')[0]])).toEqual([
    ['tpo', '⏰ 第一案「路口安全」的「回應期程公告」要在 2026年6月8日（一） 前完成（還有 2 個工作天）。'],
    ['tpo', '⏰ 第一案「路口安全」的「回應期程公告」今天（2026年6月8日（一））到期，尚未記錄完成。'],
  ]);
  const alert = lines.filter((l) => l.text.startsWith('⚠️'));
  expect(alert).toHaveLength(1);
  expect(alert[0]!.to).toBeUndefined();
  expect(alert[0]!.text).toContain('@tpo');
});

test('on screen: the nudge is printed with the person it is for', async () => {
  const run = await runConsole([...setup, '.advance 2d23h', ''].join('\n'), env(), []);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/\[#\d+\] 🔒 私訊給 tpo（只有 tpo 看得到）：\n⏰ 第一案「路口安全」的「回應期程公告」要在 2026年6月8日（一） 前完成/);
});
