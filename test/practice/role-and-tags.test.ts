import type { TestApp } from '../support/app';
import { caseApp, postTexts, say } from '../cases/helpers';

// Issue #25, item 12's lows: a facilitator shown as 「pdis（未登記部會）」 in attendance and minutes
// (their role instead), and #tags typed in the details left in 說明 though they became tags.

let app: TestApp;
afterEach(() => app?.cleanup());

test('a facilitator without an agency is shown with their role in attendance and minutes', async () => {
  app = caseApp({}, { start: new Date('2026-03-27T14:00:00+08:00') });
  await say(app, 'amy', '/iam 交通部');
  await say(app, 'pdis', '/startmeeting');
  await say(app, 'amy', '交通部會提出盤點資料');
  await say(app, 'zed', '我還沒登記部會');
  await say(app, 'pdis', '/endmeeting');
  const summary = postTexts(app).find((t) => t.includes('出席'))!;
  expect(summary).toContain('pdis（主持人）');
  expect(summary).toContain('amy（交通部）');
  // Someone else without an agency is still 未登記部會.
  expect(summary).toContain('zed（未登記部會）');
  expect(summary).not.toContain('pdis（未登記部會）');
  const minutes = (await say(app, 'pdis', '/minutes')).answer!.message.file?.content ?? (await say(app, 'pdis', '/minutes')).text;
  expect(minutes).toContain('pdis（主持人）');
  app.cleanup();
  app = caseApp({ locale: 'en' }, { start: new Date('2026-03-27T14:00:00+08:00') });
  await say(app, 'pdis', '/startmeeting');
  await say(app, 'pdis', '/endmeeting');
  expect(postTexts(app).find((t) => t.includes('pdis ('))).toContain('pdis (facilitator)');
});

test('#tags typed in the details become tags and leave the details', async () => {
  app = caseApp({}, { start: new Date('2026-03-27T10:00:00+08:00') });
  await say(app, 'amy', '/propose 公車路線整併 | 跨縣市路線重疊 #交通部 #內政部，需協調\n第二行 ＃衛福部 說明');
  const issue = app.store.issues.get(1)!;
  expect(issue.details).toBe('跨縣市路線重疊，需協調\n第二行 說明');
  const names = issue.agencyIds.map((id) => app.bot.services.people.agencies.name(id));
  expect([...names].sort()).toEqual(['交通部', '內政部', '衛福部'].sort());
});
