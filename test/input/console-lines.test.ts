import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/app';
import { runConsole } from '../support/run-console';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

test('no input line ends the console: each odd line gets an answer and the session goes on', async () => {
  const config = join(dir, 'bot.config.json');
  writeFileSync(config, JSON.stringify({ facilitators: ['console:pdis'] }));
  const input = [
    'amy: /propose 第一個議題',
    'bob: /vote　1', // a full-width space, as a Chinese IME types it
    '/',
    '/ propose 空格之後的提案',
    '／vote 1', // full-width slash
    '.',
    '.react',
    ' '.repeat(10_000),
    'cat: /vote １',
    '/help',
    '',
  ].join('\n');
  const run = await runConsole(input, { BOT_CONFIG: config, DATABASE_PATH: join(dir, 'bot.sqlite'), BOT_NOW: '2026-12-01T10:00:00+08:00' });
  expect(run.code).toBe(0);
  const texts = run.lines.map((l) => l.text);
  expect(texts).toContainEqual(expect.stringContaining('已投票支持議題 #1（目前 1 票'));
  expect(texts).toContain('「/」後面要接指令名稱，例如 /help 查看所有指令。');
  expect(texts).toContainEqual(expect.stringContaining('議題 #2：空格之後的提案'));
  expect(texts).toContainEqual(expect.stringContaining('已投票支持議題 #1（目前 2 票'));
  expect(texts).toContainEqual(expect.stringContaining('已投票支持議題 #1（目前 3 票'));
  expect(texts.at(-1)).toContain('/propose'); // /help, the last line, was still answered
  // Console notes (not bot posts) go to stderr in JSON mode.
  expect(run.stderr).toContain('不認得主控台指令 .。');
  expect(run.stderr).toContain('用法：.react');
  expect(run.stderr).toContain('（只有空白）輸入 /help 查看指令');
  expect(run.stderr).not.toContain('TypeError');
}, 60_000);
