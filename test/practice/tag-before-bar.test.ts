import type { TestApp } from '../support/app';
import { caseApp, count, say } from '../cases/helpers';

// Issue #25, item 2: an agency tag typed right before ｜ (as a Chinese IME types it, with no
// space) ends there; the rest is the details.

let app: TestApp;
afterEach(() => app?.cleanup());

test('＃衛福部｜details: the tag is 衛福部 and the rest is the details', async () => {
  app = caseApp({}, { start: new Date('2026-03-27T09:00:00+08:00') });
  await say(app, 'chen', '/iam 衛福部');
  const r = await say(app, 'chen', '／propose 長照服務資訊整合 ＃衛福部｜長照２．０各縣市申請資訊分散');
  expect(r.text).not.toContain('找不到部會');
  expect(count(app, 'issues')).toBe(1);
  const row = app.db.$client.prepare('select title, details from issues').get() as { title: string; details: string };
  expect(row.title).toBe('長照服務資訊整合');
  expect(row.details).toBe('長照２．０各縣市申請資訊分散');
  expect(app.db.$client.prepare('select count(*) as n from issue_agencies').get()).toEqual({ n: 1 });
});

test('#數位部|說明 (half-width): the tag ends at | and the rest is the details', async () => {
  app = caseApp({}, { start: new Date('2026-03-27T09:00:00+08:00') });
  const r = await say(app, 'chen', '/propose 數位身分 #數位部|說明');
  expect(r.text).not.toContain('找不到部會');
  const row = app.db.$client.prepare('select title, details from issues').get() as { title: string; details: string };
  expect(row).toEqual({ title: '數位身分', details: '說明' });
  // A | inside a title without a tag before it still stays in the title.
  await say(app, 'chen', '/propose A|B 方案');
  expect((app.db.$client.prepare('select title from issues where id = 2').get() as { title: string }).title).toBe('A|B 方案');
});
