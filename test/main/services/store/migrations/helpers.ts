import Database from 'better-sqlite3-multiple-ciphers';
import { expect } from 'vitest';
import { migrate } from '../../../../../src-main/services/store/cache.js';
import type { Migration } from '../../../../../src-main/services/store/migrations/index.js';
import { MIGRATIONS } from '../../../../../src-main/services/store/migrations/index.js';
import type { CaseSnapshot } from '../../../../../src-shared/domain/index.js';

/** A cache at `version`: every migration up to and including it, and nothing after. */
export function cacheAt(version: number): Database.Database {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS.slice(0, version));
  expect(db.pragma('user_version', { simple: true })).toBe(version);
  return db;
}

export const migrationOf = (version: number): Migration => {
  const migration = MIGRATIONS.find((m) => m.version === version);
  if (!migration) throw new Error(`no migration ${version}`);
  return migration;
};

/** Every schema object and every row of every table, in a stable order: the whole database. */
export function dump(db: Database.Database): unknown {
  const objects = db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as Array<{ type: string; name: string; sql: string | null }>;
  const rows: Record<string, unknown[]> = {};
  for (const { type, name, sql } of objects) {
    if (type !== 'table') continue;
    const order = sql && /WITHOUT ROWID/i.test(sql) ? '1' : 'rowid';
    rows[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).raw().all();
  }
  return { userVersion: db.pragma('user_version', { simple: true }), objects, rows };
}

/**
 * Runs `version`'s migration on `db` (at version - 1) with a failure injected after all of its
 * work, and checks that nothing of it stayed: schema, rows and user_version as before.
 */
export function expectRollsBack(db: Database.Database, version: number): void {
  const before = dump(db);
  const migration = migrationOf(version);
  const failing: Migration = {
    ...migration,
    up(d) {
      migration.up(d);
      throw new Error('injected failure at the end of the migration');
    },
  };
  const earlier = MIGRATIONS.filter((m) => m.version < version);
  expect(() => migrate(db, [...earlier, failing])).toThrow('injected failure');
  expect(dump(db)).toEqual(before);
  // And the real migration still runs afterwards.
  migrate(db, [...earlier, migration]);
  expect(db.pragma('user_version', { simple: true })).toBe(version);
}

/**
 * Writes a case as the app did at schema versions 1–3 (the index then had `party_names` and
 * `document_titles` only), so later migrations are tested on a cache an older app left behind.
 */
export function insertCaseV1(db: Database.Database, snapshot: CaseSnapshot): void {
  const { rowid } = db
    .prepare(
      `INSERT INTO cases (id, number, procedure_type, court_code, status, subject, restriction,
                          registered_at, judge_name, next_hearing_at, version, snapshot)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?) RETURNING rowid`,
    )
    .get(
      snapshot.id,
      snapshot.number,
      snapshot.procedureType,
      snapshot.court.code,
      snapshot.status,
      snapshot.subject,
      snapshot.restriction,
      snapshot.registeredAt,
      snapshot.judge?.name ?? null,
      snapshot.version,
      JSON.stringify(snapshot),
    ) as { rowid: number };
  db.prepare(
    'INSERT INTO cases_search (rowid, number, subject, party_names, document_titles) VALUES (?, ?, ?, ?, ?)',
  ).run(
    rowid,
    snapshot.number,
    snapshot.subject,
    snapshot.parties.map((party) => party.name).join('\n'),
    snapshot.documents.map((document) => document.title).join('\n'),
  );
}
