import type { TestApp } from '../support/app';
import { caseApp, postTexts, say, snapshot } from '../cases/helpers';

// Issue #25, item 12's meeting lows: /meetings past right after /meeting close, a meeting moved
// to a Saturday, 補假 named with the holiday it makes up for, /meeting move with a length, the
// 季會's motion carried three months ahead, the empty-list hint for /meetings past.

let app: TestApp;
afterEach(() => app?.cleanup());

const SERIES = {
  meetings: {
    series: [
      { id: 'collab', title: '協作會議', kind: 'weekly', start: '2026-01-02 10:00', rrule: 'FREQ=WEEKLY;BYDAY=FR', durationMin: 120 },
      { id: 'quarterly', title: '季會', kind: 'quarterly', start: '2026-03-25 14:00', rrule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=-1WE', durationMin: 120 },
    ],
  },
};

test('/meetings past lists a meeting closed before its time; with none, the hint fits the filter', async () => {
  app = caseApp({}, { start: new Date('2026-03-27T14:00:00+08:00') });
  const empty = await say(app, 'pdis', '/meetings past');
  expect(empty.text).toBe('還沒有已舉行或已結束的會議。輸入 /meetings 查看即將舉行的會議。');
  await say(app, 'pdis', '/meeting add 臨時協調 3/27 15:00');
  await say(app, 'pdis', '/meeting close 1');
  const past = await say(app, 'pdis', '/meetings past');
  expect(past.text).toBe('過去的會議（由近而遠）：\n#1〔會議〕臨時協調 — 2026年3月27日（五）15:00–16:00 （已結束）');
});

test('a meeting added or moved to a Saturday is warned about; 補假 says which holiday it makes up for', async () => {
  app = caseApp({}, { start: new Date('2026-03-27T14:00:00+08:00') });
  const added = await say(app, 'pdis', '/meeting add 臨時協調 3/30 15:00');
  expect(added.text).not.toContain('⚠️');
  // A move is announced in the meeting's chats (this one).
  await say(app, 'pdis', '/meeting move 1 3/28 10:00');
  const moved = postTexts(app).at(-1)!;
  expect(moved).toContain('改到 2026年3月28日（六）10:00–11:00');
  expect(moved).toContain('\n⚠️ 當天是週六，機關不上班。');
  expect((await say(app, 'pdis', '/meeting add 週日會議 3/29 10:00')).text).toContain('\n⚠️ 當天是週日，機關不上班。');
  await say(app, 'pdis', '/meeting move 1 4/3 10:00');
  expect(postTexts(app).at(-1)).toContain('\n⚠️ 當天是放假日：補假（兒童節）');
  expect((await say(app, 'pdis', '/meeting add 清明補假 4/6 10:00')).text).toContain('\n⚠️ 當天是放假日：補假（清明節）');
  // The due-date warning names it the same way.
  expect((await say(app, 'pdis', '/action 數位部 評估草案 期限：4/3')).text).toContain('⚠️ 2026年4月3日（五）是補假（兒童節），機關不上班');
  app.cleanup();
  app = caseApp({ locale: 'en' }, { start: new Date('2026-03-27T14:00:00+08:00') });
  expect((await say(app, 'pdis', '/meeting add Sync 4/3 10:00')).text).toContain("\n⚠️ That day is a day off: Substitute holiday (Children's Day)");
  expect((await say(app, 'pdis', '/meeting add Sync 3/28 10:00')).text).toContain('\n⚠️ That day is a Saturday; offices are closed.');
});

test('/meeting move with a length is told that move takes none; nothing changes', async () => {
  app = caseApp({}, { start: new Date('2026-03-27T14:00:00+08:00') });
  await say(app, 'pdis', '/meeting add 臨時協調 3/30 15:00');
  const before = snapshot(app);
  const r = await say(app, 'pdis', '/meeting move 1 3/31 15:00 2h');
  expect(r.text).toBe('改期不能改會議長度（2h）：/meeting move 只接日期與時間，例如 /meeting move 1 3/31 15:00。');
  expect(snapshot(app)).toEqual(before);
  expect(app.store.meetings.get(1)!.startsAt.toISOString()).toBe('2026-03-30T07:00:00.000Z');
});

test('closing the 季會 carries its motions to the next meeting of any kind, not three months on', async () => {
  app = caseApp(SERIES, { start: new Date('2026-03-20T09:00:00+08:00') });
  app.meetings.expand(app.clock.now());
  const all = app.store.meetings.between(new Date(0), new Date('2100-01-01'));
  const q = all.find((m) => m.series === 'quarterly')!;
  const nextCollab = all.find((m) => m.series === 'collab' && m.startsAt > q.startsAt)!;
  await say(app, 'amy', `/agenda add #${q.id} 沒討論到的動議`);
  app.clock.set(new Date('2026-03-25T16:00:00+08:00'));
  const r = await say(app, 'pdis', `/meeting close ${q.id}`);
  expect(r.text).toContain(`1 項未討論的臨時動議已移到下次會議 #${nextCollab.id}（2026年3月27日（五）10:00）。`);
  expect(app.store.agenda.queued(nextCollab.id, 10).rows.map((i) => i.text)).toEqual(['沒討論到的動議']);
});
