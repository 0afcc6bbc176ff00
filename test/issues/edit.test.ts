import { testApp, type TestApp } from '../support/app';
import { chat } from '../support/chat';
import type { MessageRef } from '../../src/core/types';

let app: TestApp;
let c: ReturnType<typeof chat>;
beforeEach(() => {
  app = testApp({ facilitators: ['console:pdis'] });
  c = chat(app);
});
afterEach(() => app.cleanup());

const agencyId = (name: string) => app.bot.services.people.agencies.find(name)!.id;

test('/edit re-parses title, details, tags and Join link like /propose, edits every card in place and keeps the votes', async () => {
  await c.cmd('amy', '/propose 公務人員組攻會 #勞動部');
  // The same card shown in a second chat (another platform): both must change.
  const elsewhere = 'telegram:-100200#7' as MessageRef;
  app.store.links.link(elsewhere, { kind: 'issue', id: 1 }, app.clock.now());
  await c.cmd('bob', '/vote 1');
  await c.cmd('cat', '/vote 1');

  const answer = await c.cmd('amy', '/edit 1 公務人員組工會 #勞動部 #人事總處 | 讓公務員可以組工會 https://join.gov.tw/idea/detail/9');
  expect(answer).toBe('已更新議題 #1：「公務人員組攻會」→「公務人員組工會」，也更新了說明、相關部會、Join 連署。票數保留。');
  const issue = app.store.issues.get(1)!;
  expect(issue.title).toBe('公務人員組工會');
  expect(issue.details).toBe('讓公務員可以組工會 https://join.gov.tw/idea/detail/9'); // as /propose keeps it
  expect(issue.petitionUrl).toBe('https://join.gov.tw/idea/detail/9');
  expect(issue.agencyIds).toEqual([agencyId('勞動部'), agencyId('人事總處')].sort((a, b) => a - b));
  expect(app.store.votes.tally(1)).toEqual({ votes: 2, agencies: 0 });

  await app.bot.drain();
  for (const ref of [c.cardOf(1), elsewhere]) {
    const updates = app.delivery.updates.filter((u) => u.ref === ref);
    expect(updates.length).toBeGreaterThan(0);
    const card = c.cardText(ref);
    expect(card).toContain('議題 #1：公務人員組工會');
    expect(card).toContain('相關部會：勞動部、人事總處');
    expect(card).toContain('👍 2 票');
  }
  expect(app.delivery.posts).toHaveLength(1); // edited in place, not re-posted
});

test('/issue N shows who edited, when, and the old and new title', async () => {
  await c.cmd('amy', '/propose 車輛ARTC');
  app.clock.advance(5 * 60_000);
  await c.cmd('amy', '/edit 1 車輛 ARTC 驗證 | 說明');
  app.clock.advance(60_000);
  await c.cmd('pdis', '/edit 1 車輛 ARTC 驗證 | 補充說明 #交通部');
  const detail = await c.cmd('bob', '/issue 1');
  expect(detail).toContain('紀錄：\n2026年12月1日（二）10:05 amy：編輯標題「車輛ARTC」→「車輛 ARTC 驗證」、編輯說明');
  expect(detail).toContain('2026年12月1日（二）10:06 pdis：編輯說明、相關部會');
});

test('/edit is refused for others, for unknown tags, for closed issues and when nothing changes; nothing is stored', async () => {
  await c.cmd('amy', '/propose 議題一');
  expect(await c.cmd('bob', '/edit 1 改掉')).toBe('只有提案人或主持人可以編輯議題 #1。');
  expect(await c.cmd('amy', '/edit 1 議題一 #交通處')).toBe('找不到部會「交通處」。您是不是要找：交通部？');
  expect(await c.cmd('amy', '/edit 1 ' + '長'.repeat(121))).toContain('議題標題最多 120 字');
  expect(await c.cmd('amy', '/edit 1')).toContain('用法：/edit');
  expect(await c.cmd('amy', '/edit')).toContain('用法：/edit');
  expect(await c.cmd('amy', '/edit x 標題')).toContain('請提供數字編號');
  expect(await c.cmd('amy', '/edit 9 標題')).toBe('找不到議題 #9。輸入 /issues 查看議題清單。');
  expect(await c.cmd('amy', '/edit 1 議題一')).toBe('議題 #1 的內容沒有變動。');
  expect(app.store.issues.get(1)!.title).toBe('議題一');
  expect(app.store.issues.events(1)).toEqual([]);
  await c.cmd('amy', '/withdraw 1');
  expect(await c.cmd('amy', '/edit 1 新標題')).toBe('議題 #1 已撤回，不能編輯。');
});

test('a facilitator may edit; the answer names the fields when the title stays', async () => {
  await c.cmd('amy', '/propose 議題一 | 舊說明');
  expect(await c.cmd('pdis', '/edit 1 議題一 | 新說明 #交通部')).toBe('已更新議題 #1 的說明、相關部會。票數保留。');
});

test("a selected issue's edit is refused with a pointer to its case", async () => {
  await c.cmd('amy', '/propose 議題一');
  await c.cmd('pdis', '/select 1');
  expect(await c.cmd('amy', '/edit 1 新標題')).toBe('議題 #1 已成案（第一案），不能再編輯；請到案件補充：/case 1 note <內容>，或 /case 1 查看。');
  expect(app.store.issues.get(1)!.title).toBe('議題一');
});

test('a title-only /edit (no |) fixes the title and keeps the details, agency tags and Join link', async () => {
  // The most common correction is a typo in the title: retyping the whole proposal must not be
  // the price of keeping its description, its #agencies and its Join petition.
  await c.cmd('amy', '/propose 公務人員組公會 #勞動部 #人事總處 | 讓公務員可以組工會 https://join.gov.tw/idea/detail/9');
  await c.cmd('bob', '/vote 1');
  expect(await c.cmd('amy', '/edit 1 公務人員組工會')).toBe('已更新議題 #1：「公務人員組公會」→「公務人員組工會」。票數保留。');
  const issue = app.store.issues.get(1)!;
  expect(issue.title).toBe('公務人員組工會');
  expect(issue.details).toBe('讓公務員可以組工會 https://join.gov.tw/idea/detail/9');
  expect(issue.petitionUrl).toBe('https://join.gov.tw/idea/detail/9');
  expect(issue.agencyIds).toEqual([agencyId('勞動部'), agencyId('人事總處')].sort((a, b) => a - b));
  expect(app.store.votes.tally(1).votes).toBe(1);

  // Tags typed without details replace the tags and keep the details.
  expect(await c.cmd('amy', '/edit 1 公務人員組工會 #勞動部')).toBe('已更新議題 #1 的相關部會。票數保留。');
  expect(app.store.issues.get(1)!.details).toBe('讓公務員可以組工會 https://join.gov.tw/idea/detail/9');
  expect(app.store.issues.get(1)!.agencyIds).toEqual([agencyId('勞動部')]);

  // With | the text replaces everything, as /propose would take it; the answer names every field.
  expect(await c.cmd('amy', '/edit 1 公務人員可否組工會 | 新說明')).toBe(
    '已更新議題 #1：「公務人員組工會」→「公務人員可否組工會」，也更新了說明、相關部會、Join 連署。票數保留。',
  );
  expect(app.store.issues.get(1)).toMatchObject({ details: '新說明', petitionUrl: null, agencyIds: [] });
});
