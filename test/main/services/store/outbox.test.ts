import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CacheDb, migrate, openCache } from '../../../../src-main/services/store/cache.js';
import { MIGRATIONS } from '../../../../src-main/services/store/migrations/index.js';
import {
  applyPulledNote,
  getNote,
  listConflicts,
  notePutConflicted,
  putNote,
  resolveConflict,
} from '../../../../src-main/services/store/notes-store.js';
import { outboxStatus, sendable, setState } from '../../../../src-main/services/store/outbox.js';

const CASE_A = '11111111-1111-4111-8111-111111111111';
const CASE_B = '22222222-2222-4222-8222-222222222222';
const at = '2026-01-01T00:00:00.000Z';

let dir: string;
let db: CacheDb;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'chambers-outbox-'));
  db = openCache(join(dir, 'c.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const outboxRows = () =>
  db.prepare('SELECT id, case_id, payload, base_version, state FROM outbox ORDER BY seq').all() as Array<{
    id: string;
    case_id: string;
    payload: string;
    base_version: number | null;
    state: string;
  }>;

describe('migration 0003 (outbox)', () => {
  it('adds the tables to a version-2 cache and keeps its data; states are checked', () => {
    const raw = new Database(':memory:');
    migrate(raw, MIGRATIONS.slice(0, 2));
    raw.prepare("UPDATE sync_state SET cursor = '7' WHERE id = 1").run();
    migrate(raw, MIGRATIONS.slice(0, 3));
    expect(raw.pragma('user_version', { simple: true })).toBe(3);
    expect(raw.prepare('SELECT cursor FROM sync_state').pluck().get()).toBe('7');
    expect(() =>
      raw
        .prepare(
          `INSERT INTO outbox (id, kind, case_id, payload, state) VALUES ('x', 'case.note.put', 'c', '{}', 'lost')`,
        )
        .run(),
    ).toThrow(/CHECK constraint/);
    expect(() =>
      raw
        .prepare(
          `INSERT INTO outbox (id, kind, case_id, payload) VALUES ('y', 'case.note.put', 'c', 'not json')`,
        )
        .run(),
    ).toThrow(/CHECK constraint/);
    raw.close();
  });
});

describe('notes and the outbox', () => {
  it('writes the note and one outbox row together, with a client-made UUID v4', () => {
    const note = putNote(db, CASE_A, 'first');
    expect(note).toMatchObject({ caseId: CASE_A, text: 'first', baseVersion: null, unsent: true });
    const [row] = outboxRows();
    expect(row!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(JSON.parse(row!.payload)).toEqual({ caseId: CASE_A, text: 'first' });
    expect(outboxStatus(db)).toEqual({ pending: 1, failed: 0, conflicts: 0 });
  });

  it('coalesces unsent edits of one note into its pending row, keeping id and base version', () => {
    applyPulledNote(db, { caseId: CASE_A, text: 'server', version: 5, updatedAt: at });
    putNote(db, CASE_A, 'one');
    const [before] = outboxRows();
    putNote(db, CASE_A, 'two');
    putNote(db, CASE_B, 'other');
    const rows = outboxRows();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({ ...before, payload: JSON.stringify({ caseId: CASE_A, text: 'two' }) });
    expect(rows[0]!.base_version).toBe(5);
    // A row on its way is not changed: the next edit is a new row.
    setState(db, sendable(db, 10)[0]!.seq, 'sending');
    putNote(db, CASE_A, 'three');
    expect(outboxRows().map((row) => [row.case_id, row.state])).toEqual([
      [CASE_A, 'sending'],
      [CASE_B, 'pending'],
      [CASE_A, 'pending'],
    ]);
  });

  it('rolls the note back when its outbox row cannot be written', () => {
    expect(() => putNote(db, 'not-a-uuid', 'text')).toThrow(/caseId|UUID|guid/i);
    expect(getNote(db, 'not-a-uuid')).toBeNull();
    expect(outboxRows()).toHaveLength(0);
  });

  it('a pulled note replaces a clean local note but never one with unsent edits', () => {
    expect(applyPulledNote(db, { caseId: CASE_A, text: 'v3', version: 3, updatedAt: at })).toBe(true);
    expect(applyPulledNote(db, { caseId: CASE_A, text: 'old', version: 2, updatedAt: at })).toBe(false);
    expect(getNote(db, CASE_A)).toMatchObject({ text: 'v3', baseVersion: 3, unsent: false });
    putNote(db, CASE_A, 'mine');
    expect(applyPulledNote(db, { caseId: CASE_A, text: 'theirs', version: 9, updatedAt: at })).toBe(false);
    expect(getNote(db, CASE_A)).toMatchObject({ text: 'mine', baseVersion: 3, serverVersion: 9 });
  });

  it('a conflict keeps both texts; later edits go into it; both resolutions end it', () => {
    putNote(db, CASE_A, 'mine');
    const row = sendable(db, 1)[0]!;
    notePutConflicted(db, row, { caseId: CASE_A, text: 'theirs', version: 4, updatedAt: at }, 'stale');
    putNote(db, CASE_A, 'mine, edited');
    expect(outboxRows().filter((r) => r.state === 'pending')).toHaveLength(0);
    expect(listConflicts(db)).toEqual([
      expect.objectContaining({
        caseId: CASE_A,
        localText: 'mine, edited',
        serverText: 'theirs',
        serverVersion: 4,
      }),
    ]);
    expect(outboxStatus(db)).toEqual({ pending: 0, failed: 0, conflicts: 1 });
    const kept = resolveConflict(db, row.id, 'mine');
    expect(kept).toMatchObject({ text: 'mine, edited', baseVersion: 4, unsent: true, conflictId: null });
    const resent = outboxRows().at(-1)!;
    expect(resent).toMatchObject({ state: 'pending', base_version: 4 });
    expect(resent.id).not.toBe(row.id);
    expect(() => resolveConflict(db, row.id, 'theirs')).toThrow(/no open conflict/);

    const second = sendable(db, 1)[0]!;
    notePutConflicted(
      db,
      second,
      { caseId: CASE_A, text: 'theirs again', version: 6, updatedAt: at },
      'stale',
    );
    expect(resolveConflict(db, second.id, 'theirs')).toMatchObject({
      text: 'theirs again',
      baseVersion: 6,
      unsent: false,
    });
    expect(outboxStatus(db)).toEqual({ pending: 0, failed: 0, conflicts: 0 });
  });
});
