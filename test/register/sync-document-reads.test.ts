// `document.read`: a read of a document's local copy on the desktop, reported afterwards for the
// register's read log (§18¹). On both databases.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningRegister } from '../../src-register/server.js';
import { type SyncMutationResult, SyncMutationsResponse } from '../../src-shared/register-api/index.js';
import { describeOnBothDatabases } from './databases.js';
import { call } from './http-client.js';
import { type StaffMember, signIn, startSyncRegister } from './sync-harness.js';

describeOnBothDatabases('sync document reads', (dbs) => {
  let reg: RunningRegister;
  let judge: StaffMember;
  let token: string;
  let plainDoc: string;
  let restrictedDoc: string;
  let strangerDoc: string;

  const send = async (mutations: unknown[]): Promise<SyncMutationResult[]> => {
    const res = await call(reg.url, '/api/v1/sync/mutations', { json: { mutations }, token });
    expect(res.status).toBe(200);
    return SyncMutationsResponse.parse(res.body).results;
  };
  const read = (documentId: string, readAt = '2026-11-30T21:15:00.000Z', id = randomUUID()) => ({
    id,
    kind: 'document.read',
    baseVersion: null,
    payload: { documentId, readAt },
  });
  const logged = (documentId: string) =>
    reg.db.query<{ chain: string; actor_user_id: string; details: Record<string, unknown> }>(
      "SELECT chain, actor_user_id, details FROM audit_log WHERE action = 'document.read' AND object_id = $1 ORDER BY id",
      [documentId],
    );

  beforeAll(async () => {
    let staff: Map<string, StaffMember[]>;
    ({ reg, staff } = await startSyncRegister(dbs(), 'document_reads'));
    judge = staff.get('judge')![0]!;
    token = await signIn(reg, judge.personalCode);
    const docs = await reg.db.query<{ id: string }>(
      `SELECT d.id FROM documents d JOIN cases c ON c.id = d.case_id
       WHERE c.judge_id = $1 AND c.restriction = 'none' ORDER BY d.number LIMIT 2`,
      [judge.id],
    );
    [plainDoc, restrictedDoc] = docs.map((d) => d.id) as [string, string];
    await reg.db.query('UPDATE documents SET restricted = true WHERE id = $1', [restrictedDoc]);
    // A document of a closed case of another judge, which this judge cannot see.
    const [stranger] = await reg.db.query<{ id: string; case_id: string }>(
      `SELECT d.id, d.case_id FROM documents d JOIN cases c ON c.id = d.case_id
       WHERE c.judge_id <> $1
         AND NOT EXISTS (SELECT 1 FROM case_staff s WHERE s.case_id = c.id AND s.user_id = $1)
         AND NOT EXISTS (SELECT 1 FROM case_judges j WHERE j.case_id = c.id AND j.judge_id = $1)
         AND NOT EXISTS (SELECT 1 FROM hearings h JOIN hearing_judges hj ON hj.hearing_id = h.id
                         WHERE h.case_id = c.id AND hj.user_id = $1)
       ORDER BY d.number LIMIT 1`,
      [judge.id],
    );
    strangerDoc = stranger!.id;
    await reg.db.query("UPDATE cases SET restriction = 'closed' WHERE id = $1", [stranger!.case_id]);
  });
  afterAll(() => reg?.close());

  it('logs a read of a restricted document in the read chain, with the time the desktop gives', async () => {
    const [result] = await send([read(restrictedDoc)]);
    expect(result).toMatchObject({
      status: 'applied',
      record: { type: 'read-logged', documentId: restrictedDoc, logged: true },
    });
    const entries = await logged(restrictedDoc);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      chain: 'read',
      actor_user_id: judge.id,
      details: { via: 'local copy', readAt: '2026-11-30T21:15:00.000Z', restricted: true },
    });
  });

  it('logs nothing for a document the register holds unrestricted', async () => {
    const [result] = await send([read(plainDoc)]);
    expect(result).toMatchObject({ status: 'applied', record: { type: 'read-logged', logged: false } });
    expect(await logged(plainDoc)).toHaveLength(0);
  });

  it('answers a document the user may not see as unknown, and logs nothing', async () => {
    const [result] = await send([read(strangerDoc), read(randomUUID())]);
    expect(result).toMatchObject({ status: 'rejected', code: 'not_found' });
    expect(await logged(strangerDoc)).toHaveLength(0);
  });

  it('logs a report sent twice (a retry after a lost answer) once', async () => {
    const id = randomUUID();
    const before = (await logged(restrictedDoc)).length;
    const first = await send([read(restrictedDoc, '2026-12-01T08:00:00.000Z', id)]);
    const again = await send([read(restrictedDoc, '2026-12-01T08:00:00.000Z', id)]);
    expect(again).toEqual(first);
    expect(await logged(restrictedDoc)).toHaveLength(before + 1);
  });

  it('refuses a report without a valid time or document id, whole, with the reason', async () => {
    for (const payload of [
      { documentId: restrictedDoc, readAt: 'yesterday' },
      { documentId: 'not-an-id', readAt: '2026-12-01T08:00:00.000Z' },
      { documentId: restrictedDoc, readAt: '2026-12-01T08:00:00.000Z', text: 'more' },
    ]) {
      const res = await call(reg.url, '/api/v1/sync/mutations', {
        json: { mutations: [{ id: randomUUID(), kind: 'document.read', baseVersion: null, payload }] },
        token,
      });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toMatch(/readAt|documentId|text|Unrecognized/i);
    }
  });
});
