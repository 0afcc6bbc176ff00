import type { TestApp } from '../support/app';
import { caseApp, say, snapshot } from '../cases/helpers';

// Issue #25, item 12's lows on cases and lists: `/case N stage` silently reopening a closed case,
// and empty-list hints that did not fit the filter asked for.

let app: TestApp;
afterEach(() => app?.cleanup());

test('/case N stage on a closed case is refused unless `reopen` is said; then it reopens, saying so', async () => {
  app = caseApp({}, { start: new Date('2026-03-27T10:00:00+08:00') });
  await say(app, 'amy', '/propose 公車路線整併');
  await say(app, 'pdis', '/select 1');
  await say(app, 'pdis', '/case 1 close');
  const before = snapshot(app);
  const r = await say(app, 'pdis', '/case 1 stage 轉譯');
  expect(r.text).toBe('第一案已結案。要重新開啟並改為「轉譯」階段，請輸入 /case 1 stage 轉譯 reopen');
  expect(snapshot(app)).toEqual(before);
  const ok = await say(app, 'pdis', '/case 1 stage 轉譯 reopen');
  expect(ok.text).toBe('第一案：階段由「結案」改為「轉譯」（重新開啟）。');
  expect(app.store.cases.list()[0]!.stage).not.toBe(before.stage);
  // An open case needs no `reopen` (and one said on an open case is harmless).
  expect((await say(app, 'pdis', '/case 1 stage 會前會 reopen')).text).toBe('第一案：階段由「轉譯」改為「會前會」。');
});

test('empty lists say what was asked for, with a hint that fits', async () => {
  app = caseApp({}, { start: new Date('2026-03-27T10:00:00+08:00') });
  const t = async (line: string) => (await say(app, 'pdis', line)).text;
  // Nothing at all yet.
  expect(await t('/issues')).toBe('目前沒有符合的議題。用 /propose 提出第一個議題吧。');
  expect(await t('/cases')).toBe('沒有符合的協作案。主持人可用 /select <議題編號> 選定議題。');
  expect(await t('/actions all')).toBe('還沒有任何列管事項。主持人可用 /action <部會> <事項> 新增。');
  await say(app, 'amy', '/propose 公車路線整併');
  await say(app, 'pdis', '/select 1');
  await say(app, 'pdis', '/case 1 close');
  await say(app, 'pdis', '/action 交通部 盤點');
  await say(app, 'pdis', '/done 1');
  // Something exists, just not what the filter asks for.
  expect(await t('/issues')).toBe('目前沒有開放中的議題（已成案、撤回或合併的見 /issues all）。用 /propose 提出新議題。');
  expect(await t('/issues top')).toBe('目前沒有開放中的議題（已成案、撤回或合併的見 /issues all）。用 /propose 提出新議題。');
  expect(await t('/issues mine')).toBe('您還沒有提出議題。用 /propose <標題> 提出。');
  expect(await t('/cases')).toBe('目前沒有進行中的協作案（已結案的見 /cases all）。');
  expect(await t('/cases overdue')).toBe('目前沒有逾期的協作案。');
  expect(await t('/cases 轉譯')).toBe('沒有在「轉譯」階段的協作案。/cases 列出進行中的協作案。');
  expect(await t('/actions')).toBe('目前沒有持續列管的事項（已解除的見 /actions all）。');
  expect(await t('/actions overdue')).toBe('目前沒有逾期的列管事項。');
  expect(await t('/actions mine')).toBe('沒有您或您部會持續列管的事項。');
  expect(await t('/actions 交通部')).toBe('交通部目前沒有持續列管的事項。');
});

test('/export issues: a merged issue has merged_into (and merged_at), not withdrawn_at; /export cases has stage labels', async () => {
  app = caseApp({}, { start: new Date('2026-03-27T10:00:00+08:00') });
  await say(app, 'amy', '/propose 公車路線整併');
  await say(app, 'bob', '/propose 公車路網');
  await say(app, 'bob', '/propose 撤回的議題');
  await say(app, 'bob', '/withdraw 3');
  app.clock.set(new Date('2026-03-27T11:00:00+08:00'));
  await say(app, 'pdis', '/merge 2 1');
  await say(app, 'pdis', '/select 1');
  await say(app, 'pdis', '/case 1 stage 會前會');
  const issues = JSON.parse((await say(app, 'pdis', '/export issues json')).answer!.message.file!.content) as Record<string, unknown>[];
  expect(issues.map((r) => [r.id, r.status, r.withdrawn_at, r.merged_into, r.merged_at])).toEqual([
    [1, 'selected', null, null, null],
    [2, 'merged', null, 1, '2026-03-27T11:00:00.000+08:00'],
    [3, 'withdrawn', '2026-03-27T10:00:00.000+08:00', null, null],
  ]);
  const cases = JSON.parse((await say(app, 'pdis', '/export cases json')).answer!.message.file!.content) as Record<string, unknown>[];
  expect(cases[0]).toMatchObject({ stage: 'premeeting', stage_label: '會前會' });
  const csv = (await say(app, 'pdis', '/export cases csv')).answer!.message.file!.content;
  expect(csv.split('\n')[0]).toContain('stage,stage_label,');
});
