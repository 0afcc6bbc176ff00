import { addDays, daysBetween, instantAt, parseCalendarDate, todayIn } from '../../src/core/dates/calendar-date';
import { zoneStamper } from '../../src/core/minutes/zone-stamp';

const TODAY = '2026-12-20';

test.each([
  ['2026-12-04', '2026-12-04'],
  ['2026/12/4', '2026-12-04'],
  ['2027.1.5', '2027-01-05'],
  // Without a year: the next occurrence, today included (the one rule for every command).
  ['12/4', '2027-12-04'],
  ['12/20', TODAY],
  ['12/31', '2026-12-31'],
  ['1/5', '2027-01-05'], // typed in late December: next January
  ['9/1', '2027-09-01'],
  ['2/29', '2028-02-29'], // the next leap day
  ['12月4日', '2027-12-04'],
  ['1月5號', '2027-01-05'],
  ['2027年2月28日', '2027-02-28'],
  ['115/12/4', '2026-12-04'], // ROC era
  ['民國115年12月4日', '2026-12-04'],
  ['２０２６－１２－０４', '2026-12-04'], // full-width, as IMEs type
  ['今天', TODAY],
  ['明天', '2026-12-21'],
  ['today', TODAY],
  // As for meetings (the same words, input/date-words.ts). TODAY is a Sunday.
  ['12.4', '2027-12-04'],
  ['月底', '2026-12-31'],
  ['下個月底', '2027-01-31'],
  ['end of month', '2026-12-31'],
  ['年底', '2026-12-31'],
  ['99/12/4', '2010-12-04'], // two-digit ROC year
  ['昨天', '2026-12-19'], // a relative word is taken as said (a due date refuses it as past)
  ['後天', '2026-12-22'],
  ['週五', '2026-12-25'],
  ['friday', '2026-12-25'],
  ['下週一', '2026-12-21'], // weeks run Monday to Sunday: on a Sunday, next week starts tomorrow
  ['下下週一', '2026-12-28'],
])('%s → %s', (input, expected) => {
  expect(parseCalendarDate(input, TODAY)?.date).toBe(expected);
});

// The day a petition passed: a yearless date is its most recent occurrence, today included.
test.each([
  ['12/4', '2026-12-04'],
  ['12/20', TODAY],
  ['12/31', '2025-12-31'],
  ['1/5', '2026-01-05'],
  ['2/29', '2024-02-29'],
  ['週五', '2026-12-18'],
  ['2027/1/5', '2027-01-05'], // a written year is taken as written (the command refuses the future)
])('passed %s → %s', (input, expected) => {
  expect(parseCalendarDate(input, TODAY, 'last')?.date).toBe(expected);
});

test('the 2026-03-04 reproduction: 12/31 means 2026-12-31 whichever command reads it', () => {
  expect(parseCalendarDate('12/31', '2026-03-04')).toEqual({ date: '2026-12-31', explicitYear: false });
  expect(parseCalendarDate('2025/12/31', '2026-03-04')).toEqual({ date: '2025-12-31', explicitYear: true });
});

test.each(['2026-02-29', '2/30', '13/1', '0/1', '', '2026-12', '12/4/2026', '99999-1-1', 'constructor', 'next constructor', '下週八'])('%s is refused', (input) => {
  expect(parseCalendarDate(input, TODAY)).toBeUndefined();
});

test('calendar arithmetic and zone-aware instants', () => {
  expect(addDays('2026-11-20', 60)).toBe('2027-01-19');
  expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
  expect(daysBetween('2027-01-01', '2026-12-31')).toBe(-1);
  expect(instantAt('2026-12-04', '09:00', 'Asia/Taipei').toISOString()).toBe('2026-12-04T01:00:00.000Z');
  // 23:30 UTC on the 3rd is already the 4th in Taipei.
  expect(todayIn(new Date('2026-12-03T23:30:00Z'), 'Asia/Taipei')).toBe('2026-12-04');
  expect(todayIn(new Date('2026-12-03T23:30:00Z'), 'America/New_York')).toBe('2026-12-03');
});

test('minute-cached zone stamps stay exact across seconds and a DST change', () => {
  const taipei = zoneStamper('Asia/Taipei');
  expect(taipei.iso(new Date('2026-12-04T02:02:07.900Z'))).toBe('2026-12-04T10:02:07+08:00');
  expect(taipei.iso(new Date('2026-12-04T02:02:59Z'))).toBe('2026-12-04T10:02:59+08:00');
  expect(taipei.hm(new Date('2026-12-04T15:59:00Z'))).toBe('23:59');
  const ny = zoneStamper('America/New_York');
  // 2026-03-08 02:00 EST jumps to 03:00 EDT.
  expect(ny.iso(new Date('2026-03-08T06:59:30Z'))).toBe('2026-03-08T01:59:30-05:00');
  expect(ny.iso(new Date('2026-03-08T07:00:30Z'))).toBe('2026-03-08T03:00:30-04:00');
});
