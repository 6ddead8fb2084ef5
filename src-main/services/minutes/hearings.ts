import type { HearingMinutesSummary } from '../../../src-shared/contract/minutes.js';
import type { Hearing } from '../../../src-shared/domain/case.js';
import { addCalendarDays } from '../../../src-shared/domain/calendar-date.js';
import type { CacheDb } from '../store/cache.js';
import { minutesOfHearings } from '../store/minutes-store.js';
import { courtLocal, minutesDeadline } from './prefill.js';

/** Days before today and after it whose hearings `minutes:hearings` lists. */
export const HEARINGS_BACK_DAYS = 1;
export const HEARINGS_AHEAD_DAYS = 7;

interface Row {
  case_id: string;
  number: string;
  subject: string;
  hearing: string;
}

/**
 * The user's hearings (as secretary or judge) from yesterday to a week ahead, in court time, from
 * the cached cases. The SQL takes a window a day wider on each side (start times carry offsets, so
 * text comparison is only close); the exact dates are compared here.
 */
export function listMyHearings(db: CacheDb, userId: string, now: Date): HearingMinutesSummary[] {
  const today = courtLocal(now).date;
  const from = addCalendarDays(today, -HEARINGS_BACK_DAYS);
  const to = addCalendarDays(today, HEARINGS_AHEAD_DAYS);
  const rows = db
    .prepare(
      `SELECT c.id AS case_id, c.number, c.subject, h.value AS hearing
         FROM cases c, json_each(c.snapshot, '$.hearings') h
        WHERE json_extract(h.value, '$.startsAt') >= ? AND json_extract(h.value, '$.startsAt') < ?`,
    )
    .all(addCalendarDays(from, -1), addCalendarDays(to, 2)) as Row[];
  const found: Array<Omit<HearingMinutesSummary, 'minutesId' | 'status'>> = [];
  for (const row of rows) {
    const hearing = JSON.parse(row.hearing) as Hearing;
    const date = courtLocal(hearing.startsAt).date;
    if (date < from || date > to) continue;
    const myRole =
      hearing.secretary?.id === userId
        ? 'secretary'
        : hearing.judges.some((j) => j.id === userId)
          ? 'judge'
          : null;
    if (myRole === null) continue;
    found.push({
      hearingId: hearing.id,
      caseId: row.case_id,
      caseNumber: row.number,
      subject: row.subject,
      startsAt: hearing.startsAt,
      room: hearing.room,
      kind: hearing.kind,
      myRole,
      deadline: minutesDeadline(date, now),
    });
  }
  found.sort(
    (a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.hearingId.localeCompare(b.hearingId),
  );
  const minutes = minutesOfHearings(
    db,
    found.map((h) => h.hearingId),
  );
  return found.map((h) => {
    const m = minutes.get(h.hearingId);
    return { ...h, minutesId: m?.id ?? null, status: m?.status ?? null };
  });
}

/** The cached case and hearing of a hearing id, or null. */
export function findHearing(db: CacheDb, hearingId: string): { caseId: string; hearing: Hearing } | null {
  const row = db
    .prepare(
      `SELECT c.id AS case_id, h.value AS hearing
         FROM cases c, json_each(c.snapshot, '$.hearings') h
        WHERE json_extract(h.value, '$.id') = ? LIMIT 1`,
    )
    .get(hearingId) as { case_id: string; hearing: string } | undefined;
  return row ? { caseId: row.case_id, hearing: JSON.parse(row.hearing) as Hearing } : null;
}
