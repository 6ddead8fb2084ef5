const TIME_ZONE = 'Europe/Tallinn';
const DAY_MS = 24 * 60 * 60 * 1000;

const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** Minutes Tallinn is ahead of UTC at this instant (120 in winter, 180 in summer). */
function tallinnOffsetMinutes(at: Date): number {
  const parts = Object.fromEntries(formatter.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  const asUtc = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
  return Math.round((asUtc - at.getTime()) / 60_000);
}

/** The instant of a wall-clock time in Tallinn on the given calendar day (UTC fields of `day`). */
export function tallinnTime(day: Date, hour: number, minute: number): Date {
  const guess = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, minute);
  return new Date(guess - tallinnOffsetMinutes(new Date(guess)) * 60_000);
}

export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

/** The same day, or the Monday after it when it falls on a weekend. */
export function workingDay(day: Date): Date {
  const weekday = day.getUTCDay();
  return weekday === 6 ? addDays(day, 2) : weekday === 0 ? addDays(day, 1) : day;
}

export function startOfUtcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

export function formatEstonian(at: Date): string {
  const p = Object.fromEntries(formatter.formatToParts(at).map((x) => [x.type, x.value]));
  const two = (s: string | undefined) => (s ?? '').padStart(2, '0');
  return `${two(p.day)}.${two(p.month)}.${p.year} kell ${two(p.hour)}:${two(p.minute)}`;
}
