import { meetingApp, meetingConfig, processOn, tempDb, FACILITATOR, type MeetingTestApp } from './support';
import { remindKey } from '../../src/core/meetings/calendar';

// The Friday 4 December 2026 collaborative meeting starts 10:00 Taipei = 02:00 UTC.
const FRI = '2026-12-04T02:00:00Z';
const DAY_BEFORE = '2026-12-03T02:00:00Z';
const HOUR_BEFORE = '2026-12-04T01:00:00Z';

let app: MeetingTestApp;
afterEach(() => app?.cleanup());

async function at(a: MeetingTestApp, iso: string): Promise<string[]> {
  const before = a.delivery.posts.length;
  a.clock.set(new Date(iso));
  await a.scheduler.tick();
  return a.posts().slice(before);
}

const reminders = (posts: string[]) => posts.filter((p) => p.startsWith('⏰'));
const agendas = (posts: string[]) => posts.filter((p) => p.startsWith('議程'));

test('the process really runs in New York time', () => {
  expect(process.env.TZ).toBe('America/New_York');
  expect(new Date('2026-12-01T00:00:00Z').getTimezoneOffset()).toBe(300);
  expect(new Date('2026-07-01T00:00:00Z').getTimezoneOffset()).toBe(240);
});

test('reminders fire at the right Taipei time, 1 day and 1 hour before, with the agenda a day ahead', async () => {
  app = meetingApp();
  const m = app.bySeries('collab', FRI);
  expect(await at(app, '2026-12-03T01:59:59Z')).toEqual([]);
  const dayBefore = await at(app, DAY_BEFORE);
  expect(reminders(dayBefore)).toHaveLength(1);
  expect(reminders(dayBefore)[0]).toContain(`會議提醒：協作會議（#${m.id}）`);
  expect(reminders(dayBefore)[0]).toContain('時間：2026年12月4日（五）10:00–12:00（1 天後）');
  expect(reminders(dayBefore)[0]).not.toContain('延遲');
  expect(agendas(dayBefore)).toHaveLength(1);
  expect(await at(app, '2026-12-04T00:59:00Z')).toEqual([]);
  const hourBefore = await at(app, HOUR_BEFORE);
  expect(reminders(hourBefore)).toEqual([expect.stringContaining('（1 小時後）')]);
  expect(await at(app, FRI)).toEqual([]);
  // Posted to the meeting's chats: the console is always a home chat.
  expect(app.delivery.posts.every((p) => p.chat === 'console:main')).toBe(true);
});

test('reminders go to every home chat whose platform is running', async () => {
  app = meetingApp(meetingConfig({ homeChats: ['slack:C1', 'telegram:-100'] }));
  await at(app, DAY_BEFORE);
  const chats = app.delivery.posts.filter((p) => p.message.text.some((s) => typeof s === 'object' && 'bold' in s && s.bold.startsWith('⏰'))).map((p) => p.chat);
  expect(chats.sort()).toEqual(['console:main', 'slack:C1', 'telegram:-100']);
});

test('restart between scheduling and firing: the reminder is sent exactly once', async () => {
  const db = tempDb();
  const config = meetingConfig();
  try {
    const first = processOn(db.file, config, '2026-12-01T02:00:00Z');
    const m = first.bySeries('collab', FRI);
    const job = first.store.jobs.get(remindKey(m.id, 86_400_000))!;
    expect(job.dueAt.toISOString()).toBe('2026-12-03T02:00:00.000Z');
    first.stop();
    // Restarted exactly at the due time: start-up expansion finds the same meeting and job.
    const second = processOn(db.file, config, DAY_BEFORE);
    expect(second.bySeries('collab', FRI).id).toBe(m.id);
    expect(second.store.jobs.get(remindKey(m.id, 86_400_000))).toEqual(job);
    await second.scheduler.tick();
    expect(reminders(second.posts())).toHaveLength(1);
    second.stop();
    // And again a minute later: nothing is sent twice.
    const third = processOn(db.file, config, '2026-12-03T02:01:00Z');
    await third.scheduler.tick();
    expect(third.posts()).toEqual([]);
    third.stop();
  } finally {
    db.cleanup();
  }
});

test('a reminder missed while the bot was down is sent once, marked late', async () => {
  const db = tempDb();
  const config = meetingConfig();
  try {
    processOn(db.file, config, '2026-12-01T02:00:00Z').stop();
    const back = processOn(db.file, config, '2026-12-03T08:00:00Z');
    await back.scheduler.tick();
    await back.scheduler.tick();
    const sent = reminders(back.posts());
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('延遲提醒：原訂 2026年12月3日（四）10:00 發送');
    expect(sent[0]).toContain('18 小時後');
    // The agenda, late too, still goes out before the meeting.
    expect(agendas(back.posts())).toHaveLength(1);
    // The 1-hour reminder is not late: it comes on time.
    back.clock.set(new Date(HOUR_BEFORE));
    await back.scheduler.tick();
    expect(reminders(back.posts())).toHaveLength(2);
    expect(reminders(back.posts())[1]).not.toContain('延遲');
    back.stop();
  } finally {
    db.cleanup();
  }
});

test('after a long outage only the latest due reminder is sent; none once the meeting has started', async () => {
  const db = tempDb();
  const config = meetingConfig();
  try {
    processOn(db.file, config, '2026-12-01T02:00:00Z').stop();
    const back = processOn(db.file, config, '2026-12-04T01:30:00Z');
    await back.scheduler.tick();
    const sent = reminders(back.posts());
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('原訂 2026年12月4日（五）09:00');
    expect(sent[0]).toContain('30 分鐘後');
    back.stop();

    // The next week's meeting: the bot comes back only after it started.
    const late = processOn(db.file, config, '2026-12-11T02:30:00Z');
    await late.scheduler.tick();
    expect(late.posts()).toEqual([]);
    const m = late.bySeries('collab', '2026-12-11T02:00:00Z');
    expect(late.store.jobs.get(remindKey(m.id, 86_400_000))!.status).toBe('done');
    late.stop();
  } finally {
    db.cleanup();
  }
});

test('nothing is sent for a cancelled meeting', async () => {
  app = meetingApp();
  const m = app.bySeries('collab', FRI);
  const answer = await app.cmd(FACILITATOR, `/meeting cancel ${m.id}`);
  expect(answer).toBe('');
  expect(app.posts()).toEqual([`📅 會議取消：#${m.id}「協作會議」（原訂 2026年12月4日（五）10:00–12:00）。`]);
  expect(await at(app, DAY_BEFORE)).toEqual([]);
  expect(await at(app, HOUR_BEFORE)).toEqual([]);
  expect(app.store.meetings.get(m.id)!.status).toBe('cancelled');
  // Expanding the series again does not bring it back.
  app.meetings.expand(app.clock.now());
  expect(app.store.meetings.get(m.id)!.status).toBe('cancelled');
  expect(await at(app, '2026-12-04T01:30:00Z')).toEqual([]);
});

test('moving a meeting moves its reminders; a reminder already sent is sent again for the new time', async () => {
  // The Monday digest would post on the new time's eve as well: not what this test is about.
  app = meetingApp({ ...meetingConfig(), cases: { weeklyReport: { enabled: false } } });
  const m = app.bySeries('collab', FRI);
  expect(reminders(await at(app, DAY_BEFORE))).toHaveLength(1);
  app.clock.set(new Date('2026-12-03T03:00:00Z'));
  await app.cmd(FACILITATOR, `/meeting move ${m.id} 12/8 14:00`);
  expect(app.posts().at(-1)).toBe(`📅 會議改期：#${m.id}「協作會議」改到 2026年12月8日（二）14:00–16:00（原訂 2026年12月4日（五）10:00–12:00）。提醒與議程跟著改期。`);
  // Nothing at the old times.
  expect(await at(app, HOUR_BEFORE)).toEqual([]);
  expect(await at(app, FRI)).toEqual([]);
  // The new time: 14:00 Taipei = 06:00 UTC on the 8th.
  expect(await at(app, '2026-12-07T05:59:00Z')).toEqual([]);
  const day = await at(app, '2026-12-07T06:00:00Z');
  expect(reminders(day)).toEqual([expect.stringContaining('2026年12月8日（二）14:00–16:00（1 天後）')]);
  expect(agendas(day)).toHaveLength(1);
  expect(reminders(await at(app, '2026-12-08T05:00:00Z'))).toHaveLength(1);
  // The series does not re-create the moved occurrence at its old slot.
  app.meetings.expand(new Date('2026-12-01T02:00:00Z'));
  expect(app.store.meetings.range(new Date(FRI), new Date('2026-12-04T02:00:01Z'), ['scheduled'])).toEqual([]);
});

test('a meeting moved to within the hour drops the reminders whose time has passed and posts its agenda now', async () => {
  app = meetingApp();
  const m = app.bySeries('collab', FRI);
  await app.cmd(FACILITATOR, `/meeting move ${m.id} 今天 10:30`);
  expect(app.store.jobs.pending(`meeting:${m.id}:remind:`)).toEqual([]);
  const now = await at(app, '2026-12-01T02:00:00Z');
  expect(reminders(now)).toEqual([]);
  expect(agendas(now)).toHaveLength(1);
  expect(await at(app, DAY_BEFORE)).toEqual([]);
});

test('a holiday is flagged on the meeting and its reminders', async () => {
  // meetingConfig() adds 12-25 行憲紀念日 as an extra rule.
  app = meetingApp(meetingConfig());
  const list = await app.cmd('someone', '/meetings');
  expect(list).toMatch(/2026年12月25日（五）10:00–12:00 ⚠️ 當天是放假日：行憲紀念日/);
  expect(list).not.toMatch(/12月18日[^\n]*⚠️/);
  const christmas = await at(app, '2026-12-24T02:00:00Z');
  expect(reminders(christmas)[0]).toContain('⚠️ 當天是放假日：行憲紀念日');
  // The library's own data: 2027-01-01 (元旦) falls on the Friday meeting.
  const newYear = await at(app, '2026-12-31T02:00:00Z');
  expect(reminders(newYear)[0]).toContain('⚠️ 當天是放假日：中華民國開國紀念日');
});

test('reminders name the agencies with items on the agenda', async () => {
  app = meetingApp();
  app.clock.set(new Date('2026-12-02T00:00:00Z'));
  await app.cmd('motc1', '/propose 公車路網調整 #內政部');
  await app.cmd('moda1', '/agenda add 數位身分證進度');
  const sent = reminders(await at(app, DAY_BEFORE));
  // 內政部 is tagged, 交通部 proposed it, 數位部 queued a motion; in the directory's order.
  expect(sent[0]).toContain('議程有事項的部會：內政部、交通部、數位部');
});

test('en locale: the same reminder in English, times still in Taipei', async () => {
  app = meetingApp(meetingConfig({}, { locale: 'en' }));
  const sent = reminders(await at(app, DAY_BEFORE));
  expect(sent).toEqual([expect.stringContaining('⏰ Meeting reminder: 協作會議')]);
  expect(sent[0]).toContain('When: Fri 4 Dec 2026 10:00-12:00 (in 1 day)');
});
