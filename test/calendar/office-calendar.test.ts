import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OfficeCalendar } from '../../src/core/calendar/office-calendar';
import { CalendarFileError, isOpen, parseCompact, parseOfficialJson, toCompact } from '../../src/core/calendar/official-year';
import { loadOperatorYears, officialYears, SHIPPED_CALENDAR_DIR } from '../../src/calendar/load';
import { LibraryHolidays } from '../../src/core/meetings/holidays';
import { instantAt } from '../../src/core/dates/calendar-date';
import { parseConfig } from '../../src/config/load';
import { createApp } from '../../src/app';
import { ManualClock } from '../../src/core/clock';
import { silentLogger } from '../../src/core/logger';
import { RecordingLogger } from '../support/recording-logger';
import { tempDir } from '../support/app';

const TZ = 'Asia/Taipei';

function calendar(operator = new Map(), logger = silentLogger as RecordingLogger | typeof silentLogger): OfficeCalendar {
  return new OfficeCalendar({ official: officialYears(operator), fallback: () => new LibraryHolidays('TW'), timeZone: TZ, logger });
}

/** The official JSON for a whole year, every day ordinary except the given ones. */
function officialJson(year: number, special: Record<string, { isHoliday: boolean; description: string }>): string {
  const week = ['日', '一', '二', '三', '四', '五', '六'];
  const days = [];
  for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000) {
    const d = new Date(t);
    const date = d.toISOString().slice(0, 10);
    const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
    days.push({ date, week: week[d.getUTCDay()], isHoliday: weekend, description: '', ...special[date] });
  }
  return JSON.stringify(days, null, 2);
}

test('the shipped 2026 file says exactly what the official 2026 JSON says, day by day', () => {
  const official = parseOfficialJson(readFileSync(join(__dirname, 'fixtures', '2026.json'), 'utf8'), 2026, '2026.json');
  const shipped = parseCompact(readFileSync(join(SHIPPED_CALENDAR_DIR, '2026.txt'), 'utf8'), 2026, '2026.txt');
  const raw = JSON.parse(readFileSync(join(__dirname, 'fixtures', '2026.json'), 'utf8')) as { date: string; isHoliday: boolean; description: string }[];
  expect(raw).toHaveLength(365);
  for (const d of raw) {
    expect({ date: d.date, open: isOpen(shipped, d.date), name: shipped.days.get(d.date)?.name ?? '' }).toEqual({ date: d.date, open: !d.isHoliday, name: d.description });
  }
  expect(toCompact(official, [])).toBe(toCompact(shipped, []));
});

test('every year 2017–2026 ships, and each parses', () => {
  const cal = calendar();
  for (let y = 2017; y <= 2026; y++) expect(cal.hasOfficialData(y)).toBe(true);
  expect(cal.hasOfficialData(2027)).toBe(false);
});

test('the official calendar knows what date-holidays does not: 補假 for 兒童節 2026 and 補行上班 Saturdays', () => {
  const cal = calendar();
  // The reproduction: the library has no substitute day for 2026-04-03 …
  expect(new LibraryHolidays('TW').on(instantAt('2026-04-03', '12:00', TZ), 'zh-TW')).toEqual([]);
  // … the office calendar does.
  expect(cal.day('2026-04-03')).toEqual({ working: false, name: '補假', substituteFor: '兒童節', official: true });
  expect(cal.day('2026-06-19')).toEqual({ working: false, name: '端午節', official: true });
  // Each 補假 names the weekend holiday it makes up for (清明節 on Sunday 4/5 → Monday 4/6; 和平紀念日
  // on Saturday 2/28 → Friday 2/27; 小年夜 on Sunday 2/15 → Friday 2/20, after the 春節 days).
  expect(['2026-04-06', '2026-02-27', '2026-02-20'].map((d) => cal.day(d).substituteFor)).toEqual(['清明節', '和平紀念日', '小年夜']);
  // Saturdays that are working days.
  expect(cal.day('2024-02-17')).toEqual({ working: true, name: '補行上班', official: true });
  expect(cal.day('2025-02-08')).toEqual({ working: true, name: '補行上班', official: true });
  expect(cal.isWorkingDay('2026-06-13')).toBe(false); // a plain Saturday
  expect(cal.isWorkingDay('2026-06-18')).toBe(true);
  expect(cal.nextWorkingDay('2026-06-19')).toBe('2026-06-22');
  expect(cal.previousWorkingDay('2026-06-21')).toBe('2026-06-18');
  // Sunday 2025-02-09 → the 補行上班 Saturday before it, not Friday.
  expect(cal.previousWorkingDay('2025-02-09')).toBe('2025-02-08');
  // Meetings flag the official names; a make-up working day is not a holiday.
  expect(cal.on(instantAt('2026-04-03', '10:00', TZ), 'zh-TW')).toEqual([{ name: '補假（兒童節）', substitute: false }]);
  expect(cal.on(instantAt('2026-06-19', '10:00', TZ), 'en')).toEqual([{ name: 'Dragon Boat Festival', substitute: false }]);
  expect(cal.on(instantAt('2025-02-08', '10:00', TZ), 'zh-TW')).toEqual([]);
});

test('a year without official data: weekends plus date-holidays, a warning logged once', () => {
  const logger = new RecordingLogger();
  const cal = calendar(new Map(), logger);
  expect(cal.day('2030-10-10')).toEqual({ working: false, name: '國慶日 / 雙十節', official: false });
  expect(cal.day('2030-10-12')).toMatchObject({ working: false, official: false }); // Saturday
  expect(cal.day('2030-10-14')).toMatchObject({ working: true, official: false });
  cal.nextWorkingDay('2030-12-28');
  const warnings = logger.entries.filter((e) => e.level === 'warn');
  expect(warnings.map((w) => w.obj.year)).toEqual([2030]);
  expect(warnings[0]!.msg).toContain('calendar.dir');
});

describe('an operator adds a year in calendar.dir', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  test('a valid 2027.json is used, 補行上班 Saturday and all, with no release', () => {
    writeFileSync(join(dir, '2027.json'), officialJson(2027, { '2027-02-20': { isHoliday: false, description: '補行上班' }, '2027-02-05': { isHoliday: true, description: '春節' } }));
    writeFileSync(join(dir, 'README.md'), 'not a year');
    const cal = calendar(loadOperatorYears(dir));
    expect(cal.day('2027-02-20')).toEqual({ working: true, name: '補行上班', official: true });
    expect(cal.day('2027-02-05')).toEqual({ working: false, name: '春節', official: true });
    expect(cal.day('2027-02-06')).toEqual({ working: false, name: '', official: true });
  });

  test('a bad file is refused at start with the file and the line', () => {
    const good = officialJson(2027, {});
    // Line 9 holds the second day's opening brace (2-space JSON: 6 lines per day, after "[").
    writeFileSync(join(dir, '2027.json'), good.replace('"week": "六"', '"week": "五"'));
    writeFileSync(join(dir, '2028.json'), '[\n  {"date": "2028-01-01",\n  }\n]');
    writeFileSync(join(dir, 'next.json'), '[]');
    const err = (() => {
      try {
        loadOperatorYears(dir);
      } catch (e) {
        return e as CalendarFileError;
      }
    })();
    expect(err).toBeInstanceOf(CalendarFileError);
    expect(err!.problems).toEqual([
      `${join(dir, '2027.json')} line 8: "week" for 2027-01-02 must be "六", not "五"`,
      expect.stringMatching(new RegExp(`^${join(dir, '2028.json').replace(/[.]/g, '\\.')} line 3: not valid JSON`)),
      `${join(dir, 'next.json')}: the name must be the year, e.g. 2027.json`,
    ]);
  });

  test('a missing day, a day twice, a day of another year', () => {
    const days = JSON.parse(officialJson(2027, {})) as object[];
    const text = JSON.stringify([...days.slice(0, 10), days[3], { ...days[5], date: '2026-01-06' }], null, 2);
    expect(() => parseOfficialJson(text, 2027, 'f.json')).toThrow('f.json line 62: 2027-01-04 is listed twice\nf.json line 68: 2026-01-06 is not in 2027');
    expect(() => parseOfficialJson(JSON.stringify(days.slice(0, 300)), 2027, 'f.json')).toThrow('f.json: 65 day(s) of 2027 missing, first 2027-10-28');
  });

  test('the app does not start on a bad calendar.dir: a configuration error naming the file and line', () => {
    writeFileSync(join(dir, '2027.json'), '[\n  {"date": "2027-01-01", "week": "五", "isHoliday": "yes", "description": ""}\n]');
    const config = parseConfig({ calendar: { dir } });
    expect(() => createApp({ config, databasePath: ':memory:', clock: new ManualClock(new Date()), logger: silentLogger })).toThrow(
      `Invalid office calendar (calendar.dir):\n${join(dir, '2027.json')} line 2: "isHoliday" must be true or false`,
    );
  });

  test('the folder must exist', () => {
    mkdirSync(join(dir, 'x'));
    expect(() => loadOperatorYears(join(dir, 'missing'))).toThrow(`calendar.dir ${join(dir, 'missing')}: cannot read the folder`);
  });
});
