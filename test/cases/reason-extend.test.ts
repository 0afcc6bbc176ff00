import type { TestApp } from '../support/app';
import { Scheduler } from '../../src/scheduler/scheduler';
import { silentLogger } from '../../src/core/logger';
import { caseApp, postTexts, propose, say, snapshot } from './helpers';
import { startSite } from '../web/support';

// Issue 26 items 4 and 5: the reason for a missed milestone (/case N reason) and extensions
// (/case N extend <date> <reason> [| progress]), by the lead agency's confirmed POs or a facilitator.

let app: TestApp;
afterEach(() => app?.cleanup());

let site: Awaited<ReturnType<typeof startSite>> | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

async function start(day: string, web = false): Promise<void> {
  const config = { meetings: { homeChats: ['console:home'] } };
  if (web) {
    site = await startSite({ ...config, web: { public: ['cases'] } }, { start: new Date(`${day}T02:00:00Z`) });
    app = site.app;
  } else app = caseApp(config, { start: new Date(`${day}T02:00:00Z`) });
  await say(app, 'tpo', '/iam 交通部');
  await say(app, 'hpo', '/iam 衛福部');
  await propose(app, 1, 'alice', '路口安全');
  await say(app, 'pdis', '/select 1');
  await say(app, 'pdis', '/case 1 lead 交通部');
}
const at = (iso: string) => app.clock.set(new Date(iso));

test('a reason is asked for a missed milestone and recorded on the milestone, the timeline and the API', async () => {
  await start('2026-06-01', true);
  // No passed date yet: says what is missing, changes nothing.
  const before = snapshot(app);
  const none = await say(app, 'tpo', '/case 1 reason 人力不足');
  expect(none).toMatchObject({ private: true, text: '第一案還沒有記錄連署通過日期，所以沒有 Join 期程。請主持人先輸入 /case 1 passed <日期>。' });
  expect(snapshot(app)).toEqual(before);

  await say(app, 'pdis', '/case 1 passed 2026-06-01');
  expect((await say(app, 'tpo', '/case 1 reason 人力不足')).text).toBe('第一案目前沒有逾期未完成的期程，不需要說明原因。');
  at('2026-06-10T03:00:00Z');
  // Another agency's PO, or someone with no agency: refused, nothing stored.
  const b2 = snapshot(app);
  expect((await say(app, 'hpo', '/case 1 reason 人力不足')).text).toBe('只有第一案主辦部會（交通部）確認的聯絡人或主持人可以這樣做。');
  expect((await say(app, 'alice', '/case 1 reason 人力不足')).text).toBe('只有第一案主辦部會（交通部）確認的聯絡人或主持人可以這樣做。');
  expect((await say(app, 'tpo', '/case 1 reason')).text).toBe('用法：/case <案號> reason <原因>（用一句話說明期程未如期完成的原因）');
  expect(snapshot(app)).toEqual(b2);

  expect((await say(app, 'tpo', '/case 1 reason 部內簽核流程延誤，已於 6/12 公告')).text).toBe('已記錄第一案「回應期程公告」未如期完成的原因，會列在時間軸、網頁與 SOP 報告。');
  const shown = (await say(app, 'alice', '/case 1')).text;
  expect(shown).toContain('回應期程公告：2026年6月8日（一） 前（7 日）— ⚠️ 未完成（已逾期 2 天）；原因：部內簽核流程延誤，已於 6/12 公告');
  expect(shown).toContain('tpo：說明未如期原因（回應期程公告）：部內簽核流程延誤，已於 6/12 公告');

  const json = (await (await site!.get('/api/cases/1')).json()) as { milestones: { stage: string; reason: string | null }[] };
  expect(json.milestones.map((m) => [m.stage, m.reason])).toEqual([
    ['schedule', '部內簽核流程延誤，已於 6/12 公告'],
    ['proposer', null],
    ['response', null],
  ]);
  expect(await (await site!.get('/cases/1')).text()).toContain('；原因：部內簽核流程延誤，已於 6/12 公告');
});

test('extensions: refused when earlier, past or without a reason; counted; the original kept; reminders re-armed', async () => {
  await start('2026-06-01');
  await say(app, 'pdis', '/case 1 passed 2026-06-01');
  at('2026-07-20T03:00:00Z');
  const before = snapshot(app);
  expect((await say(app, 'tpo', '/case 1 extend 2026-07-30 需跨部會協調')).text).toBe('新期限 2026年7月30日（四） 沒有晚於目前的回應期限 2026年7月31日（五）：展延只能往後延。');
  expect((await say(app, 'tpo', '/case 1 extend 2026-07-01 需跨部會協調')).text).toBe('2026年7月1日（三） 已經過去：展延的新期限必須是今天以後的日期。');
  expect((await say(app, 'tpo', '/case 1 extend 2026-08-31')).text).toBe('展延必須說明原因：/case <案號> extend <新期限> <原因> [| <目前進度>]');
  expect((await say(app, 'tpo', '/case 1 extend 2026-08-31 | 初稿完成')).text).toBe('展延必須說明原因：/case <案號> extend <新期限> <原因> [| <目前進度>]');
  expect((await say(app, 'hpo', '/case 1 extend 2026-08-31 需跨部會協調')).text).toBe('只有第一案主辦部會（交通部）確認的聯絡人或主持人可以這樣做。');
  expect((await say(app, 'tpo', '/case 1 extend 明年某天 需跨部會協調')).private).toBe(true);
  expect(snapshot(app)).toEqual(before);

  // A yearless date is its next occurrence, and the answer names the year.
  expect((await say(app, 'tpo', '/case 1 extend 8/31 需跨部會協調 | 已完成初稿，送法制單位')).text).toBe(
    '已將第一案的回應期限展延至 2026年8月31日（一）（原期限 2026年7月31日（五），第 1 次展延）。提醒已改依新期限。',
  );
  expect(app.store.jobs.pending('case:1:deadline:').map((j) => [j.key, j.payload.deadline])).toEqual([
    ['case:1:deadline:20', '2026-08-31'],
    ['case:1:deadline:7', '2026-08-31'],
    ['case:1:deadline:1', '2026-08-31'],
    ['case:1:deadline:passed', '2026-08-31'],
  ]);
  // A second extension, by a facilitator, is allowed and counted; the original stays 7/31.
  at('2026-08-20T03:00:00Z');
  expect((await say(app, 'pdis', '/case 1 extend 2026-09-30 等待預算核定')).text).toContain('（原期限 2026年7月31日（五），第 2 次展延）');
  const shown = (await say(app, 'alice', '/case 1')).text;
  expect(shown).toContain('回應期限：2026年9月30日（三）');
  expect(shown).toContain('原期限 2026年7月31日（五） 已展延至 2026年9月30日（三）（第 2 次展延）\n最新進度：已完成初稿，送法制單位');
  expect(shown).toContain('正式回應：2026年9月30日（三） 前（60 日）');
  expect(shown).toContain('展延回應期限：2026年8月31日（一） → 2026年9月30日（三）（第 2 次）；原因：等待預算核定');
  // The reminder says it too.
  const scheduler = new Scheduler(app.bot, app.store.jobs, app.clock, silentLogger);
  app.clock.set(new Date('2026-09-10T01:00:00Z'));
  await scheduler.tick();
  expect(postTexts(app).at(-1)).toBe('⏰ 第一案「路口安全 1」距回應期限（2026年9月30日（三））還有 20 天。\n原期限 2026年7月31日（五） 已展延至 2026年9月30日（三）（第 2 次展延）\n最新進度：已完成初稿，送法制單位\n主辦部會：交通部 @tpo');
  // /cases and the digest's case lines carry it.
  expect((await say(app, 'alice', '/cases')).text).toContain('；原期限 2026年7月31日（五） 已展延至 2026年9月30日（三）（第 2 次展延）；最新進度：已完成初稿，送法制單位');
});

test('an answered case is not extended; a case without a passed date says so', async () => {
  await start('2026-06-01');
  expect((await say(app, 'pdis', '/case 1 extend 2026-09-30 x')).text).toContain('還沒有記錄連署通過日期');
  await say(app, 'pdis', '/case 1 passed 2026-06-01');
  await say(app, 'pdis', '/case 1 stage response');
  expect((await say(app, 'pdis', '/case 1 extend 2026-09-30 x')).text).toBe('第一案已經正式回應，不需要展延。');
});
