import { parseMeetingDuration, parseWhen } from '../../src/core/meetings/parse-when';
import { UserError } from '../../src/core/errors';
import { formatDateTime } from '../../src/i18n/format-date';
import { translateDynamic } from '../../src/i18n/catalog';

// Now: Tuesday 1 December 2026, 10:00 in Taipei.
const NOW = new Date('2026-12-01T02:00:00Z');
const TPE = 'Asia/Taipei';

function when(input: string, timeZone = TPE, now = NOW): string {
  return parseWhen(input, { now, timeZone, format: (d) => formatDateTime(d, 'zh-TW', timeZone) }).toISOString();
}

function refusal(input: string, timeZone = TPE): string {
  try {
    when(input, timeZone);
  } catch (e) {
    if (e instanceof UserError) return translateDynamic('zh-TW', e.key, e.params);
    throw e;
  }
  throw new Error(`"${input}" was accepted`);
}

test.each([
  ['2026-12-04 10:00', '2026-12-04T02:00:00.000Z'],
  ['2026/12/4 10:00', '2026-12-04T02:00:00.000Z'],
  ['12/4 10:00', '2026-12-04T02:00:00.000Z'],
  ['１２/４ １０：００', '2026-12-04T02:00:00.000Z'],
  ['115/12/4 14:00', '2026-12-04T06:00:00.000Z'],
  ['民國115年12月4日 14:30', '2026-12-04T06:30:00.000Z'],
  ['12月4日 下午2點', '2026-12-04T06:00:00.000Z'],
  ['12月4號 上午9點半', '2026-12-04T01:30:00.000Z'],
  ['明天 10:00', '2026-12-02T02:00:00.000Z'],
  ['明天10點', '2026-12-02T02:00:00.000Z'],
  ['後天 10點30分', '2026-12-03T02:30:00.000Z'],
  ['今天 15:00', '2026-12-01T07:00:00.000Z'],
  ['週五 10:00', '2026-12-04T02:00:00.000Z'],
  ['本週五 10:00', '2026-12-04T02:00:00.000Z'],
  ['星期五 10:00', '2026-12-04T02:00:00.000Z'],
  // Weeks run Monday–Sunday: on Tuesday 1 Dec, 下週五 is Friday 11 Dec, not the 4th.
  ['下週五 10:00', '2026-12-11T02:00:00.000Z'],
  ['下禮拜一 09:00', '2026-12-07T01:00:00.000Z'],
  ['下下週一 9:00', '2026-12-14T01:00:00.000Z'],
  ['下週日 中午12點', '2026-12-13T04:00:00.000Z'],
  ['tomorrow 2pm', '2026-12-02T06:00:00.000Z'],
  ['tomorrow at 10:00', '2026-12-02T02:00:00.000Z'],
  ['next fri 10:00', '2026-12-11T02:00:00.000Z'],
  ['friday 2:30 pm', '2026-12-04T06:30:00.000Z'],
  ['12/4 03:00', '2026-12-03T19:00:00.000Z'],
  ['12/4 晚上7點', '2026-12-04T11:00:00.000Z'],
  // A redundant 下午 on a 24-hour time is not a contradiction.
  ['12/4 下午13點', '2026-12-04T05:00:00.000Z'],
  // No year, and this year's date is long gone: next year.
  ['1/5 10:00', '2027-01-05T02:00:00.000Z'],
  ['11/30 10:00', '2027-11-30T02:00:00.000Z'], // yesterday's date without a year: its next occurrence
])('%s → %s', (input, iso) => {
  expect(when(input)).toBe(iso);
});

test('refuses past times', () => {
  expect(refusal('今天 09:00')).toBe('2026年12月1日（二）09:00 已經過了，請提供未來的時間。');
  expect(refusal('2026-11-30 10:00')).toBe('2026年11月30日（一）10:00 已經過了，請提供未來的時間。');
  // A yearless date is its next occurrence, today included: today's date with an hour gone by is past.
  expect(refusal('12/1 09:00')).toBe('2026年12月1日（二）09:00 已經過了。若指的是明年，請寫出年份，例如 2027-12-04 10:00。');
});

test('refuses ambiguous times', () => {
  expect(refusal('12/4 3:00')).toBe('時間不明確：是 03:00 還是 15:00？請用 24 小時制（如 15:00）或加上「上午」／「下午」。');
  expect(refusal('明天 3點')).toContain('03:00 還是 15:00');
  // Clocks going back in New York: 01:30 on 7 Nov 2027 happens twice.
  expect(refusal('2027-11-07 01:30', 'America/New_York')).toBe(
    '這個時間在日光節約時間結束時會出現兩次（2027年11月7日（日）01:30 或 2027年11月7日（日）01:30），無法確定是哪一個，請換個時間。',
  );
  expect(refusal('2027-03-14 02:30', 'America/New_York')).toBe('這個時間在 America/New_York 時區因日光節約時間調整而不存在，請換個時間。');
});

test('refuses what is incomplete, impossible or unreadable', () => {
  expect(refusal('12/4')).toBe('請同時提供時間，例如「12/4 10:00」或「明天 下午2點」。');
  expect(refusal('明天')).toContain('請同時提供時間');
  expect(refusal('10:00')).toBe('請同時提供日期，例如「明天 10:00」或「2026-12-04 10:00」。');
  expect(refusal('2027-02-30 10:00')).toContain('沒有這個日期或時間');
  expect(refusal('12/4 25:00')).toContain('沒有這個日期或時間');
  expect(refusal('12/4 10:75')).toContain('沒有這個日期或時間');
  expect(refusal('12/4 上午13點')).toContain('沒有這個日期或時間');
  expect(refusal('2030-01-01 10:00')).toContain('在兩年以後');
  expect(refusal('找個時間')).toContain('看不懂「找個時間」這個日期時間');
  expect(refusal('12/4 10')).toContain('看不懂');
  // Words that are properties of every JavaScript object are not day names.
  expect(refusal('constructor 10:00')).toContain('看不懂「constructor 10:00」');
  expect(refusal('next constructor 10:00')).toContain('看不懂');
});

test('the same wall time in another zone is another instant', () => {
  expect(when('12/4 10:00', 'America/New_York')).toBe('2026-12-04T15:00:00.000Z');
  expect(when('2027-07-01 10:00', 'America/New_York')).toBe('2027-07-01T14:00:00.000Z');
});

test.each([
  ['90m', 90],
  ['2h', 120],
  ['1h30m', 90],
  ['1.5h', 90],
  ['90分鐘', 90],
  ['2小時', 120],
  ['10:00', undefined],
  ['明天', undefined],
])('duration %s', (s, min) => {
  expect(parseMeetingDuration(s)).toBe(min);
});
