import type { TestApp } from '../support/app';
import { caseApp, propose, say } from '../cases/helpers';

// Issue #25, item 8: the weekly report covers exactly its week (Monday to Sunday): what was
// selected or closed after it is not in it, even when /report is asked for later.

let app: TestApp;
afterEach(() => app?.cleanup());

function section(report: string, head: string): string {
  const start = report.indexOf(head);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = report.indexOf('\n\n', start);
  return report.slice(start, end < 0 ? undefined : end);
}

test('/report on Tuesday 4/21 covers 4/13–4/19: 4/21 selections and closures are not in it', async () => {
  app = caseApp({}, { start: new Date('2026-04-14T10:00:00+08:00') });
  await propose(app, 4, 'amy', '議題');
  await say(app, 'pdis', '/select 1 2 4');
  await say(app, 'pdis', '/action 第1案 交通部 盤點');
  app.clock.set(new Date('2026-04-15T10:00:00+08:00'));
  await say(app, 'pdis', '/case 2 close');
  app.clock.set(new Date('2026-04-21T10:00:00+08:00'));
  await say(app, 'pdis', '/select 3');
  await say(app, 'pdis', '/case 3 close');
  await say(app, 'pdis', '/case 1 close force');
  const report = (await say(app, 'pdis', '/report')).text;
  expect(report).toContain('週報（2026年4月13日（一）–2026年4月19日（日））');
  const cases = section(report, '協作案進度');
  // 第一案 was open all that week; 第二案 closed in it; 第三案 (議題 #4) was open; 第四案 did not exist.
  expect(cases).toContain('協作案進度（進行中與本週結案，共 3 案）：');
  expect(cases).toMatch(/確認主協辦（2）：\n・第一案「議題 1」[^\n]*\n・第三案「議題 4」/);
  expect(cases).toMatch(/結案（1）：\n・第二案「議題 2」/);
  expect(cases).not.toContain('第四案');
});

test('the merges of a later week are not in the report', async () => {
  app = caseApp({}, { start: new Date('2026-04-14T10:00:00+08:00') });
  await propose(app, 2, 'amy', '議題');
  app.clock.set(new Date('2026-04-21T10:00:00+08:00'));
  await say(app, 'pdis', '/merge 2 1');
  expect((await say(app, 'pdis', '/report')).text).not.toContain('合併');
});
