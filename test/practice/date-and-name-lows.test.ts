import type { TestApp } from '../support/app';
import { Scheduler } from '../../src/scheduler/scheduler';
import { silentLogger } from '../../src/core/logger';
import { parseCalendarDate } from '../../src/core/dates/calendar-date';
import { caseApp, postedAt, say } from '../cases/helpers';

// Issue #25, item 12's lows on dates and names: 4月底, Dec 31 and 31 December 2026 not
// understood; 下週五前完成 storing no due date and giving no hint; 内政部 (the 内 variant) not
// folded to 內政部 as 台/臺 is; a reminder for an item due on a closed day not saying so.

let app: TestApp;
afterEach(() => app?.cleanup());

test('4月底, Dec 31, 31 December 2026 and friends are dates', () => {
  const on = (input: string, today = '2026-05-10', yearless: 'next' | 'last' = 'next') => parseCalendarDate(input, today as never, yearless)?.date;
  expect(on('4月底')).toBe('2027-04-30');
  expect(on('4月底', '2026-03-27')).toBe('2026-04-30');
  expect(on('５月底')).toBe('2026-05-31');
  expect(on('2月底', '2027-05-10')).toBe('2028-02-29');
  expect(on('2026年2月底')).toBe('2026-02-28');
  expect(on('4月底', '2026-05-10', 'last')).toBe('2026-04-30');
  expect(on('6月底', '2026-05-10', 'last')).toBe('2025-06-30');
  expect(on('Dec 31')).toBe('2026-12-31');
  expect(on('dec. 31')).toBe('2026-12-31');
  expect(on('December 31, 2026')).toBe('2026-12-31');
  expect(on('31 December 2026')).toBe('2026-12-31');
  expect(on('31st Dec')).toBe('2026-12-31');
  expect(on('May 1')).toBe('2027-05-01');
  expect(on('Sept 3 2026')).toBe('2026-09-03');
  expect(parseCalendarDate('2026年2月底', '2026-05-10' as never)?.explicitYear).toBe(true);
  for (const bad of ['Foo 31', 'Dec', '31', 'Dec 32 2026', '13月底']) expect([bad, on(bad)]).toEqual([bad, undefined]);
});

test('the new forms work in commands: /action due 4月底, /case deadline Dec 31, /meeting add … Dec 31 15:00', async () => {
  app = caseApp({}, { start: new Date('2026-03-27T10:00:00+08:00') });
  expect((await say(app, 'pdis', '/action 交通部 盤點 期限：4月底')).text).toContain('期限 2026年4月30日（四）');
  await say(app, 'amy', '/propose 公車路線整併');
  await say(app, 'pdis', '/select 1');
  expect((await say(app, 'pdis', '/case 1 deadline 31 December 2026')).text).toContain('2026年12月31日（四）');
  expect((await say(app, 'pdis', '/meeting add Year end Dec 30 15:00')).text).toContain('2026年12月30日（三）15:00–16:00');
});

test('/action 數位部 評估草案 下週五前完成: no due date is stored without a due word, but the answer says how', async () => {
  app = caseApp({}, { start: new Date('2026-03-27T09:55:00+08:00') });
  const r = await say(app, 'pdis', '/action 數位部 評估草案 下週五前完成');
  expect(r.text).toContain('💡 沒有記下期限：若「下週五」是期限，請在事項後寫「期限：下週五」（也可寫 due、截止、到期）。');
  expect(app.store.actions.get(1)!.due).toBeNull();
  expect((await say(app, 'pdis', '/action 數位部 評估草案 4/10以前回覆')).text).toContain('若「4/10」是期限');
  // With a due word there is nothing to hint.
  expect((await say(app, 'pdis', '/action 數位部 評估草案 下週五前完成 期限：下週五')).text).not.toContain('💡');
  // Words that only look like a date part: no hint.
  expect((await say(app, 'pdis', '/action 數位部 提前完成評估')).text).not.toContain('💡');
  app.cleanup();
  app = caseApp({ locale: 'en' }, { start: new Date('2026-03-27T09:55:00+08:00') });
  expect((await say(app, 'pdis', '/action MODA review the draft by next friday')).text).toContain('💡 No due date recorded: if "next friday" is the due date, end the item with "due next friday".');
});

test('内政部 (the 内 variant) is 內政部, as 台 is 臺', async () => {
  app = caseApp({}, { start: new Date('2026-03-27T10:00:00+08:00') });
  expect((await say(app, 'bob', '/iam 内政部')).text).toContain('內政部');
  expect(app.bot.services.people.agencies.find('内政部')?.name).toBe('內政部');
  const r = await say(app, 'bob', '/propose 戶政資料交換 #内政部');
  expect(r.text).not.toContain('找不到');
  expect(app.store.issues.get(1)!.agencyIds).toEqual([app.bot.services.people.agencies.find('內政部')!.id]);
});

test('a reminder for an item due on a closed day says the day is closed and that it comes the working day before', async () => {
  app = caseApp({}, { start: new Date('2026-03-27T09:55:00+08:00') });
  const scheduler = new Scheduler(app.bot, app.store.jobs, app.clock, silentLogger);
  await say(app, 'pdis', '/action 數位部 評估草案 期限：4/3');
  await say(app, 'pdis', '/action 數位部 提交報告 期限：4/2');
  const posted = await postedAt(app, scheduler, '2026-04-02T09:30:00+08:00');
  const r3 = posted.find((t) => t.startsWith('📌 列管 #1'))!;
  expect(r3).toContain('📌 列管 #1（數位部）1 天後（2026年4月3日（五））到期：評估草案\n⚠️ 2026年4月3日（五）是補假（兒童節），機關不上班，所以在前一個上班日提醒。');
  // Due on a working day: no such line.
  expect(posted.find((t) => t.startsWith('📌 列管 #2'))).not.toContain('機關不上班');
});
