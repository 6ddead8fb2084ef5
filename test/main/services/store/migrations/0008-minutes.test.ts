import { describe, expect, it } from 'vitest';
import { cacheAt, expectRollsBack } from './helpers.js';

const approve = (db: ReturnType<typeof cacheAt>, values: Array<string | null>) =>
  db
    .prepare(
      `INSERT INTO minutes (id, hearing_id, case_id, status, revision, header, created_at, saved_at,
         approved_by_id, approved_by_name, approved_by_personal_code, approved_at)
       VALUES (?, ?, 'c1', 'approved', 3, '{}', 't', 't', ?, ?, ?, '2026-12-02T12:00:00Z')`,
    )
    .run(`m-${values.join()}`, `h-${values.join()}`, ...values);

describe('migration 0008 (minutes)', () => {
  it("keeps the approving judge's id, name and personal code together, all three or none", () => {
    const db = cacheAt(8);
    approve(db, ['judge-1', 'Mari Maasikas', '48001010279']);
    approve(db, [null, null, null]);
    expect(() => approve(db, ['judge-1', 'Mari Maasikas', null])).toThrow(/CHECK constraint/);
    expect(() => approve(db, ['judge-1', null, '48001010279'])).toThrow(/CHECK constraint/);
    // STRICT: a code is text.
    expect(() =>
      db
        .prepare(`UPDATE minutes SET approved_by_personal_code = x'00' WHERE approved_by_id IS NOT NULL`)
        .run(),
    ).toThrow(/cannot store BLOB/);
    db.close();
  });

  it('rolls back to version 7 when it fails, and runs again afterwards', () => {
    const db = cacheAt(7);
    expectRollsBack(db, 8);
    db.close();
  });
});
