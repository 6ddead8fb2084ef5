import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../src-main/services/store/cache.js';
import { MIGRATIONS } from '../../../../../src-main/services/store/migrations/index.js';
import { cacheAt, expectRollsBack } from './helpers.js';

const SHA = 'a'.repeat(64);

const insertFiling = (db: ReturnType<typeof cacheAt>, id: string, source = 's1') =>
  db
    .prepare(
      `INSERT INTO filings (document_id, source_kind, source_id, case_id, kind, title, sha256, size,
         media_type, queued_at) VALUES (?, 'draft', ?, 'c1', 'decision', 'Kohtuotsus', ?, 10, 'x', 't')`,
    )
    .run(id, source, SHA);

describe('migration 0006 (filings)', () => {
  it('adds filings to an existing cache, queued by default, with the states checked', () => {
    const db = cacheAt(5);
    migrate(db, MIGRATIONS.slice(0, 6));
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    insertFiling(db, 'd1');
    insertFiling(db, 'd2');
    expect(db.prepare("SELECT state FROM filings WHERE document_id = 'd1'").pluck().get()).toBe('queued');
    expect(() => insertFiling(db, 'd1')).toThrow(/UNIQUE/);
    // Filed only with a number, failed only with a reason.
    expect(() => db.prepare("UPDATE filings SET state = 'filed' WHERE document_id = 'd1'").run()).toThrow(
      /CHECK constraint/,
    );
    expect(() => db.prepare("UPDATE filings SET state = 'failed' WHERE document_id = 'd1'").run()).toThrow(
      /CHECK constraint/,
    );
    db.prepare(
      "UPDATE filings SET state = 'filed', document_number = '2-24-1/3' WHERE document_id = 'd1'",
    ).run();
    expect(() => db.prepare("UPDATE filings SET source_kind = 'note'").run()).toThrow(/CHECK constraint/);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT * FROM filings WHERE source_kind = 'draft' AND source_id = 's1'")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/filings_by_source/);
    db.close();
  });

  it('rolls back to version 5 when it fails, and runs again afterwards', () => {
    const db = cacheAt(5);
    expectRollsBack(db, 6);
    db.close();
  });
});
