import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Db,
  LATEST_SCHEMA_VERSION,
  SchemaTooNewError,
  migrate,
  openDb,
  schemaVersion,
} from '../../src-register/db/index.js';
import { MIGRATIONS } from '../../src-register/db/migrations/index.js';
import { describeOnBothDatabases } from './databases.js';

const CASE = '11111111-1111-4111-8111-111111111111';
const OTHER_CASE = '22222222-2222-4222-8222-222222222222';

describeOnBothDatabases('migrations', (dbs) => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb(await dbs().create('migrations'));
  });
  afterAll(() => db?.close());

  it('apply every migration to an empty database, then nothing on a second run', async () => {
    expect(await schemaVersion(db)).toBe(0);
    expect(await migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(await migrate(db)).toEqual([]);
    const rows = await db.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    const tables = await db.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'audit_log',
        'auth_challenges',
        'case_number_counters',
        'cases',
        'courts',
        'documents',
        'hearing_judges',
        'hearings',
        'parties',
        'procedural_steps',
        'role_assignments',
        'sessions',
        'users',
      ]),
    );
  });

  it('refuse a database whose schema is newer than this register', async () => {
    await db.query("INSERT INTO schema_migrations (version, name) VALUES (999, 'from-the-future')");
    try {
      await expect(migrate(db)).rejects.toThrow(SchemaTooNewError);
      await expect(migrate(db)).rejects.toThrow(/999.*newer register/);
    } finally {
      await db.query('DELETE FROM schema_migrations WHERE version = 999');
    }
  });

  it('roll back a failing migration as a whole', async () => {
    const broken = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'broken',
      up: 'CREATE TABLE half_done (id int); SELECT no_such_function();',
    };
    await expect(migrate(db, [...MIGRATIONS, broken])).rejects.toThrow();
    expect(await schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    const [row] = await db.query<{ present: boolean }>(
      "SELECT to_regclass('half_done') IS NOT NULL AS present",
    );
    expect(row!.present).toBe(false);
  });

  it('bump a case version from one global sequence whenever the case or a row inside it changes', async () => {
    await db.query(
      "INSERT INTO courts (code, name, level, ecli_code) VALUES ('TST', 'Test Court', 1, 'TST')",
    );
    const insertCase = (id: string, number: string) =>
      db.query(
        `INSERT INTO cases (id, number, procedure_type, court_code, status, subject, registered_at)
         VALUES ($1, $2, 'civil', 'TST', 'registered', 'test', now())`,
        [id, number],
      );
    const versionOf = async (id: string) =>
      (await db.query<{ version: number }>('SELECT version FROM cases WHERE id = $1', [id]))[0]!.version;

    await insertCase(CASE, '2-26-1');
    const v1 = await versionOf(CASE);
    expect(v1).toBeGreaterThan(0);
    await insertCase(OTHER_CASE, '2-26-2');
    const v2 = await versionOf(OTHER_CASE);
    expect(v2).toBeGreaterThan(v1);

    const partyId = '33333333-3333-4333-8333-333333333333';
    await db.query(
      `INSERT INTO parties (id, case_id, position, kind, name, role) VALUES ($1, $2, 0, 'natural', 'Mari Tamm', 'plaintiff')`,
      [partyId, CASE],
    );
    const v3 = await versionOf(CASE);
    expect(v3).toBeGreaterThan(v2);
    await db.query("UPDATE parties SET name = 'Mari Kask' WHERE id = $1", [partyId]);
    const v4 = await versionOf(CASE);
    expect(v4).toBeGreaterThan(v3);

    const hearingId = '44444444-4444-4444-8444-444444444444';
    await db.query(
      `INSERT INTO hearings (id, case_id, starts_at, room, public, kind) VALUES ($1, $2, now(), 'Saal 1', true, 'main')`,
      [hearingId, CASE],
    );
    await db.query(
      "INSERT INTO users (id, name, personal_code) VALUES ('55555555-5555-4555-8555-555555555555', 'J', '37605030299')",
    );
    const v5 = await versionOf(CASE);
    await db.query(
      "INSERT INTO hearing_judges (hearing_id, user_id, position) VALUES ($1, '55555555-5555-4555-8555-555555555555', 0)",
      [hearingId],
    );
    expect(await versionOf(CASE)).toBeGreaterThan(v5);
    expect(await versionOf(OTHER_CASE)).toBe(v2);
    const v6 = await versionOf(CASE);
    await db.query('DELETE FROM parties WHERE id = $1', [partyId]);
    expect(await versionOf(CASE)).toBeGreaterThan(v6);
  });

  it('commit a transaction as a whole, roll back a failing one, and nest savepoints', async () => {
    await db.exec('CREATE TABLE tx_probe (n integer PRIMARY KEY)');
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO tx_probe VALUES (1)');
      await expect(
        tx.transaction(async (inner) => {
          await inner.query('INSERT INTO tx_probe VALUES (2)');
          throw new Error('inner fails');
        }),
      ).rejects.toThrow('inner fails');
      await tx.transaction((inner) => inner.query('INSERT INTO tx_probe VALUES (3)'));
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO tx_probe VALUES (4)');
        await tx.query('INSERT INTO tx_probe VALUES (1)');
      }),
    ).rejects.toThrow();
    const rows = await db.query<{ n: number }>('SELECT n FROM tx_probe ORDER BY n');
    expect(rows.map((r) => r.n)).toEqual([1, 3]);
    await db.exec('DROP TABLE tx_probe');
  });

  it('reject rows that break the constraints', async () => {
    await expect(
      db.query(
        `INSERT INTO cases (id, number, procedure_type, court_code, status, subject, registered_at)
         VALUES ('66666666-6666-4666-8666-666666666666', '2-26-01', 'civil', 'TST', 'registered', 'x', now())`,
      ),
    ).rejects.toThrow();
    await expect(
      db.query(
        "INSERT INTO role_assignments (id, user_id, role, court_code) VALUES ('77777777-7777-4777-8777-777777777777', '55555555-5555-4555-8555-555555555555', 'observer', 'TST')",
      ),
    ).rejects.toThrow();
  });
});
