import { BUILT_IN_HOLIDAYS, LibraryHolidays } from '../../src/core/meetings/holidays';
import { parseConfig } from '../../src/config/load';

// The built-in Taiwan days off are not checked at start-up (that would load date-holidays):
// they are checked here, with the library, once per test run.

test('every built-in rule is a date-holidays rule', () => {
  const lib = require('date-holidays') as typeof import('date-holidays');
  const Holidays = ('default' in lib ? lib.default : lib) as typeof import('date-holidays').default;
  for (const [country, rules] of Object.entries(BUILT_IN_HOLIDAYS)) {
    const hd = new Holidays(country);
    for (const r of rules) expect([r.rule, hd.setHoliday(r.rule, { name: { en: r.name }, type: 'public' } as never)]).toEqual([r.rule, true]);
  }
});

test('Taiwan calendars flag the built-in days without any configuration, in both languages', () => {
  const tw = new LibraryHolidays('TW');
  // 2026-12-25 is a Friday; 2027-09-28 a Tuesday; 2026-10-25 a Sunday → observed Monday 10-26.
  expect(tw.on(new Date('2026-12-25T04:00:00Z'), 'zh-TW').map((h) => h.name)).toContain('行憲紀念日');
  expect(tw.on(new Date('2026-12-25T04:00:00Z'), 'en').map((h) => h.name)).toContain('Constitution Day');
  expect(tw.on(new Date('2027-09-28T04:00:00Z'), 'zh-TW').map((h) => h.name)).toContain('孔子誕辰紀念日');
  expect(tw.on(new Date('2026-10-26T04:00:00Z'), 'zh-TW').map((h) => h.name)).toContain('臺灣光復暨金門古寧頭大捷紀念日');
  expect(tw.on(new Date('2026-12-24T04:00:00Z'), 'zh-TW')).toEqual([]);
  // Another country gets none of them.
  expect(new LibraryHolidays('JP').on(new Date('2026-12-25T04:00:00Z'), 'en')).toEqual([]);
});

test('a configured extra rule is still checked when the configuration is read', () => {
  // date-holidays prints its own complaint too: expected here, so it does not reach the terminal
  // (test/support/jest/shared-date-holidays.js hands the library's console.error to this file's).
  const said = jest.spyOn(console, 'error').mockImplementation(() => {});
  try {
    expect(() => parseConfig({ meetings: { holidays: { extra: [{ rule: 'every blue moon', name: 'x' }] } } })).toThrow('meetings.holidays.extra.0.rule');
    expect(said.mock.calls).toEqual([['could not parse rule: every blue moon']]);
  } finally {
    said.mockRestore();
  }
  expect(parseConfig({ meetings: { holidays: { extra: [{ rule: '11-12', name: '國父誕辰紀念日' }] } } }).meetings.holidays.extra).toHaveLength(1);
});
