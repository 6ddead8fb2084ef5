import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../src-main/services/store/cache.js';
import { MIGRATIONS } from '../../../../../src-main/services/store/migrations/index.js';
import { makeCase } from '../../../support/cases.js';
import { cacheAt, dump, expectRollsBack, insertCaseV1 } from './helpers.js';

function cacheAt2WithData() {
  const db = cacheAt(2);
  insertCaseV1(db, makeCase(1, { subject: 'Õunaaia piiri vaidlus' }));
  insertCaseV1(db, makeCase(2));
  db.prepare("UPDATE sync_state SET cursor = '17', access_epoch = '1.0', sweeping = 1 WHERE id = 1").run();
  db.prepare("INSERT INTO sweep_seen (id) VALUES ('case-1')").run();
  return db;
}

describe('migration 0003 (outbox)', () => {
  it('keeps the cases, the index, the cursor and a sweep in progress of a version-2 cache', () => {
    const db = cacheAt2WithData();
    const before = dump(db) as { rows: Record<string, unknown[]> };
    migrate(db, MIGRATIONS.slice(0, 3));
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    const after = dump(db) as { rows: Record<string, unknown[]> };
    for (const [table, rows] of Object.entries(before.rows)) expect(after.rows[table]).toEqual(rows);
    expect(after.rows.notes).toEqual([]);
    expect(after.rows.outbox).toEqual([]);
    expect(after.rows.conflicts).toEqual([]);
    db.close();
  });

  it('makes a conflict go with its outbox row', () => {
    const db = cacheAt(3);
    db.pragma('foreign_keys = ON');
    db.prepare(
      `INSERT INTO outbox (id, kind, case_id, payload, state) VALUES ('o1', 'case.note.put', 'c', '{}', 'conflict')`,
    ).run();
    db.prepare(
      `INSERT INTO conflicts (id, case_id, local_text, server_text, server_version, created_seq) VALUES ('o1', 'c', 'a', 'b', 2, 1)`,
    ).run();
    expect(() =>
      db
        .prepare(`INSERT INTO conflicts (id, case_id, local_text, created_seq) VALUES ('none', 'd', 'a', 1)`)
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM outbox WHERE id = 'o1'").run();
    expect(db.prepare('SELECT count(*) FROM conflicts').pluck().get()).toBe(0);
    db.close();
  });

  it('rolls back to version 2 with its data when it fails', () => {
    const db = cacheAt2WithData();
    expectRollsBack(db, 3);
    db.close();
  });
});
