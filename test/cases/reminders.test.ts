import type { TestApp } from '../support/app';
import { Scheduler } from '../../src/scheduler/scheduler';
import { silentLogger } from '../../src/core/logger';
import type { Span } from '../../src/core/types';
import { caseApp, postTexts, postedAt, propose, say } from './helpers';

let app: TestApp;
let scheduler: Scheduler;

beforeEach(async () => {
  app = caseApp({ roster: [{ user: 'slack:U42', agency: '交通部', name: 'Sam' }, { user: 'console:dora', agency: '交通部', name: 'Dora' }] });
  scheduler = new Scheduler(app.bot, app.store.jobs, app.clock, silentLogger);
  await say(app, 'alice', '/iam 交通部');
  await say(app, 'bob', '/iam 衛福部');
  // Not on the roster: a facilitator confirms them, or they would not be their agencies' POs.
  await say(app, 'pdis', '/confirm alice 交通部');
  await say(app, 'pdis', '/confirm bob 衛福部');
  await propose(app, 1, 'alice', '路口安全');
  await say(app, 'pdis', '/select 1');
});
afterEach(() => app.cleanup());

const at = (iso: string) => postedAt(app, scheduler, iso);

function lastPostSpans(): readonly Span[] {
  return app.delivery.posts.at(-1)!.message.text;
}

test('the lead agency is reminded 20, 7 and 1 days before the deadline (on working days), once each, with real mentions', async () => {
  await say(app, 'pdis', '/case 1 lead 交通部 co 衛福部');
  const set = await say(app, 'pdis', '/case 1 deadline 2027-01-30');
  expect(set.text).toBe('已設定第一案的回應期限：2027年1月30日（六）（2027 年辦公日曆尚未公布，上班日為推算）（剩 60 天）。\n⚠️ 2027年1月30日（六）是週六，機關不上班。\n將於 2027年1月8日（五）、2027年1月22日（五）、2027年1月29日（五） 提醒主辦部會聯絡人。');
  // 20 and 7 days before are a Sunday and a Saturday: the Fridays before; the wording counts from the real deadline.

  // 09:00 in Taipei is 01:00 UTC.
  expect(await at('2027-01-08T00:59:00Z')).toEqual([]);
  expect(await at('2027-01-08T01:00:00Z')).toEqual(['⏰ 第一案「路口安全 1」距回應期限（2027年1月30日（六））還有 22 天。\n主辦部會：交通部 @alice @Dora']);
  // Real mentions of the lead's POs on this chat's platform; the Slack PO is not pinged in the console.
  expect(lastPostSpans().filter((s) => typeof s === 'object' && 'mention' in s)).toEqual([
    { mention: { platform: 'console', id: 'alice', name: 'alice' } },
    { mention: { platform: 'console', id: 'dora', name: 'Dora' } },
  ]);
  expect(app.delivery.posts.at(-1)!.chat).toBe('console:main');
  expect(await at('2027-01-10T05:00:00Z')).toEqual([]);
  expect(await at('2027-01-21T01:00:00Z')).toEqual([]);
  expect(await at('2027-01-22T01:00:00Z')).toEqual(['⏰ 第一案「路口安全 1」距回應期限（2027年1月30日（六））還有 8 天。\n主辦部會：交通部 @alice @Dora']);
  expect(await at('2027-01-29T01:00:00Z')).toEqual(['⏰ 第一案「路口安全 1」距回應期限（2027年1月30日（六））還有 1 天。\n主辦部會：交通部 @alice @Dora']);
  // The deadline passes (it ends with its day, a Saturday): the lead agency is told once, in the
  // home chats, on the next working day.
  const notDigest = (posts: string[]) => posts.filter((t) => !t.startsWith('📊')); // Monday's digest goes out at 08:30
  expect(notDigest(await at('2027-02-01T00:59:00Z'))).toEqual([]);
  expect(notDigest(await at('2027-02-01T01:00:00Z'))).toEqual([
    '⚠️ 第一案「路口安全 1」已超過回應期限（2027年1月30日（六）），尚未正式回應。\n主辦部會：交通部 @alice @Dora\n請主辦部會回報進度，或在平臺公告展延；已回應請主持人輸入 /case 1 stage 正式回應。',
  ]);
  expect(await at('2027-03-01T00:00:00Z')).toEqual([]);
});

test('"Join 回應期限" only for a case with a Join petition linked; a case past 正式回應 gets no alert and no ⚠️', async () => {
  await say(app, 'pdis', '/case 1 lead 交通部');
  await say(app, 'pdis', '/case 1 petition https://join.gov.tw/idea/detail/5f1e6a2c-0b7d-4c1e-9a55-3f0c2d8e7b11');
  await say(app, 'pdis', '/case 1 deadline 2027-01-30');
  expect(await at('2027-01-08T01:00:00Z')).toEqual(['⏰ 第一案「路口安全 1」距 Join 回應期限（2027年1月30日（六））還有 22 天。\n主辦部會：交通部 @alice @Dora']);
  await at('2027-02-03T02:00:00Z');
  expect((await say(app, 'bob', '/cases')).text).toContain('⚠️ 第一案');
  await say(app, 'pdis', '/case 1 stage 正式回應');
  const cases = (await say(app, 'bob', '/cases')).text;
  expect(cases).not.toContain('⚠️');
  expect(cases).toContain('正式回應｜主辦 交通部｜期限 2027年1月30日（六）');
  expect((await say(app, 'bob', '/case 1')).text).not.toContain('⚠️');
});

test('a deadline that passes after the petition was answered raises no alert', async () => {
  await say(app, 'pdis', '/case 1 lead 交通部');
  await say(app, 'pdis', '/case 1 deadline 2027-01-30');
  await say(app, 'pdis', '/case 1 stage 正式回應');
  expect(app.store.jobs.pending('case:')).toEqual([]);
  expect(await at('2027-02-01T01:00:00Z')).toEqual([]);
});

test('passed <date> sets the deadline 60 days later; moving it re-arms sent reminders; closing cancels', async () => {
  expect((await say(app, 'pdis', '/case 1 passed 11/20')).text).toContain('已記錄第一案的 Join 連署於 2026年11月20日（五） 通過；回應期限為 2027年1月19日（二）（2027 年辦公日曆尚未公布，上班日為推算）（剩 49 天）');
  expect(app.store.cases.byNumber(1)).toMatchObject({ petitionPassedOn: '2026-11-20', deadline: '2027-01-19' });
  // The 14-working-day contact with the proposer (due 12/10) was missed first: said once, in the home chat.
  expect(await at('2026-12-30T01:00:00Z')).toEqual([
    '⚠️ 第一案「路口安全 1」的「聯繫提案人」期限 2026年12月10日（四） 已過，尚未記錄完成。\n尚未指定主辦部會：請主持人輸入 /case 1 lead <部會>。',
    '⏰ 第一案「路口安全 1」距回應期限（2027年1月19日（二））還有 20 天。\n尚未指定主辦部會：請主持人輸入 /case 1 lead <部會>。',
  ]);

  // The deadline moves: the 20-day reminder for the new date goes out again.
  await say(app, 'pdis', '/case 1 deadline 2027-02-10');
  expect(await at('2027-01-12T01:00:00Z')).toEqual([]); // the old 7-day moment
  expect(await at('2027-01-21T01:00:00Z')).toEqual(['⏰ 第一案「路口安全 1」距回應期限（2027年2月10日（三））還有 20 天。\n尚未指定主辦部會：請主持人輸入 /case 1 lead <部會>。']);

  await say(app, 'pdis', '/case 1 stage 結案');
  expect(app.store.jobs.pending('case:')).toEqual([]);
  expect(await at('2027-03-01T00:00:00Z')).toEqual([]);
});

test('a reminder whose moment already passed is not sent late; a cleared deadline sends none', async () => {
  await say(app, 'pdis', '/case 1 lead 交通部');
  // Ten days ahead: only the 7- and 1-day reminders remain.
  expect((await say(app, 'pdis', '/case 1 deadline 12/11')).text).toContain('將於 2026年12月4日（五）、2026年12月10日（四） 提醒');
  expect(app.store.jobs.pending('case:').map((j) => j.key)).toEqual(['case:1:deadline:7', 'case:1:deadline:1', 'case:1:deadline:passed']);
  await say(app, 'pdis', '/case 1 deadline none');
  expect(app.store.jobs.pending('case:')).toEqual([]);
  expect(await at('2026-12-12T00:00:00Z')).toEqual([]);
});

test('POs only on another platform are named, not mentioned; an agency without POs is pointed to /iam', async () => {
  await say(app, 'pdis', '/case 1 lead 交通部');
  await say(app, 'pdis', '/case 1 deadline 2027-01-30');
  // The case lives in a Slack channel now: only Sam (roster, Slack) can be pinged there.
  app.db.$client.prepare("update cases set chat = 'slack:C1'").run();
  await at('2027-01-10T01:00:00Z');
  expect(app.delivery.posts.at(-1)!.chat).toBe('slack:C1');
  expect(lastPostSpans().filter((s) => typeof s === 'object' && 'mention' in s)).toEqual([{ mention: { platform: 'slack', id: 'U42', name: 'Sam' } }]);
  app.db.$client.prepare("update cases set chat = 'telegram:-100'").run();
  await at('2027-01-23T01:00:00Z');
  expect(postTexts(app).at(-1)).toContain('主辦部會：交通部 alice、Sam、Dora');
  await say(app, 'pdis', '/case 1 lead 文化部');
  await at('2027-01-29T01:00:00Z');
  expect(postTexts(app).at(-1)).toContain('主辦部會：文化部 （尚無人登記為文化部聯絡人，可請其輸入 /iam 文化部）');
});

test('overdue cases are flagged in /cases', async () => {
  await say(app, 'pdis', '/case 1 lead 交通部');
  await say(app, 'pdis', '/case 1 deadline 12/5');
  await at('2026-12-08T02:00:00Z');
  const out = await say(app, 'bob', '/cases');
  expect(out.text).toBe('進行中的協作案：\n⚠️ 第一案「路口安全 1」 — 確認主協辦｜主辦 交通部｜期限 2026年12月5日（六）（⚠️ 已逾期 2 個工作天）\n共 1 案，其中 1 案已逾期 ⚠️。');
  expect((await say(app, 'bob', '/cases overdue')).text).toContain('逾期的協作案：');
});

describe('follow-up due dates', () => {
  test('the owning agency is reminded on the due date; a released item is not', async () => {
    await say(app, 'pdis', '/action 交通部 提供事故資料 due 12/4');
    await say(app, 'pdis', '/action 衛福部 提供長照資料 due 12/4');
    await say(app, 'bob', '/done 2 已提供');
    expect(await at('2026-12-04T00:59:00Z')).toEqual([]);
    expect(await at('2026-12-04T01:00:00Z')).toEqual(['📌 列管 #1（交通部）今天（2026年12月4日（五））到期：提供事故資料\n@alice @Dora\n完成後請輸入 /done 1 [說明] 解除列管。']);
    expect(await at('2026-12-05T01:00:00Z')).toEqual([]);
  });

  test('a person who owns an item is mentioned themself; due today after the hour reminds at once', async () => {
    await say(app, 'carol', 'hello');
    await say(app, 'pdis', '/action @carol 聯繫提案人 due today');
    const posted = await at('2026-12-01T02:01:00Z');
    expect(posted).toEqual(['📌 列管 #1（carol）今天（2026年12月1日（二））到期：聯繫提案人\n@carol\n完成後請輸入 /done 1 [說明] 解除列管。']);
    expect(lastPostSpans()).toContainEqual({ mention: { platform: 'console', id: 'carol', name: 'carol' } });
  });

  test('items due in the past get no reminder but are marked overdue', async () => {
    // Without a year, 11/28 would be next November: a past due date needs its year, and is warned about.
    const created = await say(app, 'pdis', '/action 交通部 補件 due 2026/11/28');
    expect(created.text).toContain('⚠️ 注意：2026年11月28日（六） 已經過去，已照您寫的年份記下。');
    expect(app.store.jobs.pending('action:')).toEqual([]);
    expect((await say(app, 'bob', '/actions')).text).toBe('列管事項（1 項）：\n⚠️ 持續列管 #1 交通部：補件（期限 2026年11月28日（六），⚠️ 已逾期 2 個工作天）');
  });
});

