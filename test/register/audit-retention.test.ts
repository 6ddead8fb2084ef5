import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Db, migrate, openDb } from '../../src-register/db/index.js';
import { type AuditEntry, writeAudit } from '../../src-register/domain/audit.js';
import { verifyAuditLog } from '../../src-register/domain/audit-verify.js';
import { purgeExpiredReadRecords } from '../../src-register/jobs/audit-retention.js';
import { describeOnBothDatabases } from './databases.js';

const actor = {
  userId: '11111111-1111-4111-8111-111111111111',
  name: 'Jaan Tamm',
  personalCode: '37605030299',
};
const read = (id: string): AuditEntry => ({ actor, action: 'case.read', objectType: 'case', objectId: id });
const change = (id: string): AuditEntry => ({
  actor,
  action: 'case.change',
  objectType: 'case',
  objectId: id,
});

describeOnBothDatabases('audit log retention', (dbs) => {
  let db: Db;
  const count = async (chain: string) =>
    (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE chain = $1', [chain]))[0]!
      .n;

  beforeAll(async () => {
    db = await openDb(await dbs().create('audit_retention'));
    await migrate(db);
  });
  afterAll(() => db?.close());

  it('purges read records older than three years, keeps entries and newer reads, and still verifies', async () => {
    await writeAudit(db, [read('old-1'), change('a'), read('old-2'), read('old-3'), change('b')]);
    // "Now" for the job: just over three years after the old reads, before the new ones.
    const [{ now }] = (await db.query<{ now: Date }>(
      "SELECT max(at) + interval '3 years' + interval '10 milliseconds' AS now FROM audit_log",
    )) as [{ now: Date }];
    await db.query('SELECT pg_sleep(0.05)');
    await writeAudit(db, [read('new-1'), change('c'), read('new-2')]);
    const entriesBefore = await count('entry');

    expect(await purgeExpiredReadRecords(db, now)).toEqual({ purged: 3, throughSeq: 3 });
    const left = await db.query<{ object_id: string }>(
      "SELECT object_id FROM audit_log WHERE chain = 'read' ORDER BY seq",
    );
    expect(left.map((r) => r.object_id)).toEqual(['new-1', 'new-2']);
    expect(await count('entry')).toBe(entriesBefore + 1);
    const [purge] = await db.query<{ details: Record<string, unknown> }>(
      "SELECT details FROM audit_log WHERE action = 'audit.purge'",
    );
    expect(purge!.details).toMatchObject({ chain: 'read', throughSeq: 3, purged: 3 });
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true, checked: entriesBefore + 1 + 2 });

    // Nothing more is old at that moment; the read chain goes on from where it was.
    expect(await purgeExpiredReadRecords(db, now)).toEqual({ purged: 0, throughSeq: null });
    await writeAudit(db, [read('new-3'), change('d')]);
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true });
  });

  it('can purge the whole read chain and verification starts from the checkpoint', async () => {
    const entries = await count('entry');
    const far = new Date(Date.UTC(2100, 0, 1));
    expect(await purgeExpiredReadRecords(db, far)).toEqual({ purged: 3, throughSeq: 6 });
    expect(await count('read')).toBe(0);
    expect(await count('entry')).toBe(entries + 1);
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true, checked: entries + 1 });
    await writeAudit(db, read('after-all'));
    const [row] = await db.query<{ seq: number }>("SELECT seq FROM audit_log WHERE chain = 'read'");
    expect(row!.seq).toBe(7);
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true });
  });

  it('detects a forged checkpoint or read rows removed outside the purge', async () => {
    await writeAudit(db, [read('r-8'), read('r-9')]);
    let result: Awaited<ReturnType<typeof verifyAuditLog>> | undefined;
    await db
      .transaction(async (tx) => {
        await tx.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
        await tx.exec("DELETE FROM audit_log WHERE chain = 'read' AND seq <= 8");
        result = await verifyAuditLog(tx, { inTransaction: true });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(result).toMatchObject({ ok: false, chain: 'read', firstBrokenSeq: 7 });
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true });
  });
});
