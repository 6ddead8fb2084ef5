/**
 * Calendar dates, `YYYY-MM-DD`, with no time zone: a day as a calendar names it. Day arithmetic is
 * done on the proleptic Gregorian calendar in UTC, where every day has 24 hours; what a day means
 * in a time zone (the court's, the computer's) is for the caller.
 */

/** A calendar date's parts; `month` is 1–12. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The parts of `YYYY-MM-DD`; throws on anything else. */
export function parseCalendarDate(date: string): CalendarDay {
  const match = DATE.exec(date);
  if (!match) throw new Error(`Not a date (YYYY-MM-DD): ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** `YYYY-MM-DD` of the parts (as given: not normalised). */
export function formatCalendarDate({ year, month, day }: CalendarDay): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Midnight UTC of `date` plus `days` days; years 0–99 are those years, not 1900–1999. */
function utcDay(date: string, days = 0): Date {
  const { year, month, day } = parseCalendarDate(date);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day + days);
  return d;
}

const fromUtc = (d: Date): string =>
  formatCalendarDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });

/** The calendar date `days` after `date` (before it when negative). */
export function addCalendarDays(date: string, days: number): string {
  return fromUtc(utcDay(date, days));
}

/** The day of the week of `date`: 0 Sunday, 1 Monday … 6 Saturday. */
export function dayOfWeek(date: string): number {
  return utcDay(date).getUTCDay();
}
