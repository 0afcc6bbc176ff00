import type { TestApp } from '../support/app';
import { Scheduler } from '../../src/scheduler/scheduler';
import { silentLogger } from '../../src/core/logger';
import { caseApp, postedAt, say } from '../cases/helpers';

// Issue #25, items 3 and 4: a due date or deadline on a day offices are closed is warned about
// with the day's name (as /meeting add does), saying when the reminder goes out; days overdue
// are working days (the office calendar), everywhere they are shown.

let app: TestApp;
afterEach(() => app?.cleanup());

test('/action due 下週五 on 3/27 lands on 4/3 補假: warned, with the reminder day', async () => {
  app = caseApp({}, { start: new Date('2026-03-27T09:55:00+08:00') });
  const r = await say(app, 'pdis', '/action 數位部 評估草案 期限：下週五');
  expect(r.text).toContain('期限 2026年4月3日（五）');
  expect(r.text).toContain('⚠️ 2026年4月3日（五）是補假（兒童節），機關不上班；提醒會在前一個上班日 2026年4月2日（四） 發出。');
  // A working day: no warning.
  expect((await say(app, 'pdis', '/action 數位部 評估草案 期限：4/7')).text).not.toContain('機關不上班');
});

test('to 月底 that is a Sunday, a case deadline on 端午節, en next friday on 勞動節', async () => {
  app = caseApp({}, { start: new Date('2026-04-22T10:00:00+08:00') });
  expect((await say(app, 'pdis', '/action 交通部 彙整 到期 下個月底')).text).toContain('⚠️ 2026年5月31日（日）是週日，機關不上班；提醒會在前一個上班日 2026年5月29日（五） 發出。');
  await say(app, 'amy', '/propose 路口安全');
  await say(app, 'pdis', '/select 1');
  expect((await say(app, 'pdis', '/case 1 deadline 6/19')).text).toContain('⚠️ 2026年6月19日（五）是端午節，機關不上班。');
  app.cleanup();
  app = caseApp({ locale: 'en' }, { start: new Date('2026-04-22T10:00:00+08:00') });
  expect((await say(app, 'pdis', '/action MODA review the draft due next friday')).text).toContain(
    '⚠️ Fri 1 May 2026 is a day offices are closed (Labour Day); the reminder goes out on the working day before, Thu 30 Apr 2026.',
  );
});

test('days overdue are working days: due 4/3 (補假) is not yet late on Mon 4/6 (補假), 2 working days on Wed 4/8', async () => {
  app = caseApp({}, { start: new Date('2026-03-27T09:55:00+08:00') });
  await say(app, 'amy', '/propose 路口安全');
  await say(app, 'pdis', '/select 1');
  await say(app, 'pdis', '/case 1 deadline 4/3');
  await say(app, 'pdis', '/action 第1案 數位部 評估草案 期限：4/3');
  app.clock.set(new Date('2026-04-06T10:00:00+08:00'));
  for (const line of ['/actions', '/case 1', '/cases', '/report']) {
    const text = (await say(app, 'pdis', line)).text;
    expect({ line, text }).toEqual({ line, text: expect.not.stringContaining('已逾期 3 天') });
    expect({ line, text }).toEqual({ line, text: expect.stringContaining('期限已過，之後還沒有上班日') });
  }
  app.clock.set(new Date('2026-04-08T10:00:00+08:00'));
  for (const line of ['/actions', '/case 1', '/cases', '/report']) {
    const text = (await say(app, 'pdis', line)).text;
    expect({ line, text }).toEqual({ line, text: expect.stringContaining('已逾期 2 個工作天') });
  }
});

test('reminders count overdue in working days too', async () => {
  app = caseApp({}, { start: new Date('2026-03-27T09:55:00+08:00') });
  const scheduler = new Scheduler(app.bot, app.store.jobs, app.clock, silentLogger);
  await say(app, 'amy', '/propose 路口安全');
  await say(app, 'pdis', '/select 1');
  await say(app, 'pdis', '/case 1 lead 交通部');
  await say(app, 'pdis', '/case 1 deadline 4/3');
  await say(app, 'pdis', '/action 數位部 評估草案 期限：4/3');
  // The bot was down from before 4/2 until Wed 4/8: the reminders go out late, worded then.
  const posted = await postedAt(app, scheduler, '2026-04-08T10:00:00+08:00');
  expect(posted.join('\n')).not.toMatch(/已逾期 5 天|5 天/);
  expect(posted.find((t) => t.startsWith('📌 列管 #1'))).toContain('已逾期 2 個工作天');
  expect(posted.find((t) => t.startsWith('⏰ 第一案'))).toContain('2 個工作天');
});
