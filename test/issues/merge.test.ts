import { testApp, type TestApp } from '../support/app';
import { chat } from '../support/chat';
import { richToPlain } from '../../src/core/types';

let app: TestApp;
let c: ReturnType<typeof chat>;
function start(config: Record<string, unknown> = {}) {
  app = testApp({ facilitators: ['console:pdis'], ...config });
  c = chat(app);
}
afterEach(() => app.cleanup());

/** amy (MOTC) and bob (MOTC) vote on #1; bob and cat (MOL) and dan (no agency) on #2. */
async function overlapping() {
  await c.cmd('amy', '/iam 交通部');
  await c.cmd('bob', '/iam 交通部');
  await c.cmd('cat', '/iam 勞動部');
  await c.cmd('amy', '/propose 公務人員組工會');
  await c.cmd('bob', '/propose 公務人員組工會問題');
  await c.cmd('amy', '/vote 1');
  await c.cmd('bob', '/vote 1');
  await c.cmd('bob', '/vote 2');
  await c.cmd('cat', '/vote 2');
  await c.cmd('dan', '/vote 2');
}

test('/merge moves each vote once: overlapping voters count once and agency counts follow', async () => {
  start();
  await overlapping();
  expect(await c.cmd('pdis', '/merge 2 1')).toBe('已將議題 #2 併入議題 #1「公務人員組工會」：移入 2 票（另有 1 人兩邊都投過，只算一票）；#1 現在 4 票，來自 2 個部會。');
  expect(app.store.votes.tally(1)).toEqual({ votes: 4, agencies: 2 });
  expect(app.store.votes.tally(2)).toEqual({ votes: 0, agencies: 0 });
  expect(app.store.votes.voters(1).map((v) => v.name).sort()).toEqual(['amy', 'bob', 'cat', 'dan']);
  // The moved votes keep the agency they were cast with.
  expect(app.store.votes.voters(1).find((v) => v.name === 'cat')!.agencyId).toBe(app.bot.services.people.agencies.find('勞動部')!.id);
  expect(await c.cmd('amy', '/issues top')).toBe('票數排行：\n#1 公務人員組工會 — 4 票／2 部會');
  expect(await c.cmd('amy', '/issues mine')).toBe('我提出的議題：\n#1 公務人員組工會 — 4 票／2 部會');
  expect(await c.cmd('bob', '/issues mine')).toBe('我提出的議題：\n#2 公務人員組工會問題 — 0 票／0 部會（已併入 #1）');
});

test('per-agency counting after a merge: each agency once across both issues', async () => {
  start({ voting: { countBy: 'agency' } });
  await overlapping();
  await c.cmd('pdis', '/merge 2 1');
  await app.bot.drain();
  expect(c.cardText(c.cardOf(1))).toContain('👍 4 票，來自 2 個部會 （依部會計票：每個部會算一票）');
  expect(await c.cmd('amy', '/issues top')).toBe('票數排行：\n#1 公務人員組工會 — 4 票／2 部會');
});

test("the source card says 已併入議題 #N and takes no votes; the target's card is updated", async () => {
  start();
  await overlapping();
  await c.cmd('pdis', '/merge 2 1');
  await app.bot.drain();
  const source = c.cardText(c.cardOf(2));
  expect(source).toContain('已併入議題 #1「公務人員組工會」');
  expect(source).not.toContain('/vote 2');
  expect(app.delivery.updates.filter((u) => u.ref === c.cardOf(2)).at(-1)!.message.buttons).toBeUndefined();
  expect(c.cardText(c.cardOf(1))).toContain('👍 4 票，來自 2 個部會');
  expect(await c.cmd('eve', '/vote 2')).toBe('議題 #2 已併入議題 #1，請改投 /vote 1。');
  await c.react('eve', c.cardOf(2));
  expect(app.store.votes.tally(2).votes).toBe(0);
  expect(app.store.votes.tally(1).votes).toBe(4);
  expect(await c.cmd('bob', '/withdraw 2')).toBe('議題 #2 已經併入議題 #1。');
  expect(await c.cmd('bob', '/edit 2 新標題')).toBe('議題 #2 已併入議題 #1，不能編輯；請編輯議題 #1。');
  expect(await c.cmd('pdis', '/select 2')).toBe('議題 #2 已併入議題 #1，不能成案；請改選 #1。沒有選定任何議題。');
});

test('the merge is in both issues\u2019 history and in the digest', async () => {
  start();
  await overlapping();
  app.clock.advance(60_000);
  await c.cmd('pdis', '/merge 2 1');
  expect(await c.cmd('amy', '/issue 1')).toContain('紀錄：\n2026年12月1日（二）10:01 pdis：議題 #2「公務人員組工會問題」併入此議題（移入 2 票，1 票重複只算一次）');
  expect(await c.cmd('amy', '/issue 2')).toContain('紀錄：\n2026年12月1日（二）10:01 pdis：併入議題 #1「公務人員組工會」（移出 2 票）');
  // The Monday after: the report covers the week of the merge (issue #25 item 8: its week only).
  app.clock.set(new Date('2026-12-07T08:30:00+08:00'));
  const digest = await c.cmd('amy', '/report');
  expect(digest).toContain('本週合併的議題（1）：\n#2 公務人員組工會問題 → #1 公務人員組工會（移入 2 票）');
});

test('the target keeps the source\u2019s agency tags and petition', async () => {
  start();
  await c.cmd('amy', '/propose 平交道安全 #交通部');
  await c.cmd('bob', '/propose 鐵路平交道安全 #內政部 https://join.gov.tw/idea/detail/5');
  await c.cmd('pdis', '/merge 2 1');
  const target = app.store.issues.get(1)!;
  expect(target.agencyIds.length).toBe(2);
  expect(target.petitionUrl).toBe('https://join.gov.tw/idea/detail/5');
});

test('refused: not a facilitator, into itself, selected issues, withdrawn, already merged, loops; nothing changes', async () => {
  start();
  for (const t of ['一', '二', '三', '四', '五']) await c.cmd('amy', `/propose 議題${t}`);
  await c.cmd('bob', '/vote 1');
  expect(await c.cmd('amy', '/merge 1 2')).toBe('這個動作只有主持人（PDIS）可以執行。');
  expect(await c.cmd('pdis', '/merge 1 1')).toBe('不能把議題 #1 併入它自己。');
  expect(await c.cmd('pdis', '/merge')).toContain('用法：/merge');
  expect(await c.cmd('pdis', '/merge 1')).toContain('用法：/merge');
  expect(await c.cmd('pdis', '/merge 1 9')).toBe('找不到議題 #9。輸入 /issues 查看議題清單。');
  await c.cmd('pdis', '/select 3');
  expect(await c.cmd('pdis', '/merge 3 1')).toBe('議題 #3 已成案（第一案），不能合併；沒有變更任何議題。');
  expect(await c.cmd('pdis', '/merge 1 3')).toBe('議題 #3 已成案（第一案），不能合併；沒有變更任何議題。');
  await c.cmd('amy', '/withdraw 4');
  expect(await c.cmd('pdis', '/merge 4 1')).toBe('議題 #4 已撤回，不能合併；沒有變更任何議題。');
  expect(await c.cmd('pdis', '/merge 1 4')).toBe('議題 #4 已撤回，不能合併；沒有變更任何議題。');
  expect(app.store.votes.tally(1).votes).toBe(1);

  // 1 → 2; then 2 → 1 would loop; 1 again is already merged.
  await c.cmd('pdis', '/merge 1 2');
  expect(await c.cmd('pdis', '/merge 2 1')).toBe('議題 #1 已經（直接或間接）併入議題 #2，再把 #2 併入 #1 會形成循環；沒有變更任何議題。');
  expect(await c.cmd('pdis', '/merge 1 5')).toBe('議題 #1 已經併入議題 #2。');
  // 2 → 5; now 5 → 1 would loop through 1 → 2 → 5.
  await c.cmd('pdis', '/merge 2 5');
  expect(await c.cmd('pdis', '/merge 5 1')).toBe('議題 #1 已經（直接或間接）併入議題 #5，再把 #5 併入 #1 會形成循環；沒有變更任何議題。');
  expect(app.store.issues.get(5)!.status).toBe('open');
  expect(app.store.votes.tally(5).votes).toBe(1);
});

test('merging into an issue that was itself merged lands on the open one at the end of the chain', async () => {
  start();
  for (const t of ['一', '二', '三']) await c.cmd('amy', `/propose 議題${t}`);
  await c.cmd('bob', '/vote 3');
  await c.cmd('pdis', '/merge 1 2');
  expect(await c.cmd('pdis', '/merge 3 1')).toBe('已將議題 #3 併入議題 #2「議題二」：移入 1 票；#2 現在 1 票，來自 0 個部會。 （議題 #1 先前已併入 #2，所以併入 #2。）');
  expect(app.store.issues.get(3)!.mergedInto).toBe(2);
});

test('after a merge the database holds each voter once, on the target (not just the cached tally)', async () => {
  start();
  await overlapping();
  await c.cmd('pdis', '/merge 2 1');
  const rows = app.db.$client.prepare('select issue_id as issueId, count(*) as n, count(distinct user_id) as people from votes group by issue_id').all();
  expect(rows).toEqual([{ issueId: 1, n: 4, people: 4 }]);
  expect(richToPlain(app.delivery.posts[1]!.message.text)).toContain('議題 #2');
});
