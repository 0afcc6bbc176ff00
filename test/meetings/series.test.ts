import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, parseConfig } from '../../src/config/load';
import { meetingSettings } from '../../src/core/meetings/meetings.settings';
import { occurrences } from '../../src/core/meetings/series';
import { LibraryHolidays } from '../../src/core/meetings/holidays';
import { createApp } from '../../src/app';
import { silentLogger } from '../../src/core/logger';
import { meetingApp, meetingConfig, COLLAB, MONTHLY, FACILITATOR, type MeetingTestApp } from './support';

let app: MeetingTestApp;
afterEach(() => app?.cleanup());

const holidays = new LibraryHolidays('TW');

function settings(series: Record<string, unknown>[], timezone = 'Asia/Taipei') {
  const config = parseConfig({ timezone, meetings: { series } });
  return meetingSettings(config.meetings, { timezone, holidays });
}

const iso = (ds: Date[]) => ds.map((d) => d.toISOString());

test('series occurrences fall at their Taipei wall time whatever the process zone', () => {
  const s = settings([COLLAB, MONTHLY, { id: 'q', title: '季會', kind: 'quarterly', start: '2026-03-25 14:00', rrule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=-1WE', durationMin: 120 }]);
  const from = new Date('2026-12-01T00:00:00Z');
  const to = new Date('2027-07-01T00:00:00Z');
  expect(iso(occurrences(s.series[0]!, from, new Date('2026-12-19T00:00:00Z'), s.timezone))).toEqual(['2026-12-04T02:00:00.000Z', '2026-12-11T02:00:00.000Z', '2026-12-18T02:00:00.000Z']);
  // First Monday of each month, 14:00 Taipei.
  expect(iso(occurrences(s.series[1]!, from, new Date('2027-03-01T00:00:00Z'), s.timezone))).toEqual(['2026-12-07T06:00:00.000Z', '2027-01-04T06:00:00.000Z', '2027-02-01T06:00:00.000Z']);
  // Last Wednesday of March, June, September, December.
  expect(iso(occurrences(s.series[2]!, from, to, s.timezone))).toEqual(['2026-12-30T06:00:00.000Z', '2027-03-31T06:00:00.000Z', '2027-06-30T06:00:00.000Z']);
});

test('a series in a daylight-saving zone keeps its wall time across the change', () => {
  const s = settings([{ ...COLLAB, start: '2027-03-05 10:00' }], 'America/New_York');
  expect(iso(occurrences(s.series[0]!, new Date('2027-03-01T00:00:00Z'), new Date('2027-03-20T00:00:00Z'), s.timezone))).toEqual([
    '2027-03-05T15:00:00.000Z',
    '2027-03-12T15:00:00.000Z',
    '2027-03-19T14:00:00.000Z',
  ]);
});

test('expanding is idempotent and keeps to the horizon', () => {
  app = meetingApp(meetingConfig({ horizonDays: 30 }));
  const first = app.store.meetings.range(new Date(0), new Date('2100-01-01'), ['scheduled']);
  expect(first.map((m) => m.startsAt.toISOString())).toEqual(['2026-12-04T02:00:00.000Z', '2026-12-11T02:00:00.000Z', '2026-12-18T02:00:00.000Z', '2026-12-25T02:00:00.000Z']);
  expect(app.meetings.expand(app.clock.now())).toEqual({ created: 0, retired: 0 });
  const jobs = app.store.jobs.pending().length;
  app.meetings.expand(app.clock.now());
  expect(app.store.jobs.pending().length).toBe(jobs);
  // A week later the horizon has moved on by one meeting, and the next expansion is booked.
  app.clock.set(new Date('2026-12-08T00:00:00Z'));
  expect(app.meetings.expand(app.clock.now()).created).toBe(1);
  expect(app.store.jobs.get('meetings:expand:2026-12-09')!.dueAt.toISOString()).toBe('2026-12-08T16:00:00.000Z');
});

test('the scheduler re-expands the series every day', async () => {
  app = meetingApp(meetingConfig({ horizonDays: 7 }));
  expect(app.store.meetings.between(new Date(0), new Date('2100-01-01'))).toHaveLength(1);
  app.clock.set(new Date('2026-12-05T16:00:00Z'));
  await app.scheduler.tick();
  expect(app.store.meetings.between(new Date(0), new Date('2100-01-01'))).toHaveLength(2);
});

test('a changed rule retires untouched future occurrences, keeps moved ones and applies new details', async () => {
  app = meetingApp(meetingConfig({ horizonDays: 21 }));
  const [a, b] = app.store.meetings.between(new Date(0), new Date('2100-01-01'));
  await app.cmd(FACILITATOR, `/meeting move ${b!.id} 2026-12-12 10:00`);
  await app.cmd('moi1', `/agenda add #${a!.id} 要帶過去的動議`);
  // Same process, new configuration: Thursdays at 14:00, renamed.
  const next = createApp({
    config: parseConfig(meetingConfig({ horizonDays: 21, series: [{ ...COLLAB, title: '協作會議（週四）', start: '2026-01-01 14:00', rrule: 'FREQ=WEEKLY;BYDAY=TH' }] })),
    databasePath: join(app.dir, 'test.sqlite'),
    clock: app.clock,
    logger: silentLogger,
  });
  try {
    const result = next.meetings.expand(app.clock.now());
    expect(result.retired).toBe(2);
    const list = next.store.meetings.between(new Date(0), new Date('2100-01-01'));
    expect(list.map((m) => [m.title, m.startsAt.toISOString()])).toEqual([
      ['協作會議（週四）', '2026-12-03T06:00:00.000Z'],
      ['協作會議（週四）', '2026-12-10T06:00:00.000Z'],
      // The moved one stays where the facilitator put it.
      ['協作會議', '2026-12-12T02:00:00.000Z'],
      ['協作會議（週四）', '2026-12-17T06:00:00.000Z'],
    ]);
    expect(next.store.meetings.get(a!.id)!.status).toBe('cancelled');
    expect(next.store.jobs.pending(`meeting:${a!.id}:`)).toEqual([]);
    // Its queued motion went to the series' next meeting.
    const carried = next.store.agenda.queued(list[2]!.id, 10).rows;
    expect(carried.map((i) => i.text)).toEqual(['要帶過去的動議']);
  } finally {
    next.close();
  }
});

test('the shipped bot.config.json is valid and has the PO network series in Asia/Taipei', () => {
  const raw = JSON.parse(readFileSync(join(__dirname, '..', '..', 'bot.config.json'), 'utf8'));
  const config = parseConfig(raw);
  expect(config.timezone).toBe('Asia/Taipei');
  expect(config.meetings.series.map((s) => [s.id, s.kind])).toEqual([
    ['collab', 'weekly'],
    ['premeeting', 'weekly'],
    ['po-monthly', 'monthly'],
    ['quarterly', 'quarterly'],
  ]);
  const s = meetingSettings(config.meetings, { timezone: config.timezone, holidays });
  expect(s.reminderOffsetsMs).toEqual([86_400_000, 3_600_000]);
  expect(s.agendaLeadMs).toBe(86_400_000);
  expect(s.homeChats).toContain('console:main');
});

test('defaults: console always a home chat, reminders 1 day and 1 hour, agenda 24 h ahead', () => {
  const config = parseConfig({ meetings: { homeChats: ['slack:C1'] } });
  const s = meetingSettings(config.meetings, { timezone: config.timezone, holidays });
  expect(s.homeChats).toEqual(['slack:C1', 'console:main']);
  expect(s.reminderOffsetsMs).toEqual([86_400_000, 3_600_000]);
  expect(s.agendaLeadMs).toBe(86_400_000);
  expect(parseConfig({}).meetings.series).toEqual([]);
});

test.each([
  [{ series: [{ ...COLLAB, rrule: 'FREQ=WEEKLY;BYDAY=XX' }] }, 'meetings.series.0.rrule'],
  [{ series: [{ ...COLLAB, rrule: 'BYDAY=FR' }] }, 'needs FREQ'],
  [{ series: [{ ...COLLAB, rrule: 'FREQ=WEEKLY;DTSTART=20260101' }] }, 'meetings.series.0.rrule'],
  [{ series: [{ ...COLLAB, start: '2026-02-30 10:00' }] }, 'meetings.series.0.start'],
  [{ series: [COLLAB, COLLAB] }, 'duplicate series id "collab"'],
  [{ reminders: ['1 day'] }, 'meetings.reminders.0'],
  [{ agendaLeadTime: 'soon' }, 'meetings.agendaLeadTime'],
  [{ homeChats: ['#general'] }, 'meetings.homeChats.0'],
  [{ holidays: { country: 'XX' } }, 'meetings.holidays.country'],
  [{ holidays: { extra: [{ rule: 'every blue moon', name: 'x' }] } }, 'meetings.holidays.extra.0.rule'],
])('config %j is refused naming %s', (meetings, message) => {
  // date-holidays also prints its own complaint about a bad rule (to this file's console: see
  // test/support/jest/shared-date-holidays.js); the ConfigError is what counts.
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => {});
  try {
    expect(() => parseConfig({ meetings })).toThrow(ConfigError);
    expect(() => parseConfig({ meetings })).toThrow(message);
  } finally {
    quiet.mockRestore();
  }
});
