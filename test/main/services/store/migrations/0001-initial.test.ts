import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../src-main/services/store/cache.js';
import { initialSchema } from '../../../../../src-main/services/store/migrations/0001-initial.js';
import { expectRollsBack } from './helpers.js';

function columns(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
}

describe('migration 0001 (initial)', () => {
  const db = new Database(':memory:');
  migrate(db, [initialSchema]);

  it('reaches user_version 1', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(1);
  });

  it('creates the cases table as STRICT with the summary columns', () => {
    expect(columns(db, 'cases')).toEqual([
      'id',
      'number',
      'procedure_type',
      'court_code',
      'status',
      'subject',
      'restriction',
      'registered_at',
      'judge_name',
      'next_hearing_at',
      'version',
      'snapshot',
    ]);
    const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'cases'").pluck().get() as string;
    expect(sql).toMatch(/\)\s*STRICT$/);
    // STRICT: a value of the wrong type is refused, not silently stored.
    expect(() =>
      db
        .prepare(
          "INSERT INTO cases VALUES ('x', 'n', 'civil', 'HMK', 's', 's', 'none', 'r', NULL, NULL, 'not a number', '{}')",
        )
        .run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO cases VALUES ('x', 'n', 'civil', 'HMK', 's', 's', 'none', 'r', NULL, NULL, 1, 'not json')",
        )
        .run(),
    ).toThrow(/CHECK constraint/);
  });

  it('starts the sync cursor at 0 and allows only one sync_state row', () => {
    expect(db.prepare('SELECT cursor, last_success_at FROM sync_state').all()).toEqual([
      { cursor: '0', last_success_at: null },
    ]);
    expect(() => db.prepare("INSERT INTO sync_state (id, cursor) VALUES (2, '0')").run()).toThrow(
      /CHECK constraint/,
    );
  });

  it('creates an FTS5 index that folds Estonian diacritics', () => {
    const sql = db
      .prepare("SELECT sql FROM sqlite_master WHERE name = 'cases_search'")
      .pluck()
      .get() as string;
    expect(sql).toContain("tokenize = 'unicode61 remove_diacritics 2'");
    db.prepare(
      "INSERT INTO cases_search (rowid, number, subject, party_names, document_titles) VALUES (1, '2-24-1', 'Õunaaia jagamine', 'Jüri Šmidt', 'Hagiavaldus')",
    ).run();
    const find = (q: string) =>
      db.prepare('SELECT rowid FROM cases_search WHERE cases_search MATCH ?').pluck().all(q);
    expect(find('"ounaaia"*')).toEqual([1]);
    expect(find('"Õunaaia"')).toEqual([1]);
    expect(find('"juri" "smidt"')).toEqual([1]);
    expect(find('"pirn"*')).toEqual([]);
  });
});

describe('migration 0001 (initial), failing', () => {
  it('leaves an empty file empty when it fails half way', () => {
    const db = new Database(':memory:');
    expectRollsBack(db, 1);
    db.close();
  });
});
