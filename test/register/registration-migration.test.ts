import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Db, migrate, openDb } from '../../src-register/db/index.js';
import { MIGRATIONS } from '../../src-register/db/migrations/index.js';
import { nextDocumentNumber } from '../../src-register/domain/numbering.js';
import { describeOnBothDatabases } from './databases.js';

const CASE = '33333333-3333-4333-8333-333333333333';
const JUDGE = '44444444-4444-4444-8444-444444444444';

describeOnBothDatabases('registration migration', (dbs) => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb(await dbs().create('registration_migration'));
  });
  afterAll(() => db?.close());

  it('gives cases that existed before it a first proceeding and a document counter', async () => {
    const index = MIGRATIONS.findIndex((m) => m.name === 'registration');
    await migrate(db, MIGRATIONS.slice(0, index));
    await db.query(
      "INSERT INTO courts (code, name, level, ecli_code) VALUES ('TLRK', 'Tallinna Ringkonnakohus', 2, 'TLRK')",
    );
    await db.query("INSERT INTO users (id, name, personal_code) VALUES ($1, 'Kohtunik', '38001010008')", [
      JUDGE,
    ]);
    await db.query(
      `INSERT INTO cases (id, number, procedure_type, court_code, status, subject, registered_at, judge_id)
       VALUES ($1, '2-19-77', 'civil', 'TLRK', 'in_progress', 'vana asi', '2019-03-04T10:00:00Z', $2)`,
      [CASE, JUDGE],
    );
    await db.query(
      `INSERT INTO documents (id, case_id, number, kind, title, media_type, sha256, size, filed_at)
       VALUES (gen_random_uuid(), $1, '2-19-77/1', 'claim', 't', 'application/pdf', $2, 1, now()),
              (gen_random_uuid(), $1, '2-19-77/12', 'ruling', 't', 'application/pdf', $2, 1, now())`,
      [CASE, 'c'.repeat(64)],
    );
    await migrate(db);
    const proceedings = await db.query<{
      seq: number;
      court_code: string;
      kind: string;
      judge_ids: string[];
    }>('SELECT seq, court_code, kind, judge_ids::text[] AS judge_ids FROM proceedings WHERE case_id = $1', [
      CASE,
    ]);
    expect(proceedings).toEqual([{ seq: 1, court_code: 'TLRK', kind: 'appeal', judge_ids: [JUDGE] }]);
    expect(await db.transaction((tx) => nextDocumentNumber(tx, CASE))).toBe('2-19-77/13');
  });
});
