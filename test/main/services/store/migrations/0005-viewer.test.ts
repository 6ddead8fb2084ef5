import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../src-main/services/store/cache.js';
import { MIGRATIONS } from '../../../../../src-main/services/store/migrations/index.js';
import { cacheAt, expectRollsBack } from './helpers.js';

const insertCase = (db: ReturnType<typeof cacheAt>, id: string) =>
  db
    .prepare(
      `INSERT INTO cases VALUES (?, '2-24-1', 'civil', 'HMK', 's', 'Õun', 'none', 'r', NULL, NULL, 1, '{}')`,
    )
    .run(id);

const insertAnnotation = (db: ReturnType<typeof cacheAt>, id: string, caseId: string) =>
  db
    .prepare(
      `INSERT INTO annotations (id, document_id, case_id, page, rect_x, rect_y, rect_width, rect_height,
         kind, text, color, created_at, updated_at)
       VALUES (?, 'd', ?, 1, 0, 0, 0.5, 0.5, 'note', 'x', 'yellow', 't', 't')`,
    )
    .run(id, caseId);

describe('migration 0005 (viewer)', () => {
  it('adds annotations and viewer state to an existing cache; a case leaving takes its annotations', () => {
    const db = cacheAt(4);
    insertCase(db, 'c1');
    insertCase(db, 'c2');
    migrate(db, MIGRATIONS.slice(0, 5));
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    insertAnnotation(db, 'a1', 'c1');
    insertAnnotation(db, 'a2', 'c2');
    expect(() => db.prepare("UPDATE annotations SET kind = 'scribble'").run()).toThrow(/CHECK constraint/);
    db.prepare("DELETE FROM cases WHERE id = 'c1'").run();
    expect(db.prepare('SELECT id FROM annotations').pluck().all()).toEqual(['a2']);
    db.prepare("INSERT INTO viewer_state VALUES ('d', '{}', 't')").run();
    expect(() => db.prepare("INSERT INTO viewer_state VALUES ('d', '{}', 't')").run()).toThrow(/UNIQUE/);
    db.close();
  });

  it('rolls back to version 4 with its data when it fails', () => {
    const db = cacheAt(4);
    insertCase(db, 'c1');
    expectRollsBack(db, 5);
    expect(db.prepare('SELECT subject FROM cases').pluck().get()).toBe('Õun');
    db.close();
  });
});
