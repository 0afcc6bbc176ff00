import { meetingApp, meetingConfig, FACILITATOR, type MeetingTestApp } from './support';
import { richToPlain } from '../../src/core/types';
import { AGENDA_RECORD } from '../../src/core/meetings/meetings.jobs';

// A seeded week. Collaborative meetings on Fridays 10:00 Taipei: 27 Nov (the previous one), 4 Dec, 11 Dec.
const DEC4 = '2026-12-04T02:00:00Z';
const DEC11 = '2026-12-11T02:00:00Z';

let app: MeetingTestApp;
afterEach(() => app?.cleanup());

async function as(user: string, line: string, iso?: string): Promise<string> {
  if (iso) app.clock.set(new Date(iso));
  return app.cmd(user, line);
}

/** Issues and votes around the 27 Nov meeting, motions for 4 Dec. */
async function seedWeek(): Promise<{ old: number; a: number; b: number; c: number; d: number }> {
  app = meetingApp(meetingConfig(), '2026-11-20T00:00:00Z');
  await as('motc1', '/propose 舊議題：上次會議前提出 #交通部', '2026-11-26T00:00:00Z');
  await as('motc1', '/propose 議題A 公路監理 #交通部', '2026-11-28T00:00:00Z');
  await as('moi1', '/propose 議題B 戶政數位化 #內政部 #數位部');
  await as('mohw1', '/propose 議題C 長照');
  await as('mohw1', '/propose 議題D 已撤回');
  const ids = app.store.issues.list({ order: 'newest', limit: 10 }).rows.map((r) => r.issue.id).reverse();
  const [old, a, b, c, d] = ids as [number, number, number, number, number];
  await as('mohw1', `/withdraw ${d}`);
  for (const u of ['motc1', 'motc2', 'mohw1']) await as(u, `/vote ${a}`);
  for (const u of ['moi1', 'motc1', 'mohw1', 'stranger']) await as(u, `/vote ${b}`);
  for (const u of ['motc1', 'motc2', 'moi1', 'mohw1', 'moda1', 'stranger']) await as(u, `/vote ${old}`);
  return { old, a, b, c, d };
}

test('the agenda for a seeded week: four sections in order, issues since the last meeting ranked by votes per agency, motions', async () => {
  const ids = await seedWeek();
  const dec4 = app.bySeries('collab', DEC4);
  await as('moda1', '/agenda add 數位身分證試辦進度報告', '2026-12-01T00:00:00Z');
  await as('stranger', `/agenda add #${dec4.id} 請各部會確認年底聯絡窗口`);
  const text = await as('anyone', '/agenda');
  const lines = text.split('\n');
  expect(lines[0]).toBe(`議程：協作會議（#${dec4.id}）`);
  expect(lines[1]).toBe('時間：2026年12月4日（五）10:00–12:00');
  expect(lines).toEqual([
    `議程：協作會議（#${dec4.id}）`,
    '時間：2026年12月4日（五）10:00–12:00',
    '（草稿：開會前隨時更新）',
    '',
    '一、報告事項',
    '（無）',
    '',
    '二、歷次會議決議辦理情形',
    '（無）',
    '',
    '三、討論事項／投票議題',
    '（上次會議 2026年11月27日（五）10:00 以來提出、仍開放中的議題，依票數排序）',
    `1. 議題 #${ids.b} 議題B 戶政數位化 — 4 票／3 部會（內政部 1、交通部 1、衛福部 1、未登記部會 1）`,
    `2. 議題 #${ids.a} 議題A 公路監理 — 3 票／2 部會（交通部 2、衛福部 1）`,
    `3. 議題 #${ids.c} 議題C 長照 — 0 票／0 部會`,
    '',
    '四、臨時動議',
    expect.stringMatching(/^1\. 〔#\d+〕數位身分證試辦進度報告 — moda1（數位部）$/),
    expect.stringMatching(/^2\. 〔#\d+〕請各部會確認年底聯絡窗口 — stranger$/),
  ]);
  // The older issue (proposed before the 27 Nov meeting) and the withdrawn one are not on it.
  expect(text).not.toContain('舊議題');
  expect(text).not.toContain('議題D');
});

test('the first meeting of a series lists every open issue; a monthly meeting calls it the ballot', async () => {
  const monthly = { id: 'po-monthly', title: 'PO 月會', kind: 'monthly', start: '2026-01-05 14:00', rrule: 'FREQ=MONTHLY;BYDAY=1MO', durationMin: 120 };
  app = meetingApp(meetingConfig({ series: [monthly] }), '2026-11-20T00:00:00Z');
  await as('motc1', '/propose 一個議題');
  const m = app.bySeries('po-monthly', '2026-12-07T06:00:00Z');
  const text = await as('anyone', `/agenda ${m.id}`);
  expect(text).toContain('（所有仍開放、尚未成案的議題，依票數排序；未獲選的議題留在下次選題）');
  expect(text).toContain('本次月會就以下議題投票');
  expect(text).toContain('1. 議題 #1 一個議題 — 0 票／0 部會');
});

test('counting by agency ranks by agencies first', async () => {
  app = meetingApp(meetingConfig({}, { voting: { countBy: 'agency' } }), '2026-11-28T00:00:00Z');
  await as('motc1', '/propose 一部會多票');
  await as('motc1', '/propose 多部會');
  for (const u of ['motc1', 'motc2', 'stranger', 'someone']) await as(u, '/vote 1');
  for (const u of ['moi1', 'mohw1']) await as(u, '/vote 2');
  const text = await as('anyone', '/agenda');
  expect(text.indexOf('議題 #2 多部會 — 2 票／2 部會')).toBeLessThan(text.indexOf('議題 #1 一部會多票 — 4 票／1 部會'));
  expect(text).toContain('議題 #1 一部會多票 — 4 票／1 部會（交通部 2、未登記部會 2）');
});

test('closing a meeting carries the motions not reached to the next meeting of the series', async () => {
  await seedWeek();
  const dec4 = app.bySeries('collab', DEC4);
  const dec11 = app.bySeries('collab', DEC11);
  await as('moda1', '/agenda add 已討論的動議', '2026-12-01T00:00:00Z');
  await as('moi1', '/agenda add 沒討論到的動議');
  await as('motc1', '/agenda add 撤回的動議');
  const [reached, notReached, withdrawn] = app.store.agenda.queued(dec4.id, 10).rows;
  // Permissions: only the proposer or a facilitator withdraws; only a facilitator marks done.
  expect(await as('moi1', `/agenda remove ${withdrawn!.id}`)).toBe(`只有提出人或主持人可以撤回臨時動議 #${withdrawn!.id}。`);
  expect(await as('motc1', `/agenda remove ${withdrawn!.id}`)).toBe(`已撤回臨時動議 #${withdrawn!.id}。`);
  expect(await as('moda1', `/agenda done ${reached!.id}`)).toBe('這個動作只有主持人（PDIS）可以執行。');
  app.clock.set(new Date('2026-12-04T03:30:00Z'));
  expect(await as(FACILITATOR, `/agenda done ${reached!.id}`)).toBe(`已將臨時動議 #${reached!.id} 標記為已討論。`);
  expect(await as('moi1', `/meeting close ${dec4.id}`)).toBe('這個動作只有主持人（PDIS）可以執行。');
  expect(await as(FACILITATOR, `/meeting close ${dec4.id}`)).toBe(
    `已結束會議 #${dec4.id}「協作會議」。\n1 項未討論的臨時動議已移到下次會議 #${dec11.id}（2026年12月11日（五）10:00）。`,
  );
  expect(app.store.meetings.get(dec4.id)!.status).toBe('closed');
  const next = await as('anyone', '/agenda');
  expect(next).toContain(`議程：協作會議（#${dec11.id}）`);
  expect(next).toContain(`〔#${notReached!.id}〕沒討論到的動議 — moi1（內政部）（上次未討論：會議 #${dec4.id}「協作會議」2026年12月4日（五））`);
  expect(next).not.toContain('已討論的動議');
  expect(next).not.toContain('撤回的動議');
  // Since the 4 Dec meeting: the issues proposed before it are no longer on the list.
  expect(next).toContain('（上次會議 2026年12月4日（五）10:00 以來提出、仍開放中的議題，依票數排序）\n（無）');
  // A closed meeting takes no more motions and cannot be closed twice.
  expect(await as('moi1', `/agenda add #${dec4.id} 太晚了`)).toBe(`會議 #${dec4.id} 已結束，不能再排入臨時動議。`);
  expect(await as(FACILITATOR, `/meeting close ${dec4.id}`)).toBe(`會議 #${dec4.id} 已結束，不能再變更。`);
});

test('the posted agenda is updated in place when a motion is added', async () => {
  app = meetingApp();
  app.clock.set(new Date('2026-12-03T02:00:00Z'));
  await app.scheduler.tick();
  const dec4 = app.bySeries('collab', DEC4);
  const posted = app.delivery.posts.find((p) => richToPlain(p.message.text).startsWith('議程'))!;
  expect(app.store.links.find(posted.ref)).toEqual({ kind: AGENDA_RECORD, id: dec4.id });
  await as('moi1', '/agenda add 臨時加入的動議');
  const update = app.delivery.updates.find((u) => u.ref === posted.ref);
  expect(update && richToPlain(update.message.text)).toContain('臨時加入的動議 — moi1（內政部）');
});

test('bad agenda input is refused clearly and changes nothing', async () => {
  app = meetingApp();
  expect(await as('moi1', '/agenda add')).toContain('用法：/agenda add <內容>');
  expect(await as('moi1', '/agenda add @everyone 開會')).toContain('全體提及');
  expect(await as('moi1', '/agenda add <b>粗體</b>')).toContain('HTML');
  expect(await as('moi1', '/agenda add #999 某事')).toBe('找不到會議 #999。輸入 /meetings 查看即將舉行的會議。');
  expect(await as('moi1', '/agenda remove 42')).toBe('找不到臨時動議 #42。');
  expect(await as('moi1', '/agenda remove abc')).toContain('請提供數字編號');
  expect(await as('moi1', '/agenda what')).toContain('用法：/agenda');
  expect(app.store.agenda.queued(app.bySeries('collab', DEC4).id, 10).total).toBe(0);
});

test('with no meeting scheduled /agenda says so', async () => {
  app = meetingApp(meetingConfig({ series: [] }));
  expect(await as('moi1', '/agenda')).toBe('目前沒有排定、需要議程的會議。輸入 /meetings 查看會議。');
  expect(await as('moi1', '/agenda add 某事')).toBe('目前沒有排定、需要議程的會議。輸入 /meetings 查看會議。');
});

test('a meeting of a series without an agenda is skipped by /agenda and /agenda add', async () => {
  const pre = { id: 'premeeting', title: '會前會', kind: 'weekly', start: '2026-01-01 14:00', rrule: 'FREQ=WEEKLY;BYDAY=TH', durationMin: 60, agenda: false };
  app = meetingApp(meetingConfig({ series: [pre, { id: 'collab', title: '協作會議', kind: 'weekly', start: '2026-01-02 10:00', rrule: 'FREQ=WEEKLY;BYDAY=FR', durationMin: 120 }] }));
  const text = await as('moi1', '/agenda');
  expect(text.split('\n')[0]).toMatch(/^議程：協作會議/);
  expect(app.store.jobs.get(`meeting:${app.bySeries('premeeting', '2026-12-03T06:00:00Z').id}:agenda`)).toBeUndefined();
});

test('en locale: section headings and none', async () => {
  app = meetingApp(meetingConfig({}, { locale: 'en' }));
  const text = await as('moi1', '/agenda');
  expect(text).toMatch(/1\. Reports\n\(none\)\n\n2\. Follow-up on earlier decisions\n\(none\)\n\n3\. Discussion and vote\n.*\n\(none\)\n\n4\. Extempore motions\n\(none\)$/);
});

test('contributors from other features fill their sections, in order, and name their agencies', async () => {
  app = meetingApp();
  app.bot.use({
    name: 'cases-test',
    agenda: [
      { section: 'reports', order: 2, lines: () => [['第二案 進度']], agencies: () => [app.bot.services.people.agencies.find('衛福部')!.id] },
      { section: 'reports', order: 1, lines: () => [['第一案 進度']] },
      { section: 'followUps', order: 0, lines: (ctx) => [[`列管事項（自 ${ctx.since ? 'prev' : 'start'}）`]] },
    ],
  });
  const text = await as('moi1', '/agenda');
  expect(text).toContain('一、報告事項\n第一案 進度\n第二案 進度\n\n二、歷次會議決議辦理情形\n列管事項（自 start）');
  app.clock.set(new Date('2026-12-03T02:00:00Z'));
  await app.scheduler.tick();
  expect(app.posts().find((p) => p.startsWith('⏰'))).toContain('議程有事項的部會：衛福部');
});

test('/agenda add #N targets meeting N; text that starts with a number is text (issue #13)', async () => {
  app = meetingApp(meetingConfig(), '2026-12-01T00:00:00Z');
  const next = app.bySeries('collab', '2026-12-04T02:00:00Z');
  // Meeting #3 exists too: before, this queued 「個部會的資料交換問題」 to it.
  expect(app.store.meetings.get(3)).toBeDefined();
  expect(await as('moi1', '/agenda add 3 個部會的資料交換問題')).toBe(`已將臨時動議 〔#1〕 排入會議 #${next.id}「協作會議」（2026年12月4日（五）10:00）。撤回：/agenda remove 1`);
  expect(app.store.agenda.item(1)!.text).toBe('3 個部會的資料交換問題');
  expect(await as('moi1', '/agenda add #3 請交通部說明')).toContain('排入會議 #3「協作會議」');
  expect(app.store.agenda.item(2)).toMatchObject({ meetingId: 3, text: '請交通部說明' });
  expect(await as('moi1', '/agenda add ＃3 全形井號也行')).toContain('排入會議 #3');
});
