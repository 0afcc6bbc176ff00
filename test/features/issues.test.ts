import { testApp, type TestApp } from '../support/app';
import { chat } from '../support/chat';
import { richToPlain } from '../../src/core/types';

let app: TestApp;
let c: ReturnType<typeof chat>;
beforeEach(() => {
  app = testApp({ facilitators: ['console:pdis'], roster: [{ user: 'console:lin', agency: '衛福部', name: '林專員' }] });
  c = chat(app);
});
afterEach(() => app.cleanup());

test('/propose posts a card with number, proposer and agency, agencies concerned, petition, tally and how to vote', async () => {
  await c.cmd('amy', '/iam 交通部');
  expect(await c.cmd('amy', '/propose 公務人員組工會 #勞動部 #人事總處 | 背景 https://join.gov.tw/idea/detail/9')).toBeUndefined();
  const card = richToPlain(app.delivery.posts[0]!.message.text);
  expect(card).toContain('議題 #1：公務人員組工會');
  expect(card).toContain('提案人：amy（交通部）');
  expect(card).toContain('相關部會：勞動部、人事總處');
  expect(card).toContain('Join 連署：https://join.gov.tw/idea/detail/9');
  expect(card).toContain('👍 0 票，來自 0 個部會');
  expect(card).toContain('/vote 1');
  expect(app.delivery.posts[0]!.message.buttons).toEqual([{ action: 'vote', value: '1', label: '👍 +1' }]);
  expect(app.store.links.find(app.delivery.posts[0]!.ref)).toEqual({ kind: 'issue', id: 1 });
});

test('/propose without text explains usage and stores nothing', async () => {
  expect(await c.cmd('amy', '/propose')).toContain('用法：/propose');
  expect(app.store.issues.list({ order: 'newest', limit: 10 }).total).toBe(0);
});

test('an unknown agency tag is refused with suggestions and nothing is stored', async () => {
  expect(await c.cmd('amy', '/propose 議題 #交通處')).toBe('找不到部會「交通處」。您是不是要找：交通部？');
  expect(app.store.issues.list({ order: 'newest', limit: 10 }).total).toBe(0);
});

test('/issues open|top|mine and /issue N with voters grouped by agency', async () => {
  await c.cmd('amy', '/propose 第一案');
  await c.cmd('bob', '/propose 第二案');
  await c.cmd('bob', '/iam 勞動部');
  await c.cmd('cat', '/iam 勞動部');
  // With a roster, claims count for an agency once a facilitator confirms them (issue 14, item 10).
  await c.cmd('pdis', '/confirm bob 勞動部');
  await c.cmd('pdis', '/confirm cat 勞動部');
  await c.cmd('bob', '/vote 2');
  await c.cmd('cat', '/vote 2');
  await c.cmd('lin', '/vote 2');
  expect(await c.cmd('amy', '/issues')).toBe('開放中的議題：\n#2 第二案 — 3 票／2 部會\n#1 第一案 — 0 票／0 部會');
  expect(await c.cmd('amy', '/issues top')).toBe('票數排行：\n#2 第二案 — 3 票／2 部會\n#1 第一案 — 0 票／0 部會');
  expect(await c.cmd('amy', '/issues mine')).toBe('我提出的議題：\n#1 第一案 — 0 票／0 部會');
  const detail = await c.cmd('amy', '/issue 2');
  expect(detail).toContain('勞動部：bob、cat');
  expect(detail).toContain('衛福部：林專員');
  expect(detail).toContain('提出時間：2026年12月1日（二）10:00');
  expect(await c.cmd('amy', '/issues sideways')).toContain('用法：/issues');
});

test('/withdraw: proposer or facilitator only; the card is updated and votes stop', async () => {
  await c.cmd('amy', '/propose 議題');
  expect(await c.cmd('bob', '/withdraw 1')).toBe('只有提案人或主持人可以撤回議題 #1。');
  expect(app.store.issues.get(1)!.status).toBe('open');
  expect(await c.cmd('pdis', '/withdraw 1')).toBe('已撤回議題 #1。');
  expect(c.cardText(c.cardOf(1))).toContain('（此議題已撤回，不再接受投票）');
  expect(await c.cmd('amy', '/withdraw 1')).toBe('議題 #1 已經撤回。');
  expect(await c.cmd('bob', '/vote 1')).toBe('議題 #1 已撤回，不能再投票。');
  expect(await c.cmd('amy', '/withdraw 99')).toBe('找不到議題 #99。輸入 /issues 查看議題清單。');
});

test('/iam: sets, shows, refuses unknown names and respects the roster', async () => {
  expect(await c.cmd('amy', '/iam')).toContain('您尚未登記部會');
  // A roster is in use here (lin): amy's claim waits for a facilitator (agency-authority.test.ts).
  expect(await c.cmd('amy', '/iam 交通部')).toBe('已登記您為「交通部」的聯絡人，並可投票；因為本群組有聯絡人名冊，您要等主持人以 /confirm 確認後，才能代表該部會（解除列管、被點名為聯絡人）。');
  expect(await c.cmd('amy', '/iam')).toContain('「交通部」');
  expect(await c.cmd('amy', '/iam MOTC')).toBe('您已經登記為「交通部」，不需變更。');
  expect(await c.cmd('amy', '/iam 火星部')).toContain('找不到部會「火星部」');
  expect(await c.cmd('lin', '/iam 交通部')).toBe('您的部會已由管理者設定為「衛福部」；如需變更，請洽主持人更新名冊。');
  expect(await c.cmd('lin', '/iam 衛生福利部')).toBe('您已經登記為「衛福部」，不需變更。');
});

test('a proposal records the agency of the time; a later /iam does not rewrite it', async () => {
  await c.cmd('amy', '/iam 交通部');
  await c.cmd('amy', '/propose 議題');
  await c.cmd('amy', '/iam 勞動部');
  expect(app.store.issues.get(1)!.proposerAgencyId).toBe(app.bot.services.people.agencies.find('交通部')!.id);
});

test('/help lists every command with a description; /help <cmd> shows one; unknown commands get a hint', async () => {
  const help = (await c.cmd('amy', '/help'))!;
  for (const cmd of app.bot.listCommands()) expect(help).toContain(`/${cmd.name} `);
  expect(await c.cmd('amy', '/help vote')).toBe('/vote <編號> — 投票支持議題（也可在卡片按 👍）');
  expect(await c.cmd('amy', '/prpose x')).toBe('不認得指令 /prpose。您是不是要輸入 /propose？輸入 /help 查看所有指令。');
});

test('English catalog when locale is en', async () => {
  const en = testApp({ locale: 'en' });
  try {
    const e = chat(en);
    expect(await e.cmd('amy', '/vote 5')).toBe('There is no issue #5. Type /issues for the list.');
    await e.cmd('amy', '/propose Title');
    expect(richToPlain(en.delivery.posts[0]!.message.text)).toContain('Issue #1: Title');
  } finally {
    en.cleanup();
  }
});
