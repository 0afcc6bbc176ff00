import type { TestApp } from '../support/app';
import { caseApp, propose, say } from './helpers';
import { parseConfig } from '../../src/config/load';
import { startSite } from '../web/support';

// The Join SOP clock (DOMAIN.md, "The Join SOP clock, as audited"): after a petition passes, the
// schedule notice in 7 days, the proposer contacted in 14 working days, the answer in 60 days.

let app: TestApp;
afterEach(() => app?.cleanup());

/** A case 第一案 selected at `start` (Taipei 10:00 when given a day), lead 交通部. */
async function oneCase(start: string, config: Record<string, unknown> = {}): Promise<TestApp> {
  app = caseApp(config, { start: new Date(`${start}T02:00:00Z`) });
  await propose(app, 1, 'alice', '路口安全');
  await say(app, 'pdis', '/select 1');
  await say(app, 'pdis', '/case 1 lead 交通部');
  return app;
}

function milestoneLines(text: string): string[] {
  const lines = text.split('\n');
  const from = lines.indexOf('Join 期程：');
  if (from < 0) return [];
  const out: string[] = [];
  for (const l of lines.slice(from + 1)) {
    if (!/^(回應期程公告|聯繫提案人|正式回應)：/.test(l)) break;
    out.push(l);
  }
  return out;
}

const at = (iso: string) => app.clock.set(new Date(iso));

test('the worked example: passed Mon 2026-06-01 → notice by 6/8, proposer by 6/22 (端午節 6/19 skipped), answer by 7/31', async () => {
  await oneCase('2026-06-01');
  await say(app, 'pdis', '/case 1 passed 2026-06-01');
  expect(milestoneLines((await say(app, 'alice', '/case 1')).text)).toEqual([
    '回應期程公告：2026年6月8日（一） 前（7 日）— 未完成，剩 7 天',
    '聯繫提案人：2026年6月22日（一） 前（14 個工作天）— 未完成，剩 21 天',
    '正式回應：2026年7月31日（五） 前（60 日）— 未完成，剩 60 天',
  ]);

  // The notice on Friday 6/5; the proposer reached three days late; the answer never.
  at('2026-06-05T03:00:00Z');
  await say(app, 'pdis', '/case 1 stage schedule');
  at('2026-06-25T03:00:00Z');
  await say(app, 'pdis', '/case 1 stage proposer');
  at('2026-08-03T03:00:00Z');
  expect(milestoneLines((await say(app, 'alice', '/case 1')).text)).toEqual([
    '回應期程公告：2026年6月8日（一） 前（7 日）— 如期（2026年6月5日（五））',
    '聯繫提案人：2026年6月22日（一） 前（14 個工作天）— 逾期 3 天（2026年6月25日（四））',
    '正式回應：2026年7月31日（五） 前（60 日）— ⚠️ 未完成（已逾期 3 天）',
  ]);
});

test('a 補行上班 Saturday counts as a working day and is not rolled past (2021-09-11)', async () => {
  // Passed Wed 2021-09-01: working days 9/2, 9/3, 9/6–9/10, Sat 9/11 (補行上班), 9/13–9/17, then
  // 9/20 調整放假 and 9/21 中秋節 are skipped: the 14th working day is Wed 9/22.
  await oneCase('2021-09-01');
  await say(app, 'pdis', '/case 1 passed 2021-09-01');
  expect(milestoneLines((await say(app, 'alice', '/case 1')).text)[1]).toBe('聯繫提案人：2021年9月22日（三） 前（14 個工作天）— 未完成，剩 21 天');

  // Passed Sat 2021-09-04: its 7th day is Sat 9/11, a day offices are open: no §48 roll-forward.
  at('2021-09-04T02:00:00Z');
  await say(app, 'pdis', '/case 1 passed 2021-09-04');
  expect(milestoneLines((await say(app, 'alice', '/case 1')).text)[0]).toBe('回應期程公告：2021年9月11日（六） 前（7 日）— 未完成，剩 7 天');
});

test('a 7-day notice ending on a holiday rolls forward (§48) and says why', async () => {
  // Passed Fri 2026-06-12: the 7th day is 6/19, 端午節 → Monday 6/22.
  await oneCase('2026-06-12');
  await say(app, 'pdis', '/case 1 passed 2026-06-12');
  expect(milestoneLines((await say(app, 'alice', '/case 1')).text)[0]).toBe('回應期程公告：2026年6月22日（一）（6月19日端午節，依行政程序法第48條順延） 前（7 日）— 未完成，剩 10 天');
});

test('a milestone stays met when the case goes back a stage; a later stage meets the earlier milestones too', async () => {
  await oneCase('2026-06-01');
  await say(app, 'pdis', '/case 1 passed 2026-06-01');
  at('2026-06-03T03:00:00Z');
  // Straight to the proposer stage: the schedule notice counts as done that day too.
  await say(app, 'pdis', '/case 1 stage proposer');
  at('2026-06-04T03:00:00Z');
  await say(app, 'pdis', '/case 1 stage lead');
  at('2026-07-01T03:00:00Z');
  expect(milestoneLines((await say(app, 'alice', '/case 1')).text).slice(0, 2)).toEqual([
    '回應期程公告：2026年6月8日（一） 前（7 日）— 如期（2026年6月3日（三））',
    '聯繫提案人：2026年6月22日（一） 前（14 個工作天）— 如期（2026年6月3日（三））',
  ]);
});

test('a case recorded after its milestones passed shows them as 未記錄, not missed; no passed date, no milestones', async () => {
  await oneCase('2026-07-01');
  expect(milestoneLines((await say(app, 'alice', '/case 1')).text)).toEqual([]);
  await say(app, 'pdis', '/case 1 passed 2026-06-01');
  expect(milestoneLines((await say(app, 'alice', '/case 1')).text)).toEqual([
    '回應期程公告：2026年6月8日（一） 前（7 日）— 未記錄（成案前的事，沒有紀錄）',
    '聯繫提案人：2026年6月22日（一） 前（14 個工作天）— 未記錄（成案前的事，沒有紀錄）',
    '正式回應：2026年7月31日（五） 前（60 日）— 未完成，剩 30 天',
  ]);
});

test('English, and the numbers come from cases.milestones (Kaohsiung-style 5 working days to screen)', async () => {
  await oneCase('2026-06-01', { locale: 'en', cases: { milestones: [{ stage: 'translate', workingDays: 5 }] } });
  await say(app, 'pdis', '/case 1 passed 2026-06-01');
  const text = (await say(app, 'alice', '/case 1')).text;
  expect(text).toContain('Join SOP clock:\nPlain-language briefing: by Mon 8 Jun 2026 (5 working days) - open, 7 days left\nFormal response: by Fri 31 Jul 2026 (60 days) - open, 60 days left');
});

test('cases.milestones is checked: a stage that does not exist, the answer stage, both or neither count', () => {
  const bad = (milestones: unknown) => () => parseConfig({ cases: { milestones } }, 'bot.config.json');
  expect(bad([{ stage: 'nosuch', days: 7 }])).toThrow(/"nosuch" is not one of cases.stages' ids/);
  expect(bad([{ stage: 'response', days: 60 }])).toThrow(/cases.responseDays/);
  expect(bad([{ stage: 'schedule', days: 7, workingDays: 5 }])).toThrow(/either "days" or "workingDays"/);
  expect(bad([{ stage: 'schedule' }])).toThrow(/either "days" or "workingDays"/);
  expect(bad([{ stage: 'schedule', days: 7 }, { stage: 'schedule', days: 8 }])).toThrow(/two milestones/);
});

test('the case page and its JSON show the milestones', async () => {
  const site = await startSite({ web: { public: ['cases'] } }, { start: new Date('2026-06-01T02:00:00Z') });
  app = site.app;
  try {
    await propose(app, 1, 'alice', '路口安全');
    await say(app, 'pdis', '/select 1');
    await say(app, 'pdis', '/case 1 passed 2026-06-01');
    const html = await (await site.get('/cases/1')).text();
    expect(html).toContain('聯繫提案人：2026年6月22日（一） 前（14 個工作天）— 未完成，剩 21 天');
    const json = (await (await site.get('/api/cases/1')).json()) as { milestones: unknown[] };
    expect(json.milestones).toEqual([
      expect.objectContaining({ stage: 'schedule', rule: 'days', count: 7, due: '2026-06-08', state: { kind: 'open', daysLeft: 7 } }),
      expect.objectContaining({ stage: 'proposer', rule: 'workingDays', count: 14, due: '2026-06-22', state: { kind: 'open', daysLeft: 21 } }),
      expect.objectContaining({ stage: 'response', rule: 'answer', count: 60, due: '2026-07-31', state: { kind: 'open', daysLeft: 60 } }),
    ]);
  } finally {
    await site.close();
    app = undefined as unknown as TestApp;
  }
});

test('/calendar close: a typhoon day is skipped by every clock, moves a 60-day deadline ending on it, and bad input changes nothing', async () => {
  await oneCase('2026-06-01');
  await say(app, 'pdis', '/case 1 passed 2026-06-01');
  const closures = () => (app.db.$client.prepare('select count(*) as n from office_closures').get() as { n: number }).n;

  // Refusals: not a facilitator, no reason, a past day, a day already off, a date that is no date.
  expect((await say(app, 'alice', '/calendar close 6/10 颱風')).text).toContain('主持人');
  expect((await say(app, 'pdis', '/calendar close 6/10')).text).toBe('用法：/calendar close <日期> <原因>，例如 /calendar close 9/3 颱風停班');
  expect((await say(app, 'pdis', '/calendar close 2026-05-29 颱風')).text).toBe('2026年5月29日（五） 已經過去，不能補登停班；這次沒有改變任何東西。');
  expect((await say(app, 'pdis', '/calendar close 6/19 颱風')).text).toBe('2026年6月19日（五） 本來就不上班（端午節），不用登記。');
  expect((await say(app, 'pdis', '/calendar close 六月卅二 颱風')).text).toContain('看不懂日期');
  expect(closures()).toBe(0);

  // A typhoon on Wed 6/10: the 14th working day moves from 6/22 to 6/23.
  expect((await say(app, 'pdis', '/calendar close 6/10 颱風停班')).text).toBe('已登記 2026年6月10日（三） 停止上班（颱風停班）：期限與提醒都會避開這一天。');
  expect(milestoneLines((await say(app, 'alice', '/case 1')).text)[1]).toBe('聯繫提案人：2026年6月23日（二） 前（14 個工作天）— 未完成，剩 22 天');

  // Another on Fri 7/31, the 60th day: the answer is due Monday 8/3, and the reply says so.
  const moved = await say(app, 'pdis', '/calendar close 2026-07-31 颱風停班');
  expect(moved.text).toBe('已登記 2026年7月31日（五） 停止上班（颱風停班）：期限與提醒都會避開這一天。\n第一案的回應期限由 2026年7月31日（五） 順延至 2026年8月3日（一）。');
  expect(app.store.cases.byNumber(1)!.deadline).toBe('2026-08-03');
  expect(milestoneLines((await say(app, 'alice', '/case 1')).text)[2]).toBe('正式回應：2026年8月3日（一）（7月31日颱風停班，依行政程序法第48條順延） 前（60 日）— 未完成，剩 63 天');
  // The closure is a day off for meetings and reminders too (the office calendar answers for all).
  expect(app.bot.services.calendar.isWorkingDay('2026-07-31')).toBe(false);
  expect((await say(app, 'pdis', '/calendar close 7/31 again')).text).toBe('2026年7月31日（五） 本來就不上班（颱風停班），不用登記。');
  expect(closures()).toBe(2);
});
