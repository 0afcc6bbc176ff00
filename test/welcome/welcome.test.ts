// Issue 19: welcoming a new PO, through the real bot on a real database (platform tests are in
// test/slack/welcome.test.ts, test/telegram/welcome.test.ts and the console run below).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestApp } from '../support/app';
import { richToPlain, type Actor } from '../../src/core/types';
import { ConfigError, parseConfig } from '../../src/config/load';
import { createApp } from '../../src/app';
import { silentLogger } from '../../src/core/logger';
import { caseApp, count, propose, say } from '../cases/helpers';

let app: TestApp;
afterEach(() => app.cleanup());

const amy: Actor = { platform: 'console', id: 'amy', name: 'amy' };

async function joined(who: Actor, privateReach = true, dedupKey?: string) {
  const answer = await app.bot.dispatch({ kind: 'join', privateReach, actor: who, chat: 'console:main', ...(dedupKey ? { dedupKey } : {}) });
  return answer ? { text: richToPlain(answer.message.text), private: answer.private, spans: answer.message.text } : undefined;
}

/** Two cases of 交通部 (one as co-agency), one of another agency, two 列管 items, and two meetings. */
async function work(): Promise<void> {
  for (const [n, who, title] of [
    [1, 'bob', '路口安全'],
    [2, 'bob', '公車轉乘'],
    [3, 'bob', '勞工議題'],
  ] as const)
    await propose(app, n, who, title);
  await say(app, 'pdis', '/select 1 2 3');
  await say(app, 'pdis', '/case 1 lead 交通部');
  await say(app, 'pdis', '/case 1 deadline 2027-01-20');
  await say(app, 'pdis', '/case 2 lead 內政部 co 交通部');
  await say(app, 'pdis', '/case 2 deadline 2026-12-20');
  await say(app, 'pdis', '/case 3 lead 勞動部');
  await say(app, 'pdis', '/action 交通部 提供事故資料 due 2026-12-10');
  await say(app, 'pdis', '/action 交通部 沒有期限的事項');
  await say(app, 'pdis', '/action 勞動部 別的部會的事項 due 2026-12-05');
  await say(app, 'pdis', '/meeting add 交通部 協作會議 2026-12-11 14:00');
  await say(app, 'pdis', '/meeting add 月會 2026-12-14 14:00');
  await say(app, 'pdis', '/meeting add 第三場 2026-12-18 14:00');
}

test('a newcomer is welcomed once per chat with the guide, the next two meetings and how to see their agency’s work', async () => {
  app = caseApp();
  await work();
  const w = (await joined(amy))!;
  expect(w.private).toBe(true);
  expect(w.spans[0]).toEqual({ mention: { platform: 'console', id: 'amy', name: 'amy' } });
  expect(w.text).toContain('歡迎加入開放政府聯絡人（PO）網絡！');
  expect(w.text).toContain('開放政府聯絡人（Participation Officer，PO）是各部會指派');
  expect(w.text).toContain('60 天');
  for (const step of ['/iam <部會>', '/propose', '👍', '/cases', '/help']) expect(w.text).toContain(step);
  expect(w.text).toContain('接下來的會議\n#1〔會議〕交通部 協作會議 — 2026年12月11日（五）14:00–15:00');
  expect(w.text).toContain('#2〔會議〕月會 — 2026年12月14日（一）');
  expect(w.text).not.toContain('第三場');
  expect(w.text).toContain('用 /iam <部會> 登記您的部會後');
  // A second join of the same person, a redelivered join: nothing more, nothing stored twice.
  expect(await joined(amy)).toBeUndefined();
  expect(count(app, 'welcomes')).toBe(1);
});

test('with home chats configured, a join there is welcomed (once in each), a join elsewhere is not', async () => {
  app = caseApp({ meetings: { homeChats: ['telegram:-100', 'telegram:-300'] } });
  const tg: Actor = { platform: 'telegram', id: '42', name: 'Amy' };
  const at = async (chat: 'telegram:-100' | 'telegram:-200' | 'telegram:-300') => app.bot.dispatch({ kind: 'join', privateReach: false, actor: tg, chat });
  expect(await at('telegram:-200')).toBeUndefined();
  expect(richToPlain((await at('telegram:-100'))!.message.text)).toContain('歡迎加入');
  expect(await at('telegram:-100')).toBeUndefined();
  expect(richToPlain((await at('telegram:-300'))!.message.text)).toContain('歡迎加入');
  expect(count(app, 'welcomes')).toBe(2);
});

test('a welcome is remembered across a restart: the bot reopened on the same database says nothing', async () => {
  app = caseApp();
  expect((await joined(amy))!.text).toContain('歡迎加入');
  const again = createApp({ config: parseConfig({}), databasePath: join(app.dir, 'test.sqlite'), clock: app.clock, logger: silentLogger });
  try {
    again.bot.setDelivery(app.delivery);
    expect(await again.bot.dispatch({ kind: 'join', privateReach: true, actor: amy, chat: 'console:main' })).toBeUndefined();
    expect(richToPlain((await again.bot.dispatch({ kind: 'join', privateReach: true, actor: { ...amy, id: 'ben', name: 'ben' }, chat: 'console:main' }))!.message.text)).toContain('歡迎加入');
  } finally {
    again.close();
  }
});

test('the same join delivered twice (the platform retried) is handled once', async () => {
  app = caseApp();
  const [a, b] = await Promise.all([joined(amy, false, 'telegram:1:77'), joined(amy, false, 'telegram:1:77')]);
  expect([a, b].filter((x) => x?.text.includes('歡迎')).length).toBe(1);
  expect(count(app, 'welcomes')).toBe(1);
});

test('where a private answer cannot reach only them: a short public greeting that mentions them', async () => {
  app = caseApp();
  const w = (await joined({ platform: 'telegram', id: '42', name: 'Amy' }, false))!;
  expect(w.private).toBe(false);
  expect(w.spans[0]).toEqual({ mention: { platform: 'telegram', id: '42', name: 'Amy' } });
  expect(w.text).toContain('輸入 /guide');
  expect(w.text).toContain('接下來的會議');
  expect(w.text.length).toBeLessThan(400);
});

test('/guide and /po before and after /iam: the agency’s open cases and 列管 items, nearest deadline first', async () => {
  app = caseApp();
  await work();
  const before = await say(app, amy, '/guide');
  expect(before.private).toBe(true);
  expect(before.text).toContain('用 /iam <部會> 登記您的部會後');
  expect((await say(app, amy, '/po')).text).toBe(before.text);

  await say(app, amy, '/iam 交通部');
  const after = (await say(app, amy, '/guide')).text;
  const section = after.slice(after.indexOf('交通部的協作案與列管事項（期限近的在前）'));
  const lines = section.split('\n').slice(1);
  expect(lines).toHaveLength(4);
  expect(lines[0]).toMatch(/提供事故資料.*2026年12月10日/); // 12-10
  expect(lines[1]).toMatch(/第二案.*公車轉乘/); // 12-20, co-agency
  expect(lines[2]).toMatch(/第一案.*路口安全/); // 2027-01-20, lead
  expect(lines[3]).toMatch(/沒有期限的事項/); // no deadline last
  expect(section).not.toContain('勞工議題');
  expect(section).not.toContain('別的部會的事項');
});

test('an agency with nothing open says so', async () => {
  app = caseApp();
  await say(app, amy, '/iam 外交部');
  expect((await say(app, amy, '/guide')).text).toContain('外交部目前沒有進行中的協作案或列管事項。');
});

describe('welcome.guideFile: the network’s own guide, checked at start', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'guide-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('replaces the catalog’s guide; the generated lines stay', async () => {
    const file = join(dir, 'guide.md');
    writeFileSync(file, '# 我們的 PO 指南\n請先看 **議題清單**，再用 `/iam` 登記。\n- 有問題找 [PDIS](https://pdis.nat.gov.tw)');
    app = caseApp({ welcome: { guideFile: file } });
    const out = await say(app, amy, '/guide');
    expect(out.answer!.message.text.slice(0, 6)).toEqual([{ bold: '我們的 PO 指南' }, '\n', '請先看 ', { bold: '議題清單' }, '，再用 ', { code: '/iam' }]);
    expect(out.text).toContain('有問題找 PDIS (https://pdis.nat.gov.tw)');
    expect(out.text).not.toContain('先做這五件事');
    expect(out.text).toContain('接下來的會議');
    expect(out.text).toContain('用 /iam <部會> 登記您的部會後');
  });

  test.each([
    ['a missing file', (d: string) => join(d, 'nope.md'), /welcome.guideFile: cannot read/],
    ['an empty file', (d: string) => (writeFileSync(join(d, 'e.md'), ' \n'), join(d, 'e.md')), /is empty/],
    ['a file that is not UTF-8', (d: string) => (writeFileSync(join(d, 'b.md'), Buffer.from([0xff, 0xfe, 0x00, 0xd8])), join(d, 'b.md')), /not UTF-8/],
    ['a huge file', (d: string) => (writeFileSync(join(d, 'h.md'), 'x'.repeat(20_001)), join(d, 'h.md')), /at most 20000/],
  ])('%s stops start-up with a clear message', (_what, make, message) => {
    app = caseApp();
    expect(() => parseConfig({ welcome: { guideFile: make(dir) } })).toThrow(ConfigError);
    expect(() => parseConfig({ welcome: { guideFile: make(dir) } })).toThrow(message);
  });
});
