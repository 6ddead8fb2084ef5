import { AppError } from '../../../src-shared/contract/index.js';
import type {
  MinutesEntry,
  MinutesHeader,
  MinutesStatus,
  Participant,
} from '../../../src-shared/contract/minutes.js';
import type { CacheDb } from './cache.js';

/**
 * Hearing minutes in the cache. Every write goes through `durably`: the cache runs in WAL with
 * `synchronous = NORMAL`, where a commit survives a killed process but not a power cut; for the
 * length of a minutes transaction the connection switches to `FULL`, so the WAL is fsync'd before
 * the commit returns (about 0.2–0.5 ms more per commit here, measured by `npm run bench -- minutes`),
 * and back afterwards so the rest of the app keeps its cheaper commits.
 */

/** The judge who approved: register id, and name and personal code from their ID card. */
export interface MinutesApprover {
  id: string;
  name: string;
  personalCode: string;
}

/** The stored minutes, without what the service derives (deadline, audio file name, filing). */
export interface MinutesRecord {
  id: string;
  hearingId: string;
  caseId: string;
  status: MinutesStatus;
  revision: number;
  header: MinutesHeader;
  startedAt: string | null;
  endedAt: string | null;
  recordingStartedAt: string | null;
  createdAt: string;
  savedAt: string;
  finalisedAt: string | null;
  approvedBy: MinutesApprover | null;
  approvedAt: string | null;
  submittedAt: string | null;
  participants: Participant[];
  entries: MinutesEntry[];
}

interface MinutesRow {
  id: string;
  hearing_id: string;
  case_id: string;
  status: MinutesStatus;
  revision: number;
  header: string;
  started_at: string | null;
  ended_at: string | null;
  recording_started_at: string | null;
  created_at: string;
  saved_at: string;
  finalised_at: string | null;
  approved_by_id: string | null;
  approved_by_name: string | null;
  approved_by_personal_code: string | null;
  approved_at: string | null;
  submitted_at: string | null;
}

interface ParticipantRow {
  id: string;
  role: Participant['role'];
  name: string;
  procedure_role: string;
  represents_id: string | null;
  attendance: Participant['attendance'];
}

interface EntryRow {
  id: string;
  kind: MinutesEntry['kind'];
  at: string;
  audio_ms: number | null;
  speaker_id: string | null;
  text: string;
  refers_to_id: string | null;
  appeal_route: string;
}

/**
 * How far a committed change must survive: `power-cut` fsyncs the WAL at each commit
 * (synchronous = FULL); `process-kill` is the cache's default (NORMAL), kept for comparison in the
 * benchmark.
 */
export type Durability = 'power-cut' | 'process-kill';

/**
 * Runs `work` in one transaction that is on disk — fsync'd — when it returns. PRAGMA synchronous
 * cannot change inside a transaction; a caller already in one gets its durability from the outer.
 */
export function durably<T>(db: CacheDb, work: () => T, durability: Durability = 'power-cut'): T {
  if (db.inTransaction || durability === 'process-kill') return db.transaction(work)();
  const before = db.pragma('synchronous', { simple: true }) as number;
  if (before < 2) db.pragma('synchronous = FULL');
  try {
    return db.transaction(work)();
  } finally {
    if (before < 2) db.pragma(`synchronous = ${before}`);
  }
}

export function minutesIdOfHearing(db: CacheDb, hearingId: string): string | null {
  const row = db.prepare('SELECT id FROM minutes WHERE hearing_id = ?').get(hearingId) as
    { id: string } | undefined;
  return row?.id ?? null;
}

/** Status of the minutes of each of these hearings that has some. */
export function minutesOfHearings(
  db: CacheDb,
  hearingIds: readonly string[],
): Map<string, { id: string; status: MinutesStatus }> {
  const found = new Map<string, { id: string; status: MinutesStatus }>();
  const stmt = db.prepare('SELECT id, status FROM minutes WHERE hearing_id = ?');
  for (const hearingId of hearingIds) {
    const row = stmt.get(hearingId) as { id: string; status: MinutesStatus } | undefined;
    if (row) found.set(hearingId, row);
  }
  return found;
}

export interface NewMinutes {
  id: string;
  hearingId: string;
  caseId: string;
  header: MinutesHeader;
  participants: Participant[];
  now: string;
}

export function insertMinutes(db: CacheDb, m: NewMinutes): void {
  durably(db, () => {
    db.prepare(
      `INSERT INTO minutes (id, hearing_id, case_id, status, revision, header, created_at, saved_at)
       VALUES (?, ?, ?, 'draft', 0, ?, ?, ?)`,
    ).run(m.id, m.hearingId, m.caseId, JSON.stringify(m.header), m.now, m.now);
    m.participants.forEach((p, i) => upsertParticipant(db, m.id, p, i));
  });
}

export function upsertParticipant(db: CacheDb, minutesId: string, p: Participant, position?: number): void {
  const pos =
    position ??
    (
      db
        .prepare('SELECT position FROM minutes_participants WHERE minutes_id = ? AND id = ?')
        .get(minutesId, p.id) as { position: number } | undefined
    )?.position ??
    (
      db
        .prepare(
          'SELECT coalesce(max(position), -1) + 1 AS next FROM minutes_participants WHERE minutes_id = ?',
        )
        .get(minutesId) as { next: number }
    ).next;
  db.prepare(
    `INSERT INTO minutes_participants (minutes_id, id, position, role, name, procedure_role, represents_id, attendance)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (minutes_id, id) DO UPDATE SET position = excluded.position, role = excluded.role,
       name = excluded.name, procedure_role = excluded.procedure_role,
       represents_id = excluded.represents_id, attendance = excluded.attendance`,
  ).run(minutesId, p.id, pos, p.role, p.name, p.procedureRole, p.representsId, p.attendance);
}

/** The minutes; `withEntries: false` leaves the timeline empty (a change needs only the rest). */
export function readMinutes(db: CacheDb, id: string, withEntries = true): MinutesRecord {
  const row = db.prepare('SELECT * FROM minutes WHERE id = ?').get(id) as MinutesRow | undefined;
  if (!row) throw new AppError('not_found', `No minutes ${id} on this computer.`);
  const participants = (
    db
      .prepare('SELECT * FROM minutes_participants WHERE minutes_id = ? ORDER BY position, id')
      .all(id) as ParticipantRow[]
  ).map((p): Participant => ({
    id: p.id,
    role: p.role,
    name: p.name,
    procedureRole: p.procedure_role,
    representsId: p.represents_id,
    attendance: p.attendance,
  }));
  const entries = !withEntries
    ? []
    : (
        db
          .prepare('SELECT * FROM minutes_entries WHERE minutes_id = ? ORDER BY position, id')
          .all(id) as EntryRow[]
      ).map(toEntry);
  return {
    id: row.id,
    hearingId: row.hearing_id,
    caseId: row.case_id,
    status: row.status,
    revision: row.revision,
    header: JSON.parse(row.header) as MinutesHeader,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    recordingStartedAt: row.recording_started_at,
    createdAt: row.created_at,
    savedAt: row.saved_at,
    finalisedAt: row.finalised_at,
    approvedBy: approverOf(row),
    approvedAt: row.approved_at,
    submittedAt: row.submitted_at,
    participants,
    entries,
  };
}

/** The approver's three columns are set together or not at all (a CHECK of migration 0008). */
function approverOf(row: MinutesRow): MinutesApprover | null {
  const { approved_by_id: id, approved_by_name: name, approved_by_personal_code: personalCode } = row;
  return id === null || name === null || personalCode === null ? null : { id, name, personalCode };
}

const toEntry = (e: EntryRow): MinutesEntry => ({
  id: e.id,
  kind: e.kind,
  at: e.at,
  audioMs: e.audio_ms,
  speakerId: e.speaker_id,
  text: e.text,
  refersToId: e.refers_to_id,
  appealRoute: e.appeal_route,
});

export function readEntry(
  db: CacheDb,
  minutesId: string,
  id: string,
): (MinutesEntry & { position: number }) | null {
  const row = db
    .prepare('SELECT * FROM minutes_entries WHERE minutes_id = ? AND id = ?')
    .get(minutesId, id) as (EntryRow & { position: number }) | undefined;
  return row ? { ...toEntry(row), position: row.position } : null;
}

export function writeEntry(db: CacheDb, minutesId: string, e: MinutesEntry, position: number): void {
  db.prepare(
    `INSERT INTO minutes_entries (minutes_id, id, position, kind, at, audio_ms, speaker_id, text, refers_to_id, appeal_route)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (minutes_id, id) DO UPDATE SET position = excluded.position, kind = excluded.kind,
       at = excluded.at, audio_ms = excluded.audio_ms, speaker_id = excluded.speaker_id,
       text = excluded.text, refers_to_id = excluded.refers_to_id, appeal_route = excluded.appeal_route`,
  ).run(minutesId, e.id, position, e.kind, e.at, e.audioMs, e.speakerId, e.text, e.refersToId, e.appealRoute);
}

export function deleteEntry(db: CacheDb, minutesId: string, id: string): boolean {
  return (
    db.prepare('DELETE FROM minutes_entries WHERE minutes_id = ? AND id = ?').run(minutesId, id).changes > 0
  );
}

export function deleteParticipant(db: CacheDb, minutesId: string, id: string): boolean {
  return (
    db.prepare('DELETE FROM minutes_participants WHERE minutes_id = ? AND id = ?').run(minutesId, id)
      .changes > 0
  );
}

/**
 * The position for an entry placed right after `afterId` (null: first; undefined: last), leaving
 * out `self` (the entry being moved). Entries are in (position, id) order. An append reads only the
 * highest position and an insert only its two neighbours — entries are added every few hundred ms
 * during a hearing, to minutes of thousands of entries. Positions are renumbered 1, 2, 3… when two
 * neighbours are too close to put one between.
 */
export function positionAfter(
  db: CacheDb,
  minutesId: string,
  afterId: string | null | undefined,
  self?: string,
): number {
  const other = self ?? null;
  if (afterId === undefined) {
    const last = db
      .prepare('SELECT max(position) FROM minutes_entries WHERE minutes_id = ? AND id IS NOT ?')
      .pluck()
      .get(minutesId, other) as number | null;
    return (last ?? 0) + 1;
  }
  let lower = 0;
  let next: number | undefined;
  if (afterId === null) {
    next = db
      .prepare(
        `SELECT position FROM minutes_entries WHERE minutes_id = ? AND id IS NOT ?
          ORDER BY position, id LIMIT 1`,
      )
      .pluck()
      .get(minutesId, other) as number | undefined;
  } else {
    const after =
      afterId === self
        ? undefined
        : (db
            .prepare('SELECT position FROM minutes_entries WHERE minutes_id = ? AND id = ?')
            .pluck()
            .get(minutesId, afterId) as number | undefined);
    if (after === undefined) throw new AppError('not_found', `No entry ${afterId} in these minutes.`);
    lower = after;
    next = db
      .prepare(
        // `position >= ?` first: the index is searched from there, not scanned from the start.
        `SELECT position FROM minutes_entries
          WHERE minutes_id = ? AND position >= ? AND id IS NOT ? AND (position > ? OR id > ?)
          ORDER BY position, id LIMIT 1`,
      )
      .pluck()
      .get(minutesId, after, other, after, afterId) as number | undefined;
  }
  if (next === undefined) return lower + 1;
  if (next - lower > 1e-6) return (lower + next) / 2;
  return renumberAround(db, minutesId, afterId, other);
}

/** Renumbers the entries (but `self`) 1, 2, 3… and answers the position right after `afterId`. */
function renumberAround(db: CacheDb, minutesId: string, afterId: string | null, self: string | null): number {
  const ids = db
    .prepare('SELECT id FROM minutes_entries WHERE minutes_id = ? AND id IS NOT ? ORDER BY position, id')
    .pluck()
    .all(minutesId, self) as string[];
  const renumber = db.prepare('UPDATE minutes_entries SET position = ? WHERE minutes_id = ? AND id = ?');
  ids.forEach((id, i) => renumber.run(i + 1, minutesId, id));
  return (afterId === null ? 0 : ids.indexOf(afterId) + 1) + 0.5;
}

export function currentRevision(db: CacheDb, id: string): { revision: number; status: MinutesStatus } {
  const row = db.prepare('SELECT revision, status FROM minutes WHERE id = ?').get(id) as
    { revision: number; status: MinutesStatus } | undefined;
  if (!row) throw new AppError('not_found', `No minutes ${id} on this computer.`);
  return row;
}

/** The columns of `minutes` a change may set beside the revision. */
export interface MinutesRowPatch {
  header?: MinutesHeader;
  startedAt?: string | null;
  endedAt?: string | null;
  recordingStartedAt?: string | null;
  status?: MinutesStatus;
  finalisedAt?: string | null;
  approvedBy?: MinutesApprover | null;
  approvedAt?: string | null;
  submittedAt?: string | null;
}

const COLUMN: Record<Exclude<keyof MinutesRowPatch, 'approvedBy'>, string> = {
  header: 'header',
  startedAt: 'started_at',
  endedAt: 'ended_at',
  recordingStartedAt: 'recording_started_at',
  status: 'status',
  finalisedAt: 'finalised_at',
  approvedAt: 'approved_at',
  submittedAt: 'submitted_at',
};

/** Sets the given columns and raises the revision; returns the new revision. */
export function updateMinutesRow(db: CacheDb, id: string, patch: MinutesRowPatch, savedAt: string): number {
  const sets: string[] = ['revision = revision + 1', 'saved_at = ?'];
  const values: Array<string | null> = [savedAt];
  for (const [key, column] of Object.entries(COLUMN) as Array<[keyof typeof COLUMN, string]>) {
    if (!(key in patch)) continue;
    const value = patch[key];
    sets.push(`${column} = ?`);
    values.push(
      value === undefined || value === null
        ? null
        : typeof value === 'string'
          ? value
          : JSON.stringify(value),
    );
  }
  if ('approvedBy' in patch) {
    sets.push('approved_by_id = ?', 'approved_by_name = ?', 'approved_by_personal_code = ?');
    values.push(
      patch.approvedBy?.id ?? null,
      patch.approvedBy?.name ?? null,
      patch.approvedBy?.personalCode ?? null,
    );
  }
  const row = db
    .prepare(`UPDATE minutes SET ${sets.join(', ')} WHERE id = ? RETURNING revision`)
    .get(...values, id) as { revision: number } | undefined;
  if (!row) throw new AppError('not_found', `No minutes ${id} on this computer.`);
  return row.revision;
}
