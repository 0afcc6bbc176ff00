import type { TestApp } from '../support/app';
import { Scheduler } from '../../src/scheduler/scheduler';
import { silentLogger } from '../../src/core/logger';
import { caseApp, postTexts, postedAt, propose, say } from '../cases/helpers';

// Reminders go out on working days, catch up without noise, and are worded when posted.

let app: TestApp;
let scheduler: Scheduler;

beforeEach(async () => {
  // Monday 2026-05-04, 10:00 in Taipei.
  app = caseApp({}, { start: new Date('2026-05-04T02:00:00Z') });
  scheduler = new Scheduler(app.bot, app.store.jobs, app.clock, silentLogger);
  await say(app, 'alice', '/iam 交通部');
  await propose(app, 1, 'alice', '路口安全');
  await say(app, 'pdis', '/select 1');
  await say(app, 'pdis', '/case 1 lead 交通部');
});
afterEach(() => app.cleanup());

const at = (iso: string) => postedAt(app, scheduler, iso);

/** The "N days before" reminders and the due-date reminders (not the day-after notice, a job of its own). */
const planned = (prefix: string) =>
  app.store.jobs
    .pending(prefix)
    .filter((j) => j.kind !== 'cases.deadlinePassed')
    .map((j) => j.dueAt.toISOString());

test('passed 4/20: the deadline moves to 6/22 and no reminder is planned on a weekend or 端午節', async () => {
  const set = await say(app, 'pdis', '/case 1 passed 4/20');
  // 20 days before 6/22 is Tue 6/2; 7 days before is Mon 6/15; 1 day before is Sunday 6/21 →
  // not Sat 6/20, not 端午節 6/19, but Thursday 6/18.
  expect(set.text).toContain('將於 2026年6月2日（二）、2026年6月15日（一）、2026年6月18日（四） 提醒主辦部會聯絡人。');
  expect(planned('case:1:deadline:')).toEqual(['2026-06-02T01:00:00.000Z', '2026-06-15T01:00:00.000Z', '2026-06-18T01:00:00.000Z']);
});

test('a period ending on Sunday 6/14 ends on Monday 6/15: due today on Monday, not overdue', async () => {
  await say(app, 'pdis', '/case 1 passed 4/15');
  expect(app.store.cases.byNumber(1)!.deadline).toBe('2026-06-15');
  app.clock.set(new Date('2026-06-15T02:00:00Z'));
  expect((await say(app, 'bob', '/case 1')).text).toContain('回應期限：2026年6月15日（一）（6月14日週日，依行政程序法第48條順延）（今天到期）');
});

test('an explicit deadline on a Sunday is kept; its reminders move to the Fridays before', async () => {
  await say(app, 'pdis', '/case 1 deadline 6/14');
  expect(app.store.cases.byNumber(1)!.deadline).toBe('2026-06-14');
  // 20 days before: Mon 5/25; 7 before: Sun 6/7 → Fri 6/5; 1 before: Sat 6/13 → Fri 6/12.
  expect(planned('case:1:deadline:')).toEqual(['2026-05-25T01:00:00.000Z', '2026-06-05T01:00:00.000Z', '2026-06-12T01:00:00.000Z']);
});

test('after downtime only the most urgent reminder of a deadline posts, worded from the real deadline', async () => {
  await say(app, 'pdis', '/case 1 deadline 6/22');
  expect(await at('2026-06-02T01:00:00Z')).toEqual(['⏰ 第一案「路口安全 1」距回應期限（2026年6月22日（一））還有 20 天。\n主辦部會：交通部 @alice']);
  // Down from before the 7-day reminder (6/15) until after the 1-day one (6/18): one post, not two.
  expect(await at('2026-06-19T03:00:00Z')).toEqual(['⏰ 第一案「路口安全 1」距回應期限（2026年6月22日（一））還有 3 天。\n主辦部會：交通部 @alice']);
  // No further "N days before" reminder (the day-after notice is another feature's).
  expect((await at('2026-06-30T03:00:00Z')).filter((t) => t.startsWith('⏰'))).toEqual([]);
});

test('a follow-up due on 端午節 is reminded the working day before; one delivered late says how late', async () => {
  await say(app, 'pdis', '/action 交通部 端午前交件 due 6/19');
  expect(planned('action:1:')).toEqual(['2026-06-18T01:00:00.000Z']);
  expect(await at('2026-06-18T01:00:00Z')).toEqual(['📌 列管 #1（交通部）1 天後（2026年6月19日（五））到期：端午前交件\n⚠️ 2026年6月19日（五）是端午節，機關不上班，所以在前一個上班日提醒。\n@alice\n完成後請輸入 /done 1 [說明] 解除列管。']);

  await say(app, 'pdis', '/action 交通部 六月初交件 due 2026/6/22');
  // The bot was down from before its day until 6/26: the reminder is late, and says so.
  expect(await at('2026-06-26T01:00:00Z')).toEqual(['📌 列管 #2（交通部）已逾期 4 個工作天（期限 2026年6月22日（一））：六月初交件\n@alice\n完成後請輸入 /done 2 [說明] 解除列管。']);
});
