import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Db, migrate, openDb } from '../../src-register/db/index.js';
import { describeOnBothDatabases } from './databases.js';

const CASE = '55555555-5555-4555-8555-555555555555';
const DOCUMENT = '66666666-6666-4666-8666-666666666666';

describeOnBothDatabases('decisions migration', (dbs) => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb(await dbs().create('decisions_migration'));
    await migrate(db);
    await db.query("INSERT INTO courts (code, name, level, ecli_code) VALUES ('RK', 'Riigikohus', 3, 'RK')");
    await db.query(
      `INSERT INTO cases (id, number, procedure_type, court_code, status, subject, registered_at)
       VALUES ($1, '3-24-601', 'administrative', 'RK', 'decided', 'kaebus', '2024-02-01T09:00:00Z')`,
      [CASE],
    );
    await db.query(
      `INSERT INTO documents (id, case_id, number, kind, title, media_type, sha256, size, filed_at)
       VALUES ($1, $2, '3-24-601/7', 'judgment', 'Kohtuotsus', $3, $4, 1, now())`,
      [
        DOCUMENT,
        CASE,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'd'.repeat(64),
      ],
    );
  });
  afterAll(() => db?.close());

  const versionOf = async () =>
    (await db.query<{ version: number }>('SELECT version FROM cases WHERE id = $1', [CASE]))[0]!.version;

  it('keeps a final decision with keywords, annotations, provisions and its ECLI, and touches its case', async () => {
    const before = await versionOf();
    await db.query(
      `INSERT INTO decisions (id, case_id, document_id, kind, pronounced_at, final, final_at, keywords, annotations,
                              provisions, ecli)
       VALUES (gen_random_uuid(), $1, $2, 'judgment', '2024-06-03T10:00:00Z', true, '2024-06-03T10:00:00Z',
               ARRAY['haldusakt', 'kaalutlusõigus'], $3::jsonb, ARRAY['HMS § 4'], 'ECLI:EE:RK:2024:3.24.601.7')`,
      [CASE, DOCUMENT, JSON.stringify([{ text: 'Kaalutlusõiguse piirid. (p 14.2)' }])],
    );
    expect(await versionOf()).toBeGreaterThan(before);
    const [row] = await db.query<{ keywords: string[]; ecli: string }>(
      'SELECT keywords, ecli FROM decisions WHERE case_id = $1',
      [CASE],
    );
    expect(row).toEqual({ keywords: ['haldusakt', 'kaalutlusõigus'], ecli: 'ECLI:EE:RK:2024:3.24.601.7' });
  });

  it('refuses a malformed ECLI, an unknown kind, and finality without its date', async () => {
    const insert = (kind: string, final: boolean, finalAt: string | null, ecli: string | null) =>
      db.query(
        `INSERT INTO decisions (id, case_id, kind, final, final_at, ecli)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5)`,
        [CASE, kind, final, finalAt, ecli],
      );
    await expect(insert('ruling', false, null, 'ECLI:EE:RK:2024:3-24-601/7')).rejects.toThrow();
    await expect(insert('verdict', false, null, null)).rejects.toThrow();
    await expect(insert('ruling', true, null, null)).rejects.toThrow();
    await expect(insert('ruling', false, '2024-06-03T10:00:00Z', null)).rejects.toThrow();
    expect(await db.query('SELECT 1 FROM decisions WHERE kind <> $1', ['judgment'])).toEqual([]);
  });
});
