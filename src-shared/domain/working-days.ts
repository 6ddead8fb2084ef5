import { addCalendarDays, dayOfWeek, formatCalendarDate, parseCalendarDate } from './calendar-date.js';

/**
 * Working days in Estonia: Monday to Friday except the public holidays (riigipühad) of the Public
 * Holidays and Days of National Importance Act § 2. Dates are calendar dates, `YYYY-MM-DD`
 * (./calendar-date.ts).
 */

const iso = (year: number, month: number, day: number): string => formatCalendarDate({ year, month, day });

/** Easter Sunday of the Gregorian calendar (the anonymous algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/** The public holidays of a year, sorted. */
export function estonianHolidays(year: number): string[] {
  const easter = easterSunday(year);
  return [
    iso(year, 1, 1), // uusaasta
    iso(year, 2, 24), // iseseisvuspäev
    addCalendarDays(easter, -2), // suur reede
    easter, // ülestõusmispühade 1. püha
    iso(year, 5, 1), // kevadpüha
    addCalendarDays(easter, 49), // nelipühade 1. püha
    iso(year, 6, 23), // võidupüha
    iso(year, 6, 24), // jaanipäev
    iso(year, 8, 20), // taasiseseisvumispäev
    iso(year, 12, 24), // jõululaupäev
    iso(year, 12, 25), // esimene jõulupüha
    iso(year, 12, 26), // teine jõulupüha
  ].sort();
}

const holidayCache = new Map<number, Set<string>>();
function holidaysOf(year: number): Set<string> {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(estonianHolidays(year));
    holidayCache.set(year, set);
  }
  return set;
}

export function isWorkingDay(date: string): boolean {
  const weekday = dayOfWeek(date);
  if (weekday === 0 || weekday === 6) return false;
  return !holidaysOf(parseCalendarDate(date).year).has(date);
}

/** The `n`th working day after `date` (n ≥ 1); `date` itself is not counted. */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new Error(`Not a count of days: ${n}`);
  let day = date;
  for (let left = n; left > 0;) {
    day = addCalendarDays(day, 1);
    if (isWorkingDay(day)) left--;
  }
  return day;
}

/**
 * Working days from `from` to `to`: the working days after `from` up to and including `to`, so 0
 * when they are the same day and negative (counted the other way) when `to` is before `from`.
 */
export function workingDaysBetween(from: string, to: string): number {
  if (from === to) return 0;
  const [start, end, sign] = from < to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let day = addCalendarDays(start, 1); day <= end; day = addCalendarDays(day, 1)) {
    if (isWorkingDay(day)) count++;
  }
  return sign * count;
}
