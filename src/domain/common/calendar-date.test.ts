import { isCalendarDate } from './calendar-date';

/** The one calendar-date rule: the shape YYYY-MM-DD and a day that exists. */
test.each(['2024-02-29', '2023-12-31', '1900-01-01', '2100-12-31'])('%s is a calendar date', (value) => {
  expect(isCalendarDate(value)).toBe(true);
});

test.each([
  ['a day past the end of the month', '2024-02-30'],
  ['29 February outside a leap year', '2023-02-29'],
  ['month 13', '2024-13-01'],
  ['day 0', '2024-01-00'],
  ['no zero padding', '2024-2-3'],
  ['a date-time', '2024-02-03T00:00:00Z'],
  ['day first', '03-02-2024'],
  ['the empty string', ''],
  ['a number', 20240203],
  ['null', null],
])('%s is not a calendar date', (_name, value) => {
  expect(isCalendarDate(value)).toBe(false);
});
