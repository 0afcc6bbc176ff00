import type { TestApp } from '../support/app';
import { caseApp, postTexts, propose, say, snapshot } from '../cases/helpers';
import { translator } from '../../src/i18n/catalog';

// The reproductions: one rule for yearless dates in every command, and 行政程序法第48條.

let app: TestApp;
afterEach(() => app.cleanup());

async function withCase(start: string): Promise<void> {
  app = caseApp({}, { start: new Date(start) });
  await say(app, 'alice', '/iam 交通部');
  await propose(app, 1, 'alice', '路口安全');
  await say(app, 'pdis', '/select 1');
}

test('on 2026-03-04, 12/31 means 2026-12-31 in /action, /case deadline and /meeting add alike', async () => {
  await withCase('2026-03-04T02:00:00Z');
  const action = await say(app, 'pdis', '/action 交通部 年底前完成 due 12/31');
  expect(action.text).toContain('（期限 2026年12月31日（四））');
  expect(app.store.actions.get(1)).toMatchObject({ due: '2026-12-31', text: '年底前完成' });
  const deadline = await say(app, 'pdis', '/case 1 deadline 12/31');
  expect(deadline.text).toContain('已設定第一案的回應期限：2026年12月31日（四）（剩 302 天）。');
  expect(app.store.cases.byNumber(1)!.deadline).toBe('2026-12-31');
  expect((await say(app, 'pdis', '/meeting add 協作會議 12/4 10:00')).text).toContain('2026年12月4日（五）10:00');
  // 1/5 is next January, not last.
  await say(app, 'pdis', '/action 交通部 明年初 due 1/5');
  expect(app.store.actions.get(2)!.due).toBe('2027-01-05');
});

test('a past due date or deadline is stored only with its year, and answered with a warning', async () => {
  await withCase('2026-03-04T02:00:00Z');
  const before = snapshot(app);
  const refused = await say(app, 'pdis', '/action 交通部 補件 due 昨天');
  expect(refused.text).toBe('「昨天」是已經過去的日子。過去的日期請寫出年份（例如 2026/5/7），以免誤記。\n' + translator('zh-TW')('actions.actionUsage'));
  expect((await say(app, 'pdis', '/case 1 deadline 前天')).text).toMatch(/^「前天」是已經過去的日子。.*\n用法：\/case <案號> deadline/);
  expect(snapshot(app)).toEqual(before);
  const past = await say(app, 'pdis', '/case 1 deadline 2026/3/1');
  expect(past.text).toBe('已設定第一案的回應期限：2026年3月1日（日）（⚠️ 已逾期 3 個工作天）。\n⚠️ 注意：2026年3月1日（日） 已經過去，已照您寫的年份記下。\n尚未指定主辦部會：請主持人輸入 /case 1 lead <部會>。');
});

test('passed 4/20 → the Join deadline 6/19 is 端午節: moved to Monday 6/22 under §48, saying why', async () => {
  await withCase('2026-05-04T02:00:00Z');
  const set = await say(app, 'pdis', '/case 1 passed 4/20');
  expect(set.text.split('\n')[0]).toBe('已記錄第一案的 Join 連署於 2026年4月20日（一） 通過；回應期限為 2026年6月22日（一）（6月19日端午節，依行政程序法第48條順延）（剩 49 天）。');
  expect(app.store.cases.byNumber(1)).toMatchObject({ petitionPassedOn: '2026-04-20', deadline: '2026-06-22' });
  expect((await say(app, 'bob', '/case 1')).text).toContain('回應期限：2026年6月22日（一）（6月19日端午節，依行政程序法第48條順延）（剩 49 天）');
  // A period ending on a plain Saturday moves too, and says so.
  await say(app, 'pdis', '/case 1 passed 4/14');
  expect(app.store.cases.byNumber(1)!.deadline).toBe('2026-06-15');
  expect((await say(app, 'bob', '/case 1')).text).toContain('回應期限：2026年6月15日（一）（6月13日週六，依行政程序法第48條順延）');
  // A facilitator's explicit date is kept exactly, and nothing claims it moved.
  await say(app, 'pdis', '/case 1 deadline 6/19');
  expect(app.store.cases.byNumber(1)!.deadline).toBe('2026-06-19');
  const shown = (await say(app, 'bob', '/case 1')).text;
  expect(shown).toContain('回應期限：2026年6月19日（五）（剩 46 天）');
  expect(shown).not.toContain('第48條');
});

test('in English the reason reads as English', async () => {
  app = caseApp({ locale: 'en' }, { start: new Date('2026-05-04T02:00:00Z') });
  await propose(app, 1, 'alice', 'Crossings');
  await say(app, 'pdis', '/select 1');
  const set = await say(app, 'pdis', '/case 1 passed 4/20');
  expect(set.text).toContain('the response is due Mon 22 Jun 2026 (19 Jun is Dragon Boat Festival; moved to the next working day under Art. 48 of the Administrative Procedure Act)');
});

test('a 2027 deadline (no official calendar yet) carries a note', async () => {
  await withCase('2026-12-01T02:00:00Z');
  const set = await say(app, 'pdis', '/case 1 passed 11/20');
  expect(set.text).toContain('回應期限為 2027年1月19日（二）（2027 年辦公日曆尚未公布，上班日為推算）');
});

test('/meeting add and /meeting move onto a day offices are closed warn, naming it from the official calendar', async () => {
  await withCase('2026-03-04T02:00:00Z');
  expect((await say(app, 'pdis', '/meeting add 協作會議 4/3 10:00')).text).toBe('已新增會議 #1「協作會議」：2026年4月3日（五）10:00–11:00。\n⚠️ 當天是放假日：補假（兒童節）');
  await say(app, 'pdis', '/meeting move 1 6/19 10:00');
  expect(postTexts(app).at(-1)).toContain('⚠️ 當天是放假日：端午節');
});
