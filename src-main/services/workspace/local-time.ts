import {
  addCalendarDays,
  formatCalendarDate,
  parseCalendarDate,
} from '../../../src-shared/domain/calendar-date.js';

/**
 * Days in the computer's local time zone: "today" on My work, the registration dates of a search.
 * A day runs from one local midnight to the next (23 or 25 hours on the days the clocks change).
 * The dates themselves are calendar dates (src-shared/domain/calendar-date.ts).
 */

/** The local date of an instant, YYYY-MM-DD. */
export function localDate(at: Date): string {
  return formatCalendarDate({ year: at.getFullYear(), month: at.getMonth() + 1, day: at.getDate() });
}

/** Local midnight at the start of `date` (YYYY-MM-DD) plus `days` days. */
export function localDayStart(date: string, days = 0): Date {
  const { year, month, day } = parseCalendarDate(addCalendarDays(date, days));
  const start = new Date(year, month - 1, day);
  // new Date(y, m, d) takes years 0–99 as 1900–1999.
  start.setFullYear(year, month - 1, day);
  return start;
}

/** The date `days` days after `date`: calendar arithmetic, the same in every time zone. */
export const addDays = addCalendarDays;
