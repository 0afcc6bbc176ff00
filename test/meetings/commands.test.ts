import { PassThrough } from 'node:stream';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ical from 'node-ical';
import { meetingApp, meetingConfig, FACILITATOR, type MeetingTestApp } from './support';
import { ConsoleAdapter } from '../../src/adapters/console/console.adapter';

let app: MeetingTestApp;
afterEach(() => app?.cleanup());

const count = () => app.store.meetings.range(new Date(0), new Date('2100-01-01'), ['scheduled', 'cancelled', 'closed']).length;

test('/meeting add creates an ad-hoc meeting with reminders, in this chat and the home chats', async () => {
  app = meetingApp(meetingConfig({ series: [], homeChats: ['slack:C1'] }));
  const answer = await app.cmd(FACILITATOR, '/meeting add 交通部 協作會議 下週五 下午2點 90m');
  expect(answer).toBe('已新增會議 #1「交通部 協作會議」：2026年12月11日（五）14:00–15:30。');
  const m = app.store.meetings.get(1)!;
  expect(m).toMatchObject({ series: null, kind: 'other', durationMin: 90, chats: ['slack:C1', 'console:main'], status: 'scheduled' });
  expect(app.store.jobs.pending('meeting:1:').map((j) => [j.kind, j.dueAt.toISOString()])).toEqual([
    ['meetings.remind', '2026-12-10T06:00:00.000Z'],
    ['meetings.agenda', '2026-12-10T06:00:00.000Z'],
    ['meetings.remind', '2026-12-11T05:00:00.000Z'],
  ]);
  expect(await app.cmd('anyone', '/meeting 1')).toBe('#1 交通部 協作會議\n類型：會議；狀態：已排定\n時間：2026年12月11日（五）14:00–15:30\n提醒時間：2026年12月10日（四）14:00、2026年12月11日（五）13:00');
});

test('an ad-hoc meeting on a holiday says so when added', async () => {
  app = meetingApp(meetingConfig({ series: [] }));
  expect(await app.cmd(FACILITATOR, '/meeting add 元旦特別會議 2027-01-01 10:00')).toBe('已新增會議 #1「元旦特別會議」：2027年1月1日（五）10:00–11:00。\n⚠️ 當天是放假日：中華民國開國紀念日 / 元旦');
});

test('bad /meeting input is refused clearly and changes nothing', async () => {
  app = meetingApp(meetingConfig({ series: [] }));
  const before = count();
  expect(await app.cmd('moi1', '/meeting add 會議 明天 10:00')).toBe('這個動作只有主持人（PDIS）可以執行。');
  expect(await app.cmd(FACILITATOR, '/meeting add')).toContain('用法：/meeting add <名稱> <日期> <時間> [長度]');
  expect(await app.cmd(FACILITATOR, '/meeting add 沒有時間的會議')).toContain('用法：/meeting add');
  expect(await app.cmd(FACILITATOR, '/meeting add 會議 昨天 10:00')).toBe('2026年11月30日（一）10:00 已經過了，請提供未來的時間。');
  expect(await app.cmd(FACILITATOR, '/meeting add 會議 今天 09:00')).toBe('2026年12月1日（二）09:00 已經過了，請提供未來的時間。');
  expect(await app.cmd(FACILITATOR, '/meeting add 會議 明天 3點')).toContain('時間不明確');
  expect(await app.cmd(FACILITATOR, '/meeting add 會議 12/4')).toContain('請同時提供時間');
  expect(await app.cmd(FACILITATOR, '/meeting add 會議 明天 10:00 13h')).toContain('會議長度需在 5 分鐘到 12 小時之間');
  expect(await app.cmd(FACILITATOR, '/meeting add @channel 會議 明天 10:00')).toContain('全體提及');
  expect(await app.cmd(FACILITATOR, `/meeting add ${'長'.repeat(81)} 明天 10:00`)).toContain('最多 80 字');
  expect(await app.cmd(FACILITATOR, '/meeting cancel')).toContain('請提供數字編號');
  expect(await app.cmd(FACILITATOR, '/meeting cancel 9')).toBe('找不到會議 #9。輸入 /meetings 查看即將舉行的會議。');
  expect(await app.cmd(FACILITATOR, '/meeting move 9')).toContain('用法：/meeting move');
  expect(await app.cmd(FACILITATOR, '/meeting frobnicate')).toContain('用法：\n/meeting <編號>');
  expect(count()).toBe(before);
});

test('/meeting move refuses a past or unreadable time and leaves the meeting as it was', async () => {
  app = meetingApp();
  const [m] = app.store.meetings.between(new Date(0), new Date('2100-01-01'));
  const jobs = app.store.jobs.pending(`meeting:${m!.id}:`);
  expect(await app.cmd('moi1', `/meeting move ${m!.id} 12/8 10:00`)).toBe('這個動作只有主持人（PDIS）可以執行。');
  expect(await app.cmd(FACILITATOR, `/meeting move ${m!.id} 2026/11/30 10:00`)).toContain('已經過了');
  expect(await app.cmd(FACILITATOR, `/meeting move ${m!.id} 某天`)).toContain('看不懂「某天」');
  expect(app.store.meetings.get(m!.id)).toEqual(m);
  expect(app.store.jobs.pending(`meeting:${m!.id}:`)).toEqual(jobs);
  // Cancelled or started meetings cannot be moved.
  await app.cmd(FACILITATOR, `/meeting cancel ${m!.id}`);
  expect(await app.cmd(FACILITATOR, `/meeting move ${m!.id} 12/8 10:00`)).toBe(`會議 #${m!.id} 已取消，不能再變更。`);
  expect(await app.cmd(FACILITATOR, `/meeting cancel ${m!.id}`)).toBe(`會議 #${m!.id} 已取消，不能再變更。`);
  const [next] = app.store.meetings.between(new Date(0), new Date('2100-01-01'));
  app.clock.set(new Date(next!.startsAt.getTime() + 60_000));
  expect(await app.cmd(FACILITATOR, `/meeting move ${next!.id} 12/30 10:00`)).toBe(`會議 #${next!.id} 已經開始，不能改期；結束後請用 /meeting close ${next!.id}。`);
});

test('/meetings lists what is coming, marking the one in progress', async () => {
  app = meetingApp(meetingConfig({ horizonDays: 14 }));
  expect(await app.cmd('anyone', '/meetings')).toBe('即將舉行的會議：\n#1〔週會〕協作會議 — 2026年12月4日（五）10:00–12:00\n#2〔週會〕協作會議 — 2026年12月11日（五）10:00–12:00');
  app.clock.set(new Date('2026-12-04T03:00:00Z'));
  expect((await app.cmd('anyone', '/meetings')).split('\n')[1]).toBe('#1〔週會〕協作會議 — 2026年12月4日（五）10:00–12:00 （進行中）');
});

test('ROC era dates when configured', async () => {
  app = meetingApp(meetingConfig({ rocEra: true, horizonDays: 7 }));
  expect(await app.cmd('anyone', '/meetings')).toBe('即將舉行的會議：\n#1〔週會〕協作會議 — 民國115年12月4日（五）10:00–12:00');
});

test('en locale answers in English', async () => {
  app = meetingApp(meetingConfig({ horizonDays: 7 }, { locale: 'en' }));
  expect(await app.cmd('anyone', '/meetings')).toBe('Upcoming meetings:\n#1 [weekly] 協作會議 - Fri 4 Dec 2026 10:00-12:00');
  expect(await app.cmd(FACILITATOR, '/meeting add Review tomorrow 3:00')).toBe('Ambiguous time: 03:00 or 15:00? Use the 24-hour clock (e.g. 15:00) or add am/pm.');
  expect(await app.cmd(FACILITATOR, '/meeting add Review tomorrow 3pm')).toBe('Added meeting #2 "Review": Wed 2 Dec 2026 15:00-16:00.');
});

test('/help lists the meeting commands', async () => {
  app = meetingApp();
  const help = await app.cmd('anyone', '/help');
  expect(help).toContain('/meeting ');
  expect(help).toContain('/meetings ');
  expect(help).toContain('/agenda ');
});

test('console: /meeting ics writes the file under the export folder and prints its path', async () => {
  app = meetingApp(meetingConfig({ horizonDays: 7 }));
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (b) => (out += b.toString()));
  const exportDir = join(app.dir, 'exports');
  const adapter = new ConsoleAdapter({ input, output, json: false, locale: 'zh-TW', exportDir });
  app.bot.setDelivery(adapter);
  await adapter.start((e) => app.bot.dispatch(e));
  input.end('/meeting ics\n');
  await adapter.finished;
  const path = join(exportDir, 'po-bot-meetings.ics');
  expect(out).toContain('[#1] 行事曆檔（iCalendar）：1 場會議。');
  expect(out).toContain(`📎 檔案已存到 ${path}`);
  expect(existsSync(path)).toBe(true);
  const events = Object.values(ical.sync.parseICS(readFileSync(path, 'utf8'))).filter((c) => c?.type === 'VEVENT');
  expect(events).toHaveLength(1);
});
