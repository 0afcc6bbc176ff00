import { meetingApp, meetingConfig, FACILITATOR, COLLAB, type MeetingTestApp } from './support';
import { say, propose } from '../cases/helpers';

// Issue #13, deliverable 8: `…還有 25 筆` could not be paged, /meetings all and /meetings 2 were
// ignored, and /agenda for a 會前會 showed a generic agenda with 投票議題.

let app: MeetingTestApp;
afterEach(() => app?.cleanup());

const PREMEETING = { id: 'premeeting', title: '會前會', kind: 'weekly', start: '2026-01-01 14:00', rrule: 'FREQ=WEEKLY;BYDAY=TH', durationMin: 60, agenda: false };

test('/meetings pages 15 at a time; past and all list what was held, cancelled and closed', async () => {
  app = meetingApp(meetingConfig({ series: [COLLAB, PREMEETING], horizonDays: 120 }));
  const first = await app.cmd('anyone', '/meetings');
  const lines = first.split('\n');
  expect(lines).toHaveLength(1 + 15 + 1);
  expect(lines.at(-1)).toBe('第 1/3 頁，共 34 筆。下一頁：/meetings 2');
  const second = await app.cmd('anyone', '/meetings 2');
  expect(second.split('\n')[1]).not.toBe(lines[1]);
  expect(second).toContain('第 2/3 頁，共 34 筆。下一頁：/meetings 3');
  expect((await app.cmd('anyone', '/meetings 3')).split('\n').at(-1)).toBe('第 3/3 頁，共 34 筆。');
  expect(await app.cmd('anyone', '/meetings 9')).toBe('沒有第 9 頁：目前共 3 頁。');
  expect(await app.cmd('anyone', '/meetings soon')).toBe('用法：/meetings [all|past] [頁碼]，例如 /meetings、/meetings 2、/meetings past、/meetings all 3');

  const collab = app.bySeries('collab', '2026-12-04T02:00:00Z');
  const pre = app.bySeries('premeeting', '2026-12-10T06:00:00Z');
  await app.cmd(FACILITATOR, `/meeting cancel ${pre.id}`);
  app.clock.set(new Date('2026-12-04T05:00:00Z'));
  await app.cmd(FACILITATOR, `/meeting close ${collab.id}`);
  const past = await app.cmd('anyone', '/meetings past');
  expect(past.split('\n')[0]).toBe('過去的會議（由近而遠）：');
  expect(past.split('\n')[1]).toBe(`#${collab.id}〔週會〕協作會議 — 2026年12月4日（五）10:00–12:00 （已結束）`);
  expect(past).toContain('#' + app.bySeries('premeeting', '2026-12-03T06:00:00Z').id + '〔週會〕會前會 — 2026年12月3日（四）14:00–15:00');
  const all = await app.cmd('anyone', '/meetings all');
  expect(all.split('\n')[0]).toBe('所有會議（依時間）：');
  expect(all).toContain(`#${pre.id}〔週會〕會前會 — 2026年12月10日（四）14:00–15:00 （已取消）`);
});

test('/agenda for a 會前會 says it has no agenda; /agenda add to it is refused', async () => {
  app = meetingApp(meetingConfig({ series: [COLLAB, PREMEETING] }));
  const pre = app.bySeries('premeeting', '2026-12-03T06:00:00Z');
  const text = `會議 #${pre.id}「會前會」這類會議不編議程（例如會前會），所以沒有議程，也不排臨時動議。輸入 /agenda 查看下次會議的議程。`;
  expect(await app.cmd('anyone', `/agenda ${pre.id}`)).toBe(text);
  expect(await app.cmd('anyone', `/agenda add #${pre.id} 一件事`)).toBe(text);
  expect(app.store.agenda.queued(pre.id, 10).total).toBe(0);
});

test('/cases and /actions page 20 at a time and name the next page', async () => {
  app = meetingApp(meetingConfig({ series: [] }));
  await propose(app, 23);
  await say(app, 'pdis', `/select ${Array.from({ length: 10 }, (_, i) => i + 1).join(' ')}`);
  await say(app, 'pdis', `/select ${Array.from({ length: 10 }, (_, i) => i + 11).join(' ')}`);
  await say(app, 'pdis', '/select 21 22 23');
  const cases = (await say(app, 'anyone', '/cases')).text.split('\n');
  expect(cases).toHaveLength(1 + 20 + 2);
  expect(cases.slice(-2)).toEqual(['共 23 案。', '第 1/2 頁，共 23 筆。下一頁：/cases 2']);
  const page2 = (await say(app, 'anyone', '/cases 2')).text.split('\n');
  expect(page2[1]).toMatch(/^第二十一案/);
  expect((await say(app, 'anyone', '/cases all 2')).text).toContain('第 2/2 頁，共 23 筆。');
  for (let i = 0; i < 21; i++) await say(app, 'pdis', `/action 交通部 事項 ${i + 1}`);
  const items = (await say(app, 'anyone', '/actions')).text.split('\n');
  expect(items.at(-1)).toBe('第 1/2 頁，共 21 筆。下一頁：/actions 2');
  expect((await say(app, 'anyone', '/actions 交通部 2')).text).toContain('持續列管 #21');
  expect((await say(app, 'anyone', '/actions 5')).text).toBe('沒有第 5 頁：目前共 2 頁。');
});
