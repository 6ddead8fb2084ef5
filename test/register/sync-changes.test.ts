import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningRegister } from '../../src-register/server.js';
import { describeOnBothDatabases } from './databases.js';
import { call } from './http-client.js';
import {
  type StaffMember,
  caseIdOf,
  changesPage,
  changesUntilDone,
  signIn,
  startSyncRegister,
} from './sync-harness.js';

describeOnBothDatabases('sync change feed', (dbs) => {
  let reg: RunningRegister;
  let staff: Map<string, StaffMember[]>;
  const addStep = (caseId: string, description: string) =>
    reg.db.query(
      `INSERT INTO procedural_steps (id, case_id, kind, occurred_at, entered_at, description)
       VALUES ($1, $2, 'note', now(), now(), $3)`,
      [randomUUID(), caseId, description],
    );

  beforeAll(async () => {
    ({ reg, staff } = await startSyncRegister(dbs(), 'changes'));
  });
  afterAll(() => reg?.close());

  it('pages through the visible cases once each, and a resumed sequence ends exactly where an unbroken one does', async () => {
    const token = await signIn(reg, staff.get('court_president')![0]!.personalCode);
    const whole = await changesUntilDone(reg, token, '0', 500);
    const ids = whole.changes.map(caseIdOf);
    expect(whole.changes.every((c) => c.kind === 'case')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(5);

    // Interrupted after the first page: asking again with the same cursor gives the same page.
    const first = await changesPage(reg, token, '0', 4);
    expect(first.hasMore).toBe(true);
    expect(await changesPage(reg, token, '0', 4)).toEqual(first);
    // A case already received and one not yet received change before the client comes back.
    const sent = caseIdOf(first.changes[0]!);
    const notYet = ids.at(-1)!;
    await addStep(sent, 'changed after page 1');
    await addStep(notYet, 'changed while the client was away');
    const rest = await changesUntilDone(reg, token, first.cursor, 4);
    const resumed = [...first.changes, ...rest.changes].map(caseIdOf);
    expect(new Set(resumed)).toEqual(new Set(ids));
    // Each changed case comes once more at its new version, nothing else repeats.
    expect(resumed.filter((id) => id === sent)).toHaveLength(2);
    expect(resumed.filter((id) => id === notYet)).toHaveLength(1);
    expect(resumed).toHaveLength(ids.length + 1);
    const last = rest.changes.find((c) => caseIdOf(c) === notYet);
    expect(last?.kind === 'case' && last.case.steps.map((s) => s.description)).toContain(
      'changed while the client was away',
    );
    expect(await changesPage(reg, token, rest.cursor)).toEqual({
      changes: [],
      cursor: rest.cursor,
      hasMore: false,
      remaining: 0,
      accessEpoch: expect.any(String),
    });
  });

  it('keeps /sync/pull as the same feed', async () => {
    const token = await signIn(reg, staff.get('judge')![0]!.personalCode);
    const changes = await call(reg.url, '/api/v1/sync/changes?limit=3', { token });
    const pull = await call(reg.url, '/api/v1/sync/pull?limit=3', { token });
    expect(pull.status).toBe(200);
    expect(pull.body).toEqual(changes.body);
  });

  it('sends a reassigned closed case as a removal to the old judge and an insertion to the new one', async () => {
    const [x, y, z] = staff.get('judge')!;
    const [target] = await reg.db.query<{ id: string }>(
      'SELECT id FROM cases WHERE judge_id = $1 ORDER BY number LIMIT 1',
      [x!.id],
    );
    const caseId = target!.id;
    // A closed proceeding handled by X alone: X's hearing seats go to Z, Y has none.
    await reg.db.transaction(async (tx) => {
      await tx.query("UPDATE cases SET restriction = 'closed', status = 'closed' WHERE id = $1", [caseId]);
      await tx.query(
        `DELETE FROM hearing_judges WHERE user_id = ANY($2::uuid[])
         AND hearing_id IN (SELECT id FROM hearings WHERE case_id = $1)`,
        [caseId, [x!.id, y!.id]],
      );
      if ((await tx.query("SELECT 1 FROM pg_class WHERE relname = 'case_judges'")).length)
        await tx.query('DELETE FROM case_judges WHERE case_id = $1 AND judge_id = $2', [caseId, y!.id]);
    });
    const tokens = await Promise.all([x!, y!, z!].map((u) => signIn(reg, u.personalCode)));
    const [cx, cy, cz] = await Promise.all(tokens.map(async (t) => (await changesUntilDone(reg, t)).cursor));
    const seenBy = async (token: string, cursor: string) =>
      (await changesUntilDone(reg, token, cursor)).changes.filter((c) => caseIdOf(c) === caseId);

    await reg.db.transaction(async (tx) => {
      await tx.query('UPDATE cases SET judge_id = $2 WHERE id = $1', [caseId, y!.id]);
      if ((await tx.query("SELECT 1 FROM pg_class WHERE relname = 'case_judges'")).length) {
        await tx.query('DELETE FROM case_judges WHERE case_id = $1', [caseId]);
        await tx.query('INSERT INTO case_judges (case_id, judge_id, position) VALUES ($1, $2, 1)', [
          caseId,
          y!.id,
        ]);
      }
    });

    expect(await seenBy(tokens[0]!, cx!)).toEqual([{ kind: 'case-removed', caseId }]);
    const forY = await seenBy(tokens[1]!, cy!);
    expect(forY).toHaveLength(1);
    expect(forY[0]!.kind === 'case' && forY[0]!.case.judge?.id).toBe(y!.id);
    // A judge who never had the case learns nothing, not even its id.
    expect(await seenBy(tokens[2]!, cz!)).toEqual([]);

    // Back to X: Y loses it, X gains it.
    const [cx2, cy2] = await Promise.all(
      tokens.slice(0, 2).map(async (t) => (await changesUntilDone(reg, t)).cursor),
    );
    await reg.db.transaction(async (tx) => {
      await tx.query('UPDATE cases SET judge_id = $2 WHERE id = $1', [caseId, x!.id]);
      if ((await tx.query("SELECT 1 FROM pg_class WHERE relname = 'case_judges'")).length)
        await tx.query('UPDATE case_judges SET judge_id = $2 WHERE case_id = $1', [caseId, x!.id]);
    });
    expect((await seenBy(tokens[0]!, cx2!)).map((c) => c.kind)).toEqual(['case']);
    expect(await seenBy(tokens[1]!, cy2!)).toEqual([{ kind: 'case-removed', caseId }]);
  });

  it('sends a deleted case as a removal to those who could see it', async () => {
    const president = await signIn(reg, staff.get('court_president')![0]!.personalCode);
    const { cursor } = await changesUntilDone(reg, president);
    const [victim] = await reg.db.query<{ id: string }>(
      "SELECT id FROM cases WHERE restriction = 'none' ORDER BY number DESC LIMIT 1",
    );
    await reg.db.query('DELETE FROM cases WHERE id = $1', [victim!.id]);
    const { changes } = await changesUntilDone(reg, president, cursor);
    expect(changes).toEqual([{ kind: 'case-removed', caseId: victim!.id }]);
  });
});
