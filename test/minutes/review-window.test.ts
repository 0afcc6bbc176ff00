import { startSite, type WebSite } from '../web/support';
import { say, snapshot } from '../cases/helpers';
import { Scheduler } from '../../src/scheduler/scheduler';
import { silentLogger } from '../../src/core/logger';
import { richToPlain } from '../../src/core/types';

// Issue #27, items 1–2 on the web: during the correction window only signed-in people see the
// minutes, marked 草稿; publication (the day, or a facilitator's /minutes publish) makes the
// corrected text public, adds the Atom entry and says so once in the home chats. /minutes hold
// stops the clock. Bad input is answered and changes nothing.

let s: WebSite;
afterEach(() => s?.close());
const TUE = new Date('2026-09-22T14:00:00+08:00');
/** Two working days after Thu 9/24 (9/25 中秋節, 9/28 教師節, a weekend between): Wed 9/30. */
const THU = new Date('2026-09-24T14:00:00+08:00');

async function meeting(): Promise<void> {
  await say(s.app, 'pdis', '/startmeeting 9月協作會議');
  await say(s.app, 'amy', '交通部下週提供資料');
  await say(s.app, 'bob', '勞動部無意見');
  await say(s.app, 'pdis', '/endmeeting');
}

const reviewed = () => (s.app.db.$client.prepare('select count(*) as n from minutes_reviews').get() as { n: number }).n;
const texts = () => s.app.db.$client.prepare('select text, original_text as original from minutes_lines order by id').all();

test('a draft is for signed-in people only, marked 草稿; publication shows the corrected text, the feed entry and one home-chat line', async () => {
  s = await startSite({ facilitators: ['console:pdis'], minutes: { reviewWorkingDays: 10 } }, { start: TUE });
  await meeting();
  await say(s.app, 'amy', '/minutes fix 1 1 交通部下週五提供事故資料');
  const anonymous = await (await s.get('/meetings/1')).text();
  expect(anonymous).not.toContain('交通部下週');
  const cookie = await s.signIn('amy');
  const signedIn = await (await s.get('/meetings/1', { cookie })).text();
  expect(signedIn).toContain('（草稿，校對中，尚未公開）');
  expect(signedIn).toContain('交通部下週五提供事故資料');
  expect(await (await s.get('/feed.atom')).text()).not.toContain('9月協作會議');
  // The original stays in the line's history, not in anything published.
  expect(texts()[0]).toEqual({ text: '交通部下週五提供事故資料', original: '交通部下週提供資料' });

  const before = s.app.delivery.posts.length;
  const r = await say(s.app, 'pdis', '/minutes publish 1');
  expect(r.text).toContain('已公開會議 #1 的會議紀錄');
  const home = s.app.delivery.posts.slice(before).map((p) => richToPlain(p.message.text));
  expect(home).toHaveLength(1);
  expect(home[0]).toContain('📢 會議 #1「9月協作會議」的會議紀錄已公開。');
  expect(home[0]).not.toContain('\n');
  const page = await (await s.get('/meetings/1')).text();
  expect(page).toContain('交通部下週五提供事故資料');
  expect(page).not.toContain('交通部下週提供資料');
  expect(page).not.toContain('草稿');
  expect(await (await s.get('/feed.atom')).text()).toContain('9月協作會議');
  expect(await (await s.get('/meetings/1/minutes.md')).text()).toContain('交通部下週五提供事故資料');
});

test('/minutes hold stops the clock: the day passes unpublished; /minutes publish publishes', async () => {
  s = await startSite({ facilitators: ['console:pdis'], minutes: { reviewWorkingDays: 2 } }, { start: THU });
  const scheduler = new Scheduler(s.app.bot, s.app.store.jobs, s.app.clock, silentLogger);
  await meeting();
  expect((await say(s.app, 'pdis', '/minutes hold 1 交通部確認第 1 行')).text).toContain('暫停公開（交通部確認第 1 行）');
  s.app.clock.set(new Date('2026-09-30T09:00:00+08:00'));
  await scheduler.tick();
  expect(s.app.store.minutes.byMeeting(1)!.publishedAt).toBeNull();
  expect(await (await s.get('/meetings/1')).text()).not.toContain('交通部下週提供資料');
  await say(s.app, 'pdis', '/minutes publish 1');
  expect(s.app.store.minutes.byMeeting(1)!.publishedAt).not.toBeNull();
});

test('without hold the job publishes at 09:00 on the day, not before', async () => {
  s = await startSite({ facilitators: ['console:pdis'], minutes: { reviewWorkingDays: 2 }, web: { baseUrl: 'https://po.example.tw' } }, { start: THU });
  const scheduler = new Scheduler(s.app.bot, s.app.store.jobs, s.app.clock, silentLogger);
  await meeting();
  s.app.clock.set(new Date('2026-09-30T08:59:00+08:00'));
  await scheduler.tick();
  expect(s.app.store.minutes.byMeeting(1)!.publishedAt).toBeNull();
  s.app.clock.set(new Date('2026-09-30T09:00:00+08:00'));
  await scheduler.tick();
  expect(s.app.store.minutes.byMeeting(1)!.publishedAt).toEqual(new Date('2026-09-30T09:00:00+08:00'));
  expect(await (await s.get('/meetings/1')).text()).toContain('交通部下週提供資料');
  // One line in the home chat, with the link.
  expect(richToPlain(s.app.delivery.posts.at(-1)!.message.text)).toMatch(/^📢 會議 #1「9月協作會議」的會議紀錄已公開。 🔗 網頁：https:\/\/po\.example\.tw\/meetings\/1$/);
});

test('bad input: a clear answer, nothing changed', async () => {
  s = await startSite({ facilitators: ['console:pdis'], minutes: { reviewWorkingDays: 10 } }, { start: TUE });
  await say(s.app, 'pdis', '/startmeeting 9月協作會議');
  await say(s.app, 'amy', '交通部下週提供資料');
  expect((await say(s.app, 'amy', '/minutes fix 1 1 改')).text).toContain('還在記錄中');
  await say(s.app, 'bob', '勞動部無意見');
  await say(s.app, 'pdis', '/endmeeting');
  const before = { ...snapshot(s.app), reviewed: reviewed(), texts: texts() };
  const cases: [string, string, string][] = [
    ['bob', '/minutes fix 1 1 改別人的', '第 1 行是 amy 的發言'],
    ['amy', '/minutes fix 1 9 x', '會議 #1 的紀錄沒有第 9 行（共 2 行）'],
    ['amy', '/minutes fix 1 1', '用法：/minutes fix'],
    ['amy', '/minutes fix 1 1    ', '用法：/minutes fix'],
    ['amy', '/minutes fix', '用法：/minutes fix'],
    ['amy', `/minutes fix 1 1 ${'字'.repeat(3500)}`, '太長'],
    ['amy', '/minutes fix 7 1 x', '會議 #7 沒有會議紀錄'],
    ['carol', '/minutes ok 1', '您在會議 #1 沒有發言'],
    ['amy', '/minutes hold 1 等等', '只有主持人'],
    ['pdis', '/minutes hold 1', '用法：/minutes hold'],
    ['amy', '/minutes publish 1', '只有主持人'],
    ['pdis', '/minutes publish x', '用法：/minutes publish'],
  ];
  for (const [who, line, answer] of cases) expect((await say(s.app, who, line)).text).toContain(answer);
  expect({ ...snapshot(s.app), reviewed: reviewed(), texts: texts() }).toEqual(before);
  await say(s.app, 'pdis', '/minutes publish 1');
  expect((await say(s.app, 'pdis', '/minutes publish 1')).text).toContain('已經公開');
  expect((await say(s.app, 'amy', '/minutes fix 1 1 太晚')).text).toContain('已經公開，不能再修正');
  expect((await say(s.app, 'amy', '/minutes ok 1')).text).toContain('已經公開');
});

test('en: the window in English', async () => {
  s = await startSite({ facilitators: ['console:pdis'], locale: 'en', minutes: { reviewWorkingDays: 10 } }, { start: TUE });
  await meeting();
  const list = s.app.delivery.privates.find((p) => p.to.id === 'amy')!;
  expect(richToPlain(list.message.text)).toContain('Draft minutes of meeting #1');
  expect(richToPlain(list.message.text)).toContain('1. 交通部下週提供資料');
  expect((await say(s.app, 'bob', '/minutes fix 1 1 x')).text).toContain("Line 1 of meeting #1 is amy's");
});
