import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  dayOfWeek,
  formatCalendarDate,
  parseCalendarDate,
} from '../../src-shared/domain/calendar-date.js';

describe('calendar dates', () => {
  it('reads and writes YYYY-MM-DD, refusing anything else', () => {
    expect(parseCalendarDate('2026-02-24')).toEqual({ year: 2026, month: 2, day: 24 });
    expect(formatCalendarDate({ year: 33, month: 4, day: 3 })).toBe('0033-04-03');
    for (const bad of ['2026-2-24', '24.02.2026', '2026-02-24T00:00:00Z', ''])
      expect(() => parseCalendarDate(bad)).toThrow('Not a date (YYYY-MM-DD)');
  });

  it('adds days over month, year and leap-day ends, the same in every time zone', () => {
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
    // The clocks change on 29 March 2026 in Tallinn: a calendar day is still one day.
    expect(addCalendarDays('2026-03-28', 2)).toBe('2026-03-30');
    // Years before 100 are not taken as 19xx.
    expect(addCalendarDays('0099-12-31', 1)).toBe('0100-01-01');
  });

  it('names the day of the week', () => {
    expect(dayOfWeek('2026-12-01')).toBe(2); // Tuesday
    expect(dayOfWeek('2026-12-06')).toBe(0); // Sunday
  });
});
