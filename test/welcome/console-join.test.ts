// `.join <user>` in the real console (the bot as `npm start` runs it, piped input).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/app';
import { runConsole } from '../support/run-console';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

test('.join welcomes a newcomer once; a second .join says nothing; a bad .join gets its usage', async () => {
  const config = join(dir, 'bot.config.json');
  writeFileSync(config, JSON.stringify({ facilitators: ['console:pdis'] }));
  const input = ['.join amy', '.join amy', '.join', 'amy: /iam 交通部', 'amy: /po', ''].join('\n');
  const run = await runConsole(input, { BOT_CONFIG: config, DATABASE_PATH: join(dir, 'bot.sqlite') });
  expect(run.code).toBe(0);
  expect(run.stderr).toBe('用法：.join <使用者>，例如 .join amy（模擬 amy 加入聊天室）\n');
  const [welcome, iam, guide] = run.lines.map((l) => l.text);
  expect(run.lines).toHaveLength(3);
  expect(welcome).toMatch(/^@amy 歡迎加入開放政府聯絡人（PO）網絡！以下是新手指南：\n\nPO 是什麼？\n/);
  expect(welcome).toContain('先做這五件事');
  expect(welcome).toContain('用 /iam <部會> 登記您的部會後');
  expect(iam).toContain('交通部');
  expect(guide).toContain('交通部目前沒有進行中的協作案或列管事項。');
});
