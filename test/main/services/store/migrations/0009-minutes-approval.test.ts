import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../src-main/services/store/cache.js';
import { MIGRATIONS } from '../../../../../src-main/services/store/migrations/index.js';
import { cacheAt, expectRollsBack } from './helpers.js';

const insertMinutes = (db: ReturnType<typeof cacheAt>, id: string, approved: boolean) =>
  db
    .prepare(
      `INSERT INTO minutes (id, hearing_id, case_id, status, revision, header, created_at, saved_at,
         approved_by_id, approved_by_name, approved_at)
       VALUES (?, ?, 'c1', ?, 3, '{}', 't', 't', ?, ?, ?)`,
    )
    .run(
      id,
      `h-${id}`,
      approved ? 'approved' : 'finalised',
      approved ? 'judge-1' : null,
      approved ? 'Mari Maasikas' : null,
      approved ? '2026-12-02T12:00:00Z' : null,
    );

describe('migration 0009 (minutes approval)', () => {
  it("adds the approving judge's personal code, keeping minutes approved before it", () => {
    const db = cacheAt(8);
    insertMinutes(db, 'm1', true);
    insertMinutes(db, 'm2', false);
    migrate(db, MIGRATIONS.slice(0, 9));
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    const rows = () =>
      db
        .prepare('SELECT id, approved_by_name, approved_by_personal_code FROM minutes ORDER BY id')
        .raw()
        .all();
    expect(rows()).toEqual([
      ['m1', 'Mari Maasikas', null],
      ['m2', null, null],
    ]);
    db.prepare("UPDATE minutes SET approved_by_personal_code = '48001010279' WHERE id = 'm2'").run();
    expect(rows()[1]).toEqual(['m2', null, '48001010279']);
    // STRICT: a code is text.
    expect(() =>
      db.prepare("UPDATE minutes SET approved_by_personal_code = x'00' WHERE id = 'm2'").run(),
    ).toThrow(/cannot store BLOB/);
    db.close();
  });

  it('rolls back to version 8 when it fails, and runs again afterwards', () => {
    const db = cacheAt(8);
    insertMinutes(db, 'm1', true);
    expectRollsBack(db, 9);
    db.close();
  });
});
