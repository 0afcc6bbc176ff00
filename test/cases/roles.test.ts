import type { TestApp } from '../support/app';
import { caseApp, count, postTexts, propose, say, snapshot } from './helpers';

let app: TestApp;
beforeEach(async () => {
  app = caseApp({ roster: [{ user: 'console:dora', agency: '交通部', name: 'Dora' }, { user: 'slack:U42', agency: '交通部', name: 'Sam' }] });
  await say(app, 'alice', '/iam 交通部');
  await say(app, 'bob', '/iam 衛福部');
  await propose(app, 2);
  await say(app, 'pdis', '/select 1');
  await say(app, 'pdis', '/startmeeting 月會');
  await say(app, 'pdis', '/action 交通部 提供資料 due 2026-12-20');
  await say(app, 'pdis', '/endmeeting');
});
afterEach(() => app.cleanup());

const REFUSAL = '這個動作只有主持人（PDIS）可以執行。';

test.each([
  '/select 2',
  '/case 1 lead 交通部 co 經濟部',
  '/case 1 co 經濟部',
  '/case 1 stage 轉譯',
  '/case 1 deadline 2027-01-30',
  '/case 1 passed 11/20',
  '/case 1 note 私下改動',
  '/case 1 petition https://join.gov.tw/idea/x',
  '/action 交通部 再提供一次',
  '/startmeeting 偷開會',
])('a PO is refused %s and nothing changes', async (line) => {
  const before = snapshot(app);
  const posts = app.delivery.posts.length;
  const out = await say(app, 'alice', line);
  expect(out.text).toBe(REFUSAL);
  expect(out.private).toBe(true);
  expect(snapshot(app)).toEqual(before);
  expect(app.delivery.posts).toHaveLength(posts);
});

test('tagging lines and ending a meeting are facilitator-only; /info is open to participants', async () => {
  await say(app, 'pdis', '/startmeeting 週會');
  for (const line of ['/topic 我的議題', '/decision 我決定', '/endmeeting']) {
    const before = snapshot(app);
    expect((await say(app, 'bob', line)).text).toBe(REFUSAL);
    expect(snapshot(app)).toEqual(before);
  }
  const lines = count(app, 'minutes_lines');
  expect((await say(app, 'bob', '/info 補充資料')).text).toBe('已記入會議紀錄。');
  expect(count(app, 'minutes_lines')).toBe(lines + 1);
});

test("only a facilitator or the owning agency's PO may release an item", async () => {
  const before = snapshot(app);
  const refused = await say(app, 'bob', '/done 1');
  expect(refused.text).toBe('只有主持人或負責者（交通部）可以解除列管 #1。');
  expect(refused.private).toBe(true);
  expect(snapshot(app)).toEqual(before);
  // A roster person counts for their agency even before they ever wrote a line.
  const ok = await say(app, 'dora', '/done 1 已函復');
  expect(ok.text).toContain('解除列管 #1');
  expect(app.store.actions.get(1)!.status).toBe('done');
  expect((await say(app, 'pdis', '/done 1')).text).toBe('列管 #1 已經解除。');
});

test('an item owned by a person can be released by that person', async () => {
  await say(app, 'carol', 'hi');
  await say(app, 'pdis', '/action @carol 聯繫提案人');
  expect((await say(app, 'alice', '/done 2')).private).toBe(true);
  expect((await say(app, 'carol', '/done 2')).text).toContain('解除列管 #2');
});

test('/whois lists roster POs without pinging them, and an unconfirmed claim apart', async () => {
  const out = await say(app, 'bob', '/whois 交通部');
  // alice is not on the roster: her /iam waits for a facilitator's /confirm (agency-authority.test.ts).
  expect(out.text).toBe('交通部的開放政府聯絡人（2 位）：\nDora (console)、Sam (slack)\n待主持人確認（尚不能代表該部會）：alice (console)。主持人可用 /confirm <人> <部會> 確認。');
  expect(out.answer!.message.text.some((s) => typeof s === 'object' && 'mention' in s)).toBe(false);
  expect((await say(app, 'bob', '/whois 文化部')).text).toContain('還沒有人登記為「文化部」的聯絡人');
  expect((await say(app, 'bob', '/whois 交通')).text).toContain('找不到部會「交通」');
  expect((await say(app, 'bob', '/whois')).text).toContain('用法：/whois');
});

test('facilitators are configured by platform identity, not by display name', async () => {
  const impostor = { platform: 'slack' as const, id: 'U999', name: 'pdis' };
  expect((await say(app, impostor, '/select 2')).text).toBe(REFUSAL);
  expect(postTexts(app).join()).not.toContain('第二案');
});
