import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Db, migrate, openDb } from '../../src-register/db/index.js';
import { MIGRATIONS } from '../../src-register/db/migrations/index.js';
import { type AuditEntry, SYSTEM_ACTOR, appendAudit, writeAudit } from '../../src-register/domain/audit.js';
import { verifyAuditLog } from '../../src-register/domain/audit-verify.js';
import { describeOnBothDatabases } from './databases.js';

const person = {
  userId: '11111111-1111-4111-8111-111111111111',
  name: 'Mari Maasikas',
  personalCode: '49403136526',
};
const entry = (i: number): AuditEntry => ({
  actor: person,
  action: i % 3 === 0 ? 'case.read' : 'case.change',
  objectType: 'case',
  objectId: `case-${i}`,
  details: { i, note: `change ${i}`, nested: { list: [i, 'x'], flag: i % 2 === 0 } },
});

class Rollback extends Error {}

describeOnBothDatabases('audit log hash chain', (dbs) => {
  let db: Db;
  /** Tampers as a superuser would (trigger off), verifies, and rolls everything back. */
  const tampered = async (sql: string[]) => {
    let result: Awaited<ReturnType<typeof verifyAuditLog>> | undefined;
    await db
      .transaction(async (tx) => {
        await tx.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
        for (const statement of sql) await tx.exec(statement);
        result = await verifyAuditLog(tx, { inTransaction: true });
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
    return result!;
  };

  beforeAll(async () => {
    db = await openDb(await dbs().create('audit_log'));
    // Rows written before the chain existed (migration 0001's era) get hashed afterwards.
    await migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 4),
    );
    await db.query(
      `INSERT INTO audit_log (actor_user_id, actor_name, actor_personal_code, action, object_type, object_id, details)
       VALUES (NULL, 'system', NULL, 'seed.demo-court', 'court', 'HMK', '{"cases": 3}'),
              ($1, $2, $3, 'case.read', 'case', 'c1', '{"via": "sync.pull"}'),
              ($1, $2, $3, 'session.sign-in', 'user', $1, '{}')`,
      [person.userId, person.name, person.personalCode],
    );
    await migrate(db);
  });
  afterAll(() => db?.close());

  it('hashes the rows written before the chain and keeps them verifiable', async () => {
    const rows = await db.query<{ chain: string; seq: number; hash: string | null }>(
      'SELECT chain, seq, hash FROM audit_log ORDER BY id',
    );
    expect(rows.map((r) => [r.chain, r.seq])).toEqual([
      ['entry', 1],
      ['read', 1],
      ['entry', 2],
    ]);
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true, checked: 3 });
    const hashed = await db.query<{ hash: string | null }>('SELECT hash FROM audit_log ORDER BY id');
    expect(hashed.every((r) => /^[0-9a-f]{64}$/.test(r.hash ?? ''))).toBe(true);
  });

  it('stays intact over many appends, one by one and in batches, on both chains', async () => {
    for (let i = 0; i < 60; i++) await writeAudit(db, entry(i));
    const appended = await appendAudit(
      db,
      Array.from({ length: 40 }, (_, i) => entry(100 + i)),
    );
    expect(appended.filter((a) => a.chain === 'read').map((a) => a.seq)).toEqual(
      Array.from({ length: 13 }, (_, i) => 22 + i),
    );
    const result = await verifyAuditLog(db);
    expect(result).toEqual({ ok: true, checked: 103, chain: null, firstBrokenSeq: null, reason: null });
  });

  it('never forks under concurrent writers, inside and outside transactions', async () => {
    const before = (await verifyAuditLog(db)).checked;
    await Promise.all(
      Array.from({ length: 48 }, (_, i) =>
        i % 4 === 0
          ? db.transaction(async (tx) => {
              await tx.query('SELECT count(*) FROM cases');
              await writeAudit(tx, [entry(i), entry(i + 1)]);
            })
          : writeAudit(db, entry(i)),
      ),
    );
    const result = await verifyAuditLog(db);
    expect(result).toMatchObject({ ok: true, checked: before + 48 + 12 });
    const [gaps] = await db.query<{ n: number; top: number }>(
      "SELECT count(*)::int AS n, max(seq)::int AS top FROM audit_log WHERE chain = 'entry'",
    );
    expect(gaps!.n).toBe(gaps!.top);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the log', async () => {
    await expect(db.query("UPDATE audit_log SET actor_name = 'x' WHERE seq = 1")).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query("DELETE FROM audit_log WHERE chain = 'entry'")).rejects.toThrow(/append-only/);
    await expect(db.query("DELETE FROM audit_log WHERE chain = 'read'")).rejects.toThrow(/append-only/);
    await expect(db.exec('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true });
  });

  it('detects an edited row', async () => {
    const result = await tampered([
      `UPDATE audit_log SET details = jsonb_set(details, '{note}', '"edited"') WHERE chain = 'entry' AND seq = 10`,
    ]);
    expect(result).toMatchObject({
      ok: false,
      chain: 'entry',
      firstBrokenSeq: 10,
      reason: expect.stringMatching(/changed/),
    });
    const renamed = await tampered([
      "UPDATE audit_log SET actor_personal_code = '37605030299' WHERE chain = 'read' AND seq = 5",
    ]);
    expect(renamed).toMatchObject({ ok: false, chain: 'read', firstBrokenSeq: 5 });
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true });
  });

  it('detects a deleted row, in the middle and at the end', async () => {
    expect(await tampered(["DELETE FROM audit_log WHERE chain = 'entry' AND seq = 20"])).toMatchObject({
      ok: false,
      chain: 'entry',
      firstBrokenSeq: 20,
      reason: expect.stringMatching(/missing/),
    });
    const [last] = await db.query<{ seq: number }>(
      "SELECT max(seq)::int AS seq FROM audit_log WHERE chain = 'read'",
    );
    expect(
      await tampered([`DELETE FROM audit_log WHERE chain = 'read' AND seq = ${last!.seq}`]),
    ).toMatchObject({
      ok: false,
      chain: 'read',
      firstBrokenSeq: last!.seq,
      reason: expect.stringMatching(/end of the chain/),
    });
  });

  it('detects two rows whose order was swapped', async () => {
    const result = await tampered([
      "UPDATE audit_log SET seq = 999999 WHERE chain = 'entry' AND seq = 30",
      "UPDATE audit_log SET seq = 30 WHERE chain = 'entry' AND seq = 31",
      "UPDATE audit_log SET seq = 31 WHERE chain = 'entry' AND seq = 999999",
    ]);
    expect(result).toMatchObject({ ok: false, chain: 'entry', firstBrokenSeq: 30 });
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true });
  });

  it('hashes details that jsonb stores differently from how JavaScript wrote them', async () => {
    const details = {
      big: 1e21,
      small: 1e-7,
      negativeZero: -0,
      float: 0.1 + 0.2,
      text: 'Õun äöü "quoted" \\ 🙂 \n',
      date: new Date(Date.UTC(2026, 10, 23)),
      missing: undefined,
      'z-key': [{ b: 1, a: 2 }],
      aa: null,
    };
    await writeAudit(db, { ...entry(7), action: 'case.change', details });
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true });
  });

  it('records who (name and personal code), when, what and on which object', async () => {
    await expect(writeAudit(db, { ...entry(1), actor: { ...person, personalCode: null } })).rejects.toThrow(
      /personal code/,
    );
    await writeAudit(db, { actor: SYSTEM_ACTOR, action: 'job.ran', objectType: 'job', objectId: null });
    const [row] = await db.query<{ at: Date; actor_name: string; chain: string }>(
      "SELECT at, actor_name, chain FROM audit_log WHERE action = 'job.ran'",
    );
    expect(row).toMatchObject({ actor_name: 'system', chain: 'entry' });
    expect(row!.at).toBeInstanceOf(Date);
  });
});
