// Calendar arithmetic for deadlines. "Today" comes from the host (the computer's local date), so
// times are compared by their local calendar day, never by 24-hour spans across a DST change.

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The local calendar day of an ISO date-time (or a plain `YYYY-MM-DD`) as `YYYY-MM-DD`. */
export function localDay(iso: string): string {
  if (DATE_ONLY.test(iso)) return iso;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`Not an ISO date-time: ${iso}`);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function dayNumber(day: string): number {
  const match = DATE_ONLY.exec(day);
  if (!match) throw new Error(`Not a YYYY-MM-DD date: ${day}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
}

/** Whole calendar days from `today` to the day of `at`: 0 today, 1 tomorrow, −2 two days ago. */
export function daysFrom(today: string, at: string): number {
  return dayNumber(localDay(at)) - dayNumber(today);
}

/**
 * A `YYYY-MM-DD` as a local date-time at noon, for formatters that parse with `new Date()`: a bare
 * date would be read as UTC midnight and could show the day before west of Greenwich.
 */
export function localNoon(day: string): string {
  dayNumber(day);
  return `${day}T12:00:00`;
}
