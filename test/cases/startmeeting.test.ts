import type { TestApp } from '../support/app';
import { caseApp, count, postTexts, propose, say } from './helpers';

// Issue #13, deliverable 3: /startmeeting at 13:50 before the 14:00 PO 月會 opened a separate
// 臨時會議, so the monthly meeting had no minutes and its cases linked to the ad-hoc one.

let app: TestApp;
afterEach(() => app?.cleanup());

const MONTHLY = { id: 'po-monthly', title: 'PO 月會', kind: 'monthly', start: '2026-01-05 14:00', rrule: 'FREQ=MONTHLY;BYDAY=1MO', durationMin: 120 };
const START = new Date('2026-12-07T06:00:00Z'); // Mon 7 Dec 2026 14:00 Taipei

function monthlyApp(): TestApp {
  const a = caseApp({ meetings: { series: [MONTHLY], horizonDays: 40 } });
  a.meetings.expand(a.clock.now());
  return a;
}

function monthly(): number {
  return app.store.meetings.range(new Date(START.getTime() - 1), new Date(START.getTime() + 1), ['scheduled', 'closed'])[0]!.id;
}

test('/startmeeting 10 minutes before the scheduled 月會 records that meeting and says so; its decisions link to it', async () => {
  app = monthlyApp();
  await propose(app, 2);
  const meetings = count(app, 'meetings');
  const id = monthly();
  app.clock.set(new Date(START.getTime() - 10 * 60_000));
  await say(app, 'pdis', '/startmeeting');
  expect(postTexts(app).at(-1)).toBe(
    `📝 開始記錄排定的會議 #${id}「PO 月會」（2026年12月7日（一）14:00–16:00）\n之後在本頻道的訊息都會記入會議紀錄（發言者與時間）。標記：/topic 議題、/decision 決議、/action 列管、/info 資訊；結束：/endmeeting`,
  );
  expect(count(app, 'meetings')).toBe(meetings);
  await say(app, 'pdis', '/select 1');
  expect(app.store.cases.meetingIds(app.store.cases.byNumber(1)!.id)).toEqual([id]);
  await say(app, 'pdis', '/endmeeting');
  expect(app.store.minutes.byMeeting(id)).toBeDefined();
  // A scheduled meeting is left to /meeting close, which carries its unreached items over.
  expect(app.store.meetings.get(id)!.status).toBe('scheduled');
});

test('/startmeeting during the meeting attaches too; once its minutes exist a second session is ad-hoc and the answer says why', async () => {
  app = monthlyApp();
  const id = monthly();
  app.clock.set(new Date(START.getTime() + 60 * 60_000));
  await say(app, 'pdis', '/startmeeting');
  expect(postTexts(app).at(-1)).toContain(`開始記錄排定的會議 #${id}「PO 月會」`);
  await say(app, 'pdis', '/endmeeting');
  const highest = count(app, 'meetings');
  await say(app, 'pdis', '/startmeeting 續會');
  const text = postTexts(app).at(-1)!;
  expect(text).toContain(`開始記錄臨時會議 #${highest + 1}「續會」`);
  expect(text).toContain(`排定的會議 #${id}「PO 月會」已經有會議紀錄（/minutes ${id}），所以另開臨時會議。`);
});

test('more than 30 minutes early, or after the slot, /startmeeting opens a 臨時會議 and says there was none scheduled', async () => {
  app = monthlyApp();
  for (const at of [START.getTime() - 31 * 60_000, START.getTime() + 120 * 60_000]) {
    app.clock.set(new Date(at));
    await say(app, 'pdis', '/startmeeting');
    const text = postTexts(app).at(-1)!;
    expect(text).toMatch(/^📝 開始記錄臨時會議 #\d+「臨時會議」\n本頻道沒有 30 分鐘內開始或正在進行的排定會議，所以新開了臨時會議。/);
    await say(app, 'pdis', '/endmeeting');
  }
  expect(app.store.minutes.byMeeting(monthly())).toBeUndefined();
});

test('/startmeeting <編號> picks that meeting; a cancelled one or one with minutes is refused and nothing is created', async () => {
  app = monthlyApp();
  const id = monthly();
  // A week early, by number.
  await say(app, 'pdis', `/startmeeting #${id}`);
  expect(postTexts(app).at(-1)).toContain(`開始記錄排定的會議 #${id}「PO 月會」`);
  await say(app, 'pdis', '/endmeeting');
  const meetings = count(app, 'meetings');
  expect(await say(app, 'pdis', `/startmeeting ${id}`)).toMatchObject({ text: `會議 #${id} 已經有會議紀錄（/minutes ${id}）。`, private: true });
  const next = app.store.meetings.range(new Date(START.getTime() + 1), new Date('2027-02-01'), ['scheduled'])[0]!;
  await say(app, 'pdis', `/meeting cancel ${next.id}`);
  expect((await say(app, 'pdis', `/startmeeting ${next.id}`)).text).toBe(`會議 #${next.id} 已取消或已結束，不能開始記錄。輸入 /meetings 查看排定的會議。`);
  expect((await say(app, 'pdis', '/startmeeting 9999')).text).toContain('9999');
  expect(count(app, 'meetings')).toBe(meetings);
  expect(app.store.minutes.recording('console:main')).toBeUndefined();
});
