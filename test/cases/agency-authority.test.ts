import type { TestApp } from '../support/app';
import { caseApp, say, snapshot } from './helpers';
import { translator } from '../../src/i18n/catalog';

// Issue 14, item 10: with a roster, claiming an agency with /iam carries no authority for it
// until a facilitator confirms the claim; without a roster, a claim is all there is.
const t = translator('zh-TW');
let app: TestApp;
afterEach(() => app.cleanup());

async function withItem(config: Record<string, unknown>): Promise<void> {
  app = caseApp(config);
  await say(app, 'pdis', '/action 勞動部 提供勞檢資料 due 2026-12-20');
}

const ROSTER = { roster: [{ user: 'console:lily', agency: '勞動部', name: 'Lily' }] };

test('someone not on the roster who claims 勞動部 may vote but cannot close its item or be its PO', async () => {
  await withItem(ROSTER);
  expect((await say(app, 'mallory', '/iam 勞動部')).text).toBe(t('agencies.iamPending', { agency: '勞動部' }));
  await say(app, 'mallory', '/propose 勞工議題');
  expect((await say(app, 'mallory', '/vote 1')).text).toContain('已投票支持議題 #1');

  const before = snapshot(app);
  const refused = await say(app, 'mallory', '/done 1 搞定了');
  expect(refused.text).toBe('只有主持人或負責者（勞動部）可以解除列管 #1。');
  expect(snapshot(app)).toEqual(before);
  expect(app.store.actions.get(1)!.status).toBe('open');

  const whois = (await say(app, 'bob', '/whois 勞動部')).text;
  expect(whois).toBe(`勞動部的開放政府聯絡人（1 位）：\nLily\n${t('cases.whoisPending', { names: 'mallory' })}`);
});

test('a facilitator confirms the claim with /confirm; from then on the person acts for the agency', async () => {
  await withItem(ROSTER);
  await say(app, 'mallory', '/iam 勞動部');
  expect((await say(app, 'mallory', '/confirm mallory 勞動部')).text).toBe(t('common.notFacilitator'));
  expect((await say(app, 'pdis', '/confirm nobody 勞動部')).text).toBe(t('agencies.confirmNoOne', { who: 'nobody', ref: 'console:alice' }));
  expect((await say(app, 'pdis', '/confirm mallory')).text).toBe(t('agencies.confirmUsage', { ref: 'console:alice' }));
  expect((await say(app, 'pdis', '/confirm mallory 勞動')).text).toContain('找不到部會');
  expect((await say(app, 'pdis', '/confirm console:mallory 勞動部')).text).toBe(t('agencies.confirmDone', { name: 'mallory', agency: '勞動部' }));
  expect((await say(app, 'bob', '/whois 勞動部')).text).toBe('勞動部的開放政府聯絡人（2 位）：\nmallory、Lily');
  expect((await say(app, 'mallory', '/done 1 已函復')).text).toContain('解除列管 #1');
  expect(app.store.actions.get(1)!.status).toBe('done');
});

test('claiming another agency after a confirmation needs a new one', async () => {
  await withItem(ROSTER);
  await say(app, 'mallory', '/iam 交通部');
  await say(app, 'pdis', '/confirm mallory 交通部');
  expect((await say(app, 'mallory', '/iam 勞動部')).text).toBe(t('agencies.iamPending', { agency: '勞動部' }));
  expect((await say(app, 'mallory', '/done 1')).private).toBe(true);
  expect(app.store.actions.get(1)!.status).toBe('open');
  // …and the old agency's authority went with the old claim.
  expect((await say(app, 'bob', '/whois 交通部')).text).toContain('還沒有人登記為「交通部」的聯絡人');
});

test('two people with one display name: /confirm asks for the id', async () => {
  await withItem(ROSTER);
  await say(app, { platform: 'console', id: 'a1', name: '王小明' }, '/iam 勞動部');
  await say(app, { platform: 'slack', id: 'U9', name: '王小明' }, '/iam 勞動部');
  expect((await say(app, 'pdis', '/confirm 王小明 勞動部')).text).toBe(t('agencies.confirmAmbiguous', { who: '王小明', refs: 'console:a1、slack:U9' }));
  expect((await say(app, 'pdis', '/confirm slack:U9 勞動部')).text).toBe(t('agencies.confirmDone', { name: '王小明', agency: '勞動部' }));
});

test('without a roster, a claim acts for the agency at once, as before', async () => {
  await withItem({});
  expect((await say(app, 'mallory', '/iam 勞動部')).text).toBe(t('agencies.iamSet', { agency: '勞動部' }));
  expect((await say(app, 'mallory', '/done 1')).text).toContain('解除列管 #1');
});

test("agency changes go into the timeline of the agency's cases", async () => {
  await withItem(ROSTER);
  await say(app, 'amy', '/propose 勞工議題');
  await say(app, 'pdis', '/select 1');
  await say(app, 'pdis', '/case 1 lead 勞動部');
  await say(app, 'mallory', '/iam 勞動部');
  await say(app, 'pdis', '/confirm mallory 勞動部');
  await say(app, 'mallory', '/iam 交通部');
  const detail = (await say(app, 'amy', '/case 1')).text;
  const lines = [t('cases.evPo_pending', { name: 'mallory', agency: '勞動部' }), t('cases.evPo_confirmed', { name: 'mallory', agency: '勞動部' }), t('cases.evPo_left', { name: 'mallory', agency: '勞動部' })];
  for (const l of lines) expect(detail).toContain(l);
  expect(detail.indexOf(lines[0]!)).toBeLessThan(detail.indexOf(lines[1]!));
  expect(detail.indexOf(lines[1]!)).toBeLessThan(detail.indexOf(lines[2]!));
});

test('an unconfirmed claim does not add an agency to a tally; a confirmed one does', async () => {
  await withItem(ROSTER);
  await say(app, 'pdis', '/propose 勞工議題');
  await say(app, 'mallory', '/iam 勞動部');
  await say(app, 'mallory', '/vote 1');
  // One more person, but no agency: the claim carries no authority yet (issue 14, item 10).
  expect(app.store.votes.tally(1)).toEqual({ votes: 1, agencies: 0 });
  await say(app, 'lily', '/vote 1');
  expect(app.store.votes.tally(1)).toEqual({ votes: 2, agencies: 1 });

  await say(app, 'pdis', '/propose 第二個議題');
  await say(app, 'pdis', '/confirm mallory 勞動部');
  await say(app, 'mallory', '/vote 2');
  expect(app.store.votes.tally(2)).toEqual({ votes: 1, agencies: 1 });
});

// Issue 23, item 5: confirm the person, not the name.
test('a lookalike of a roster entry not seen yet is never confirmed by name: the answer lists both ids', async () => {
  await withItem({ roster: [{ user: 'telegram:2', agency: '交通部', name: '王小明' }] });
  const lookalike = { platform: 'telegram' as const, id: '3', name: '王小明' };
  await say(app, lookalike, '/iam 勞動部');
  const before = snapshot(app);
  expect((await say(app, 'pdis', '/confirm 王小明 勞動部')).text).toBe(t('agencies.confirmAmbiguous', { who: '王小明', refs: 'telegram:3、telegram:2' }));
  expect(snapshot(app)).toEqual(before);
  expect(app.store.people.userByRef('telegram', '3')!.agencyConfirmed).toBe(false);
  expect((await say(app, 'pdis', '/confirm telegram:3 勞動部')).text).toBe(t('agencies.confirmDone', { name: '王小明', agency: '勞動部' }));
});

test('/confirm takes a mention (the id the platform puts in it) and a name only one account has', async () => {
  await withItem({ ...ROSTER, facilitators: ['console:pdis', 'slack:UPDIS'] });
  await say(app, { platform: 'slack', id: 'U9', name: 'Mallory' }, '/iam 勞動部');
  await say(app, 'amy', '/iam 勞動部');
  const pdis = { platform: 'slack' as const, id: 'UPDIS', name: 'PDIS' };
  expect((await say(app, pdis, '/confirm @U9 勞動部')).text).toBe(t('agencies.confirmDone', { name: 'Mallory', agency: '勞動部' }));
  expect((await say(app, pdis, '/confirm @amy 勞動部')).text).toBe(t('agencies.confirmDone', { name: 'amy', agency: '勞動部' }));
  expect((await say(app, pdis, '/confirm @nobody 勞動部')).text).toBe(t('agencies.confirmNoOne', { who: '@nobody', ref: app.bot.services.platforms.userRefExample('slack') }));
});
