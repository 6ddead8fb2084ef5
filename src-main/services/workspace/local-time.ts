/**
 * Days in the computer's local time zone: "today" on My work, the registration dates of a search.
 * A day runs from one local midnight to the next (23 or 25 hours on the days the clocks change).
 */

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The local date of an instant, YYYY-MM-DD. */
export function localDate(at: Date): string {
  return `${pad(at.getFullYear(), 4)}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** Local midnight at the start of `date` (YYYY-MM-DD) plus `days` days. */
export function localDayStart(date: string, days = 0): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`Not a date (YYYY-MM-DD): ${date}`);
  const [, year, month, day] = match;
  const start = new Date(Number(year), Number(month) - 1, Number(day) + days);
  // new Date(y, m, d) takes years 0–99 as 1900–1999.
  start.setFullYear(Number(year), Number(month) - 1, Number(day) + days);
  return start;
}

/** The local date `days` days after `date`. */
export function addDays(date: string, days: number): string {
  return localDate(localDayStart(date, days));
}
