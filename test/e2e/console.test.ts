import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { tempDir } from '../support/app';
import { runConsole } from '../support/run-console';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function config(extra: object = {}): string {
  const path = join(dir, 'bot.config.json');
  writeFileSync(path, JSON.stringify({ facilitators: ['console:pdis'], ...extra }));
  return path;
}

test('a piped conversation: proposal, votes from two agencies, a withdrawal, per-agency counting', async () => {
  const db = join(dir, 'bot.sqlite');
  const input = [
    'amy: /iam 交通部',
    'bob: /iam 交通部',
    'cat: /iam 勞動部',
    'amy: /propose 公務人員組工會 #勞動部 #人事總處 | 讓公務員可以組工會 https://join.gov.tw/idea/detail/42',
    '.as bob',
    '.react 4 👍',
    'amy: .react 4 👍',
    'cat: .react 4 +1',
    'bob: .unreact 4 👍',
    'cat: /issues top',
    '',
  ].join('\n');
  const run = await runConsole(input, { BOT_CONFIG: config({ voting: { countBy: 'agency' } }), DATABASE_PATH: db });
  // In JSON mode stdout carries only bot posts; the console's own note goes to stderr.
  expect(run.stderr).toBe('已切換為「bob」。\n');
  expect(run.code).toBe(0);

  const ids = run.lines.map((l) => l.id);
  expect(ids.slice(0, 4)).toEqual([1, 2, 3, 4]);
  const card = run.lines.filter((l) => l.id === 4).map((l) => l.text);
  expect(card).toHaveLength(5); // posted, then updated by each of four changes
  expect(card[0]).toContain('議題 #1：公務人員組工會');
  expect(card[0]).toContain('提案人：amy（交通部）');
  expect(card[0]).toContain('相關部會：勞動部、人事總處');
  expect(card[0]).toContain('Join 連署：https://join.gov.tw/idea/detail/42');
  expect(card.map((t) => /👍 (\d+) 票，來自 (\d+) 個部會/.exec(t)!.slice(1).join('/'))).toEqual(['0/0', '1/1', '2/1', '3/2', '2/2']);
  expect(card[4]).toContain('（依部會計票：每個部會算一票）');
  expect(run.lines[run.lines.length - 1]!.text).toBe('票數排行：\n#1 公務人員組工會 — 2 票／2 部會');

  const sqlite = new Database(db, { readonly: true });
  try {
    const votes = sqlite.prepare('select u.platform_user_id as who, a.name as agency from votes v join users u on u.id = v.user_id join agencies a on a.id = v.agency_id order by who').all();
    expect(votes).toEqual([
      { who: 'amy', agency: '交通部' },
      { who: 'cat', agency: '勞動部' },
    ]);
    expect(sqlite.prepare('select petition_url from issues').pluck().get()).toBe('https://join.gov.tw/idea/detail/42');
  } finally {
    sqlite.close();
  }
});

test('human mode prints [#id] posts; data survives a restart and ids continue', async () => {
  const db = join(dir, 'bot.sqlite');
  const env = { BOT_CONFIG: config(), DATABASE_PATH: db };
  const first = await runConsole('/propose 第一個議題\n', env, []);
  expect(first.code).toBe(0);
  expect(first.stdout).toMatch(/^\[#1\] 議題 #1：第一個議題/);
  const second = await runConsole('.react 1 👍\n/propose 第二個議題\n/vote 1\n', env, []);
  expect(second.code).toBe(0);
  expect(second.stdout).toContain('[#1] 議題 #1：第一個議題'); // the old card, updated
  expect(second.stdout).toContain('[#2] 議題 #2：第二個議題');
  expect(second.stdout).toContain('[#3] 您已經投過議題 #1');
});

test('ids continue after the highest number ever printed, answers included, across restarts', async () => {
  const db = join(dir, 'bot.sqlite');
  const env = { BOT_CONFIG: config(), DATABASE_PATH: db };
  // #1 is a card (linked to its issue); #2 and #3 are answers nothing links to.
  const first = await runConsole('/propose 第一個議題\n/help\n/issues\n', env);
  expect(first.lines.map((l) => l.id)).toEqual([1, 2, 3]);
  const second = await runConsole('/propose 第二個議題\n', env);
  expect(second.lines.map((l) => l.id)).toEqual([4]);
  const third = await runConsole('/issues\n', env);
  expect(third.lines.map((l) => l.id)).toEqual([5]);
});

test('an invalid config stops start-up naming the key path', async () => {
  const path = join(dir, 'bad.json');
  writeFileSync(path, JSON.stringify({ locale: 'fr', voting: { countBy: 'ministry' } }));
  const run = await runConsole('', { BOT_CONFIG: path, DATABASE_PATH: join(dir, 'x.sqlite') });
  expect(run.code).toBe(78);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain('locale');
  expect(run.stderr).toContain('voting.countBy');
});

test('a corrupt database stops start-up with a clear message and is not overwritten', async () => {
  const path = join(dir, 'corrupt.sqlite');
  writeFileSync(path, 'not a database '.repeat(100));
  const run = await runConsole('/help\n', { BOT_CONFIG: config(), DATABASE_PATH: path });
  expect(run.code).toBe(78);
  expect(run.stderr).toMatch(/Cannot open database .*corrupt\.sqlite/);
  expect(require('node:fs').readFileSync(path, 'utf8')).toBe('not a database '.repeat(100));
});
