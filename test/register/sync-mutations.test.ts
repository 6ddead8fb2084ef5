import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningRegister } from '../../src-register/server.js';
import { SyncMutationsResponse } from '../../src-shared/register-api/index.js';
import { describeOnBothDatabases } from './databases.js';
import { call } from './http-client.js';
import { type StaffMember, changesUntilDone, counts, signIn, startSyncRegister } from './sync-harness.js';

describeOnBothDatabases('sync mutations', (dbs) => {
  let reg: RunningRegister;
  let staff: Map<string, StaffMember[]>;
  let judge: StaffMember;
  let token: string;
  let ownCase: { id: string; version: number };
  let otherCourtCaseId: string;

  const send = async (mutations: unknown[], as = token) => {
    const res = await call(reg.url, '/api/v1/sync/mutations', { json: { mutations }, token: as });
    expect(res.status).toBe(200);
    return SyncMutationsResponse.parse(res.body).results;
  };
  const note = (caseId: string, text: string, baseVersion: number | null, id = randomUUID()) => ({
    id,
    kind: 'case.note.put',
    baseVersion,
    payload: { caseId, text },
  });
  const step = (caseId: string, baseVersion: number | null, id = randomUUID()) => ({
    id,
    kind: 'procedural_step.add',
    baseVersion,
    payload: {
      stepId: randomUUID(),
      caseId,
      kind: 'hearing_postponed',
      occurredAt: '2026-11-20T09:00:00+02:00',
      description: 'Istung lükati edasi.',
    },
  });

  beforeAll(async () => {
    ({ reg, staff } = await startSyncRegister(dbs(), 'mutations'));
    judge = staff.get('judge')![0]!;
    token = await signIn(reg, judge.personalCode);
    [ownCase] = (await reg.db.query<{ id: string; version: number }>(
      "SELECT id, version FROM cases WHERE judge_id = $1 AND restriction = 'none' ORDER BY number LIMIT 1",
      [judge.id],
    )) as [{ id: string; version: number }];
    // A case this judge cannot see: a closed proceeding handled by someone else.
    const [other] = await reg.db.query<{ id: string }>(
      'SELECT id FROM cases WHERE judge_id <> $1 ORDER BY number LIMIT 1',
      [judge.id],
    );
    otherCourtCaseId = other!.id;
    await reg.db.query("UPDATE cases SET restriction = 'adoption' WHERE id = $1", [otherCourtCaseId]);
    await reg.db.query(
      `DELETE FROM hearing_judges WHERE user_id = $2 AND hearing_id IN (SELECT id FROM hearings WHERE case_id = $1)`,
      [otherCourtCaseId, judge.id],
    );
  });
  afterAll(() => reg?.close());

  it('applies a mutation id once: a retry gets the stored answer and changes nothing', async () => {
    const mutation = note(ownCase.id, 'Vaata üle tunnistaja ütlused.', null);
    const before = await counts(reg);
    const [first] = await send([mutation]);
    expect(first).toMatchObject({ id: mutation.id, status: 'applied', record: { type: 'case-note' } });
    const afterFirst = await counts(reg);
    expect(await send([mutation])).toEqual([first]);
    expect(await send([mutation, mutation])).toEqual([first, first]);
    expect(await counts(reg)).toEqual(afterFirst);
    expect(afterFirst.mutations).toBe(before.mutations + 1);
    expect(afterFirst.notes).toBe(before.notes + 1);
    const audits = await reg.db.query(
      "SELECT 1 FROM audit_log WHERE action = 'case-note.put' AND details->>'mutationId' = $1",
      [mutation.id],
    );
    expect(audits).toHaveLength(1);

    // The same id with another payload is refused with conflict, and the stored answer stays.
    const [reused] = await send([{ ...mutation, payload: { ...mutation.payload, text: 'Muu tekst' } }]);
    expect(reused).toMatchObject({ id: mutation.id, status: 'rejected', code: 'conflict' });
    expect(await send([mutation])).toEqual([first]);
    expect(await counts(reg)).toEqual(afterFirst);
  });

  it('applies an id once also when its retries arrive at the same time', async () => {
    const mutation = step(ownCase.id, null);
    const before = await counts(reg);
    const results = await Promise.all(Array.from({ length: 4 }, () => send([mutation])));
    expect(results.every((r) => JSON.stringify(r) === JSON.stringify(results[0]))).toBe(true);
    expect(results[0]![0]!.status).toBe('applied');
    const after = await counts(reg);
    expect([after.mutations - before.mutations, after.steps - before.steps]).toEqual([1, 1]);
  });

  it('answers a stale base version with conflict and the server record, keeping the server text', async () => {
    const caseId = ownCase.id;
    const [current] = await reg.db.query<{ version: number; text: string }>(
      'SELECT version, text FROM case_notes WHERE case_id = $1 AND user_id = $2',
      [caseId, judge.id],
    );
    const [laptop] = await send([note(caseId, 'Sülearvutist', current!.version)]);
    expect(laptop!.status).toBe('applied');
    const laptopVersion =
      laptop!.status === 'applied' && laptop!.record.type === 'case-note' ? laptop!.record.note!.version : -1;
    expect(laptopVersion).toBeGreaterThan(current!.version);
    // The desktop still holds the old version.
    const [desktop] = await send([note(caseId, 'Lauaarvutist', current!.version)]);
    expect(desktop).toMatchObject({
      status: 'conflict',
      record: { type: 'case-note', note: { caseId, text: 'Sülearvutist', version: laptopVersion } },
    });
    const [stored] = await reg.db.query<{ text: string }>(
      'SELECT text FROM case_notes WHERE case_id = $1 AND user_id = $2',
      [caseId, judge.id],
    );
    expect(stored!.text).toBe('Sülearvutist');
    // A new mutation on the server's version resolves it.
    const [merged] = await send([note(caseId, 'Sülearvutist\nLauaarvutist', laptopVersion)]);
    expect(merged!.status).toBe('applied');

    // A step based on an old case version conflicts with the case as the server has it.
    const [stale] = await send([step(caseId, 1)]);
    expect(stale).toMatchObject({ status: 'conflict', record: { type: 'case', case: { id: caseId } } });
  });

  it('sends a note back to its author only', async () => {
    const mine = await changesUntilDone(reg, token);
    expect(mine.changes).toContainEqual(
      expect.objectContaining({ kind: 'case-note', note: expect.objectContaining({ caseId: ownCase.id }) }),
    );
    const other = await signIn(reg, staff.get('court_president')![0]!.personalCode);
    expect((await changesUntilDone(reg, other)).changes.some((c) => c.kind === 'case-note')).toBe(false);
  });

  it('applies the rest of a batch when one mutation is rejected', async () => {
    const observer = await signIn(reg, staff.get('observer')![0]!.personalCode);
    const [forbidden] = await send([step(ownCase.id, null)], observer);
    expect(forbidden).toMatchObject({ status: 'rejected', code: 'forbidden' });

    const before = await counts(reg);
    const batch = [
      step(ownCase.id, null),
      note(otherCourtCaseId, 'x', null),
      step(otherCourtCaseId, null),
      step(ownCase.id, null),
    ];
    const results = await send(batch);
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'rejected', 'applied']);
    expect(results[1]).toMatchObject({ code: 'not_found' });
    const after = await counts(reg);
    expect(after.steps).toBe(before.steps + 2);
    expect(after.mutations).toBe(before.mutations + 4);
    const added = await reg.db.query<{ entered_by: string }>(
      'SELECT entered_by FROM procedural_steps WHERE id = ANY($1::uuid[])',
      [[batch[0]!, batch[3]!].map((m) => (m.payload as { stepId: string }).stepId)],
    );
    expect(added.map((r) => r.entered_by)).toEqual([judge.id, judge.id]);
    // The rejection is stored too: a retry gets it again.
    expect(await send([batch[1]])).toEqual([results[1]]);
  });

  it('refuses malformed batches whole with 400 and a reason, changing nothing', async () => {
    const before = await counts(reg);
    const good = note(ownCase.id, 'ok', null);
    const bad: [unknown, RegExp][] = [
      [{ mutations: [] }, /mutations/],
      [{ mutations: Array.from({ length: 101 }, () => good) }, /mutations/],
      [{ mutations: [good, { ...good, id: 'not-a-uuid' }] }, /mutations\.1\.id/],
      [{ mutations: [{ ...good, kind: 'case.delete' }] }, /kind/],
      [{ mutations: [{ ...good, baseVersion: -1 }] }, /baseVersion/],
      [{ mutations: [{ ...good, extra: 1 }] }, /extra/],
      [{ mutations: [{ ...good, payload: { caseId: ownCase.id, text: 'x'.repeat(20_001) } }] }, /text/],
      [{ mutations: [{ ...step(ownCase.id, null), payload: { caseId: ownCase.id } }] }, /stepId/],
      [{ mutations: [good], more: true }, /more/],
      [[good], /input/],
    ];
    for (const [json, reason] of bad) {
      const res = await call<{ error: { code: string; message: string } }>(
        reg.url,
        '/api/v1/sync/mutations',
        {
          json,
          token,
        },
      );
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
      expect(res.body.error.message).toMatch(reason);
    }
    expect(await counts(reg)).toEqual(before);
    expect((await call(reg.url, '/api/v1/sync/mutations', { json: { mutations: [good] } })).status).toBe(401);
  });
});
