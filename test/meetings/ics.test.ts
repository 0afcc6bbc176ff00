import ical from 'node-ical';
import { meetingApp, meetingConfig, FACILITATOR, type MeetingTestApp } from './support';
import type { OutboundMessage } from '../../src/core/types';

let app: MeetingTestApp;
afterEach(() => app?.cleanup());

async function exportIcs(): Promise<{ message: OutboundMessage; events: ical.VEvent[] }> {
  const answer = await app.bot.dispatch({ kind: 'command', name: 'meeting', args: 'ics', actor: { platform: 'console', id: 'moi1', name: 'moi1' }, chat: 'console:main' });
  const message = answer!.message;
  expect(message.file).toMatchObject({ filename: 'po-bot-meetings.ics', mime: 'text/calendar' });
  const parsed = ical.sync.parseICS(message.file!.content);
  const events = Object.values(parsed).filter((c): c is ical.VEvent => c?.type === 'VEVENT');
  return { message, events };
}

test('the calendar file parses, with every upcoming meeting at its time and a stable UID', async () => {
  app = meetingApp(meetingConfig({ horizonDays: 21 }));
  const { message, events } = await exportIcs();
  expect(message.text.join('')).toBe('行事曆檔（iCalendar）：3 場會議。匯入行事曆後，之後再次匯入會更新既有活動，不會重複。');
  expect(events.map((e) => [e.summary, e.start.toISOString(), e.end!.toISOString()])).toEqual([
    ['協作會議', '2026-12-04T02:00:00.000Z', '2026-12-04T04:00:00.000Z'],
    ['協作會議', '2026-12-11T02:00:00.000Z', '2026-12-11T04:00:00.000Z'],
    ['協作會議', '2026-12-18T02:00:00.000Z', '2026-12-18T04:00:00.000Z'],
  ]);
  expect(events.map((e) => e.uid)).toEqual(['collab-1796349600000@po-bot.local', 'collab-1796954400000@po-bot.local', 'collab-1797559200000@po-bot.local']);
  expect(new Set(events.map((e) => e.uid)).size).toBe(3);
  expect(events[0]!.description).toContain('/agenda');
  // DTSTAMP comes from the injected clock.
  expect(new Date(events[0]!.dtstamp).toISOString()).toBe('2026-12-01T02:00:00.000Z');
});

test('UIDs round-trip: a later export of the same meetings reuses them; a move bumps SEQUENCE, a cancel marks CANCELLED', async () => {
  app = meetingApp(meetingConfig({ horizonDays: 21 }));
  const before = await exportIcs();
  const [first, second] = app.store.meetings.between(new Date(0), new Date('2100-01-01'));
  await app.cmd(FACILITATOR, `/meeting move ${first!.id} 12/5 14:00`);
  await app.cmd(FACILITATOR, `/meeting cancel ${second!.id}`);
  await app.cmd(FACILITATOR, '/meeting add 交通部協作會議 12/9 15:00 90m');
  const after = await exportIcs();
  const byUid = new Map(after.events.map((e) => [e.uid, e]));
  for (const e of before.events) expect(byUid.has(e.uid)).toBe(true);
  const moved = byUid.get(before.events[0]!.uid)!;
  expect(moved.start.toISOString()).toBe('2026-12-05T06:00:00.000Z');
  expect(Number(moved.sequence)).toBe(1);
  const cancelled = byUid.get(before.events[1]!.uid)!;
  expect(cancelled.status).toBe('CANCELLED');
  expect(Number(cancelled.sequence)).toBe(1);
  const adhoc = after.events.find((e) => e.summary === '交通部協作會議')!;
  expect(adhoc.uid).toMatch(/^meeting-\d+@po-bot\.local$/);
  expect([adhoc.start.toISOString(), adhoc.end!.toISOString()]).toEqual(['2026-12-09T07:00:00.000Z', '2026-12-09T08:30:00.000Z']);
  expect(Number(after.events.find((e) => e.uid === before.events[2]!.uid)!.sequence)).toBe(0);
});

test('titles with commas, semicolons and long Chinese text survive the round trip', async () => {
  app = meetingApp(meetingConfig({ series: [] }));
  const long = '跨部會協作會議：公路監理數位化與戶政資料介接'.repeat(3);
  await app.cmd(FACILITATOR, '/meeting add 交通部, 內政部; 協作 明天 10:00');
  await app.cmd(FACILITATOR, `/meeting add ${long} 明天 14:00`);
  const { message, events } = await exportIcs();
  expect(events.map((e) => e.summary)).toEqual(['交通部, 內政部; 協作', long]);
  // Lines are folded at 75 octets without splitting a character.
  for (const line of message.file!.content.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  expect(message.file!.content).not.toContain('\uFFFD');
});

test('with nothing upcoming it says so instead of sending an empty file', async () => {
  app = meetingApp(meetingConfig({ series: [] }));
  const answer = await app.bot.dispatch({ kind: 'command', name: 'meeting', args: 'ics', actor: { platform: 'console', id: 'x', name: 'x' }, chat: 'console:main' });
  expect(answer!.message.file).toBeUndefined();
  expect(answer!.message.text).toEqual(['目前沒有可匯出的會議。']);
});
