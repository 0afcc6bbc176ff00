import type { TestApp } from '../support/app';
import { Scheduler } from '../../src/scheduler/scheduler';
import { silentLogger } from '../../src/core/logger';
import { richToPlain } from '../../src/core/types';
import { caseApp, postTexts, propose, say } from './helpers';

// Issue 26 item 3: before each SOP milestone the lead agency's confirmed POs are nudged
// privately, two working days before and on the day if still open; the home chat hears only
// of a miss, once, with the POs mentioned. Reminders go out at 09:00 Taipei (01:00 UTC).

let app: TestApp;
let scheduler: Scheduler;
afterEach(() => app?.cleanup());

const HOME = 'console:home';

async function start(day: string, config: Record<string, unknown> = {}, lead = true): Promise<void> {
  app = caseApp({ meetings: { homeChats: [HOME] }, ...config }, { start: new Date(`${day}T02:00:00Z`) });
  scheduler = new Scheduler(app.bot, app.store.jobs, app.clock, silentLogger);
  await say(app, 'tpo', '/iam 交通部');
  await propose(app, 1, 'alice', '路口安全');
  await say(app, 'pdis', '/select 1');
  if (lead) await say(app, 'pdis', '/case 1 lead 交通部');
}

/** Moves the clock to `iso`, runs what fell due; what went privately (to whom) and publicly. */
async function runAt(iso: string): Promise<{ privates: { to: string; near?: string; text: string }[]; posts: string[] }> {
  const p = app.delivery.privates.length;
  const q = app.delivery.posts.length;
  app.clock.set(new Date(iso));
  await scheduler.tick();
  return {
    privates: app.delivery.privates.slice(p).map((x) => ({ to: `${x.to.platform}:${x.to.id}`, near: x.near, text: richToPlain(x.message.text) })),
    posts: postTexts(app).slice(q),
  };
}

/** The days (Taipei) on which anything private went out, walking 09:00 each day. */
async function nudgeDays(from: string, to: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (let d = new Date(`${from}T01:00:00Z`); d <= new Date(`${to}T01:00:00Z`); d = new Date(d.getTime() + 86_400_000)) {
    const r = await runAt(d.toISOString());
    if (r.privates.length) out[d.toISOString().slice(0, 10)] = r.privates.map((x) => `${x.to} ${x.text.split('\n')[0]}`);
  }
  return out;
}

test('the worked example: nudges two working days before and on the day, privately, none once met; a miss is said once in the home chat', async () => {
  await start('2026-06-01');
  await say(app, 'pdis', '/case 1 passed 2026-06-01');
  // 公告 due Mon 6/8: nudged Thu 6/4 (Fri 6/5 and Mon 6/8 left).
  const first = await runAt('2026-06-04T01:00:00Z');
  expect(first.posts).toEqual([]);
  expect(first.privates).toEqual([
    {
      to: 'console:tpo',
      near: 'console:main',
      text: '⏰ 第一案「路口安全 1」的「回應期程公告」要在 2026年6月8日（一） 前完成（還有 2 個工作天）。\n完成後請輸入（或請主持人輸入）：/case 1 stage 回應期程公告',
    },
  ]);
  // Recorded on Friday: no nudge on its day, no miss alert.
  app.clock.set(new Date('2026-06-05T03:00:00Z'));
  await say(app, 'pdis', '/case 1 stage schedule');
  expect(await nudgeDays('2026-06-05', '2026-06-16')).toEqual({});
  // 聯繫提案人 due Mon 6/22 (14 working days, 端午節 Fri 6/19 skipped): nudged Wed 6/17 (Thu 6/18, Mon 6/22 left) and on 6/22.
  expect(await nudgeDays('2026-06-17', '2026-06-22')).toEqual({
    '2026-06-17': ['console:tpo ⏰ 第一案「路口安全 1」的「聯繫提案人」要在 2026年6月22日（一） 前完成（還有 2 個工作天）。'],
    '2026-06-22': ['console:tpo ⏰ 第一案「路口安全 1」的「聯繫提案人」今天（2026年6月22日（一））到期，尚未記錄完成。'],
  });
  // Missed: Tue 6/23 the home chat hears it once, the PO mentioned, the reason asked for.
  const missed = await runAt('2026-06-23T01:00:00Z');
  expect(missed.privates).toEqual([]);
  const alert = '⚠️ 第一案「路口安全 1」的「聯繫提案人」期限 2026年6月22日（一） 已過，尚未記錄完成。\n主辦部會：交通部 @tpo\n請主辦部會用一句話說明原因：/case 1 reason <原因>';
  // Once in each home chat (the configured one and the console's own).
  expect(missed.posts).toEqual([alert, alert]);
  expect(app.delivery.posts.slice(-2).map((p) => p.chat)).toEqual([HOME, 'console:main']);
  expect((await runAt('2026-06-24T01:00:00Z')).posts).toEqual([]);
  // The answer (7/31, Fri): Wed 7/29 and the day.
  expect(await nudgeDays('2026-07-27', '2026-07-31')).toEqual({
    '2026-07-29': ['console:tpo ⏰ 第一案「路口安全 1」的「正式回應」要在 2026年7月31日（五） 前完成（還有 2 個工作天）。'],
    '2026-07-31': ['console:tpo ⏰ 第一案「路口安全 1」的「正式回應」今天（2026年7月31日（五））到期，尚未記錄完成。'],
  });
});

test('a 補行上班 Saturday is a working day for nudges: passed Tue 2021-09-07, 公告 due Tue 9/14, nudged Sat 9/11', async () => {
  await start('2021-09-07');
  await say(app, 'pdis', '/case 1 passed 2021-09-07');
  const days = await nudgeDays('2021-09-08', '2021-09-14');
  expect(Object.keys(days)).toEqual(['2021-09-11', '2021-09-14']);
  expect(days['2021-09-11']).toEqual(['console:tpo ⏰ 第一案「路口安全 1」的「回應期程公告」要在 2021年9月14日（二） 前完成（還有 2 個工作天）。']);
});

test('without a confirmed lead PO the facilitators are nudged, and told why', async () => {
  await start('2026-06-01', { facilitators: ['console:pdis', 'console:fay'] }, false);
  await say(app, 'pdis', '/case 1 passed 2026-06-01');
  const r = await runAt('2026-06-04T01:00:00Z');
  expect(r.privates.map((x) => x.to)).toEqual(['console:pdis', 'console:fay']);
  expect(r.privates[0]!.text).toContain('尚未指定主辦部會，改由主持人收到這則提醒');
  await say(app, 'pdis', '/case 1 lead 衛福部');
  const r2 = await runAt('2026-06-08T01:00:00Z');
  expect(r2.privates.map((x) => x.to)).toEqual(['console:pdis', 'console:fay']);
  expect(r2.privates[0]!.text).toContain('衛福部尚無確認的聯絡人');
});

test('a nudge caught up after downtime says it is late; a closed day moves the nudges and re-arms them', async () => {
  await start('2026-06-01');
  await say(app, 'pdis', '/case 1 passed 2026-06-01');
  // Down from Wed to Fri 11:00: the Thursday nudge goes out late, and says so.
  const late = await runAt('2026-06-05T03:00:00Z');
  expect(late.privates).toHaveLength(1);
  expect(late.privates[0]!.text).toContain('（這則提醒原定 2026年6月4日（四） 送出，因機器人停機而晚到。）');
  // A typhoon closes Mon 6/8: 公告 now due Tue 6/9 (§48), its day's nudge moves there.
  await say(app, 'pdis', '/calendar close 2026-06-08 颱風');
  expect(await nudgeDays('2026-06-06', '2026-06-09')).toEqual({
    '2026-06-09': ['console:tpo ⏰ 第一案「路口安全 1」的「回應期程公告」今天（2026年6月9日（二））到期，尚未記錄完成。'],
  });
});

test('a follow-up item due after a newly closed day is reminded on the last working day before it', async () => {
  await start('2026-06-01');
  await say(app, 'pdis', '/action 交通部 提供路口資料 due 2026-06-09');
  // Reminder planned for Tue 6/9 itself; the 9th is closed: it goes out Mon 6/8.
  await say(app, 'pdis', '/calendar close 2026-06-09 颱風');
  const r = await runAt('2026-06-08T01:00:00Z');
  expect(r.posts.join('\n')).toContain('提供路口資料');
});
