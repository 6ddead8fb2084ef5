import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPlanVersion, loadCurrentPlan } from '../../../src-register/domain/allocation/plans.js';
import { verifyLog } from '../../../src-register/domain/allocation/allocation-log.js';
import { replayLogRow } from '../../../src-register/domain/allocation/replay.js';
import { readLogRow } from '../../../src-register/domain/allocation/allocation-log.js';
import type { RunningRegister } from '../../../src-register/server.js';
import { describeOnBothDatabases } from '../databases.js';
import { type Staff, loadStaff, registerAndAllocate, startAllocationRegister } from './fixture.js';

describeOnBothDatabases('allocateCase', (dbs) => {
  let reg: RunningRegister;
  let staff: Staff;
  beforeAll(async () => {
    reg = await startAllocationRegister(dbs(), 'allocate_case');
    staff = await loadStaff(reg.db);
  });
  afterAll(() => reg?.close());

  const judgesOf = async (caseId: string) => {
    const rows = await reg.db.query<{ judge_id: string }>(
      'SELECT judge_id FROM case_judges WHERE case_id = $1 ORDER BY position',
      [caseId],
    );
    return rows.map((r) => r.judge_id);
  };

  it('the demo seed adopts plan version 1 and logs it as the first link of the chain', async () => {
    const plan = await loadCurrentPlan(reg.db, 'HMK');
    expect(plan?.version).toBe(1);
    expect(plan?.entries.map((e) => e.judgeId).sort()).toEqual(staff.judges.map((j) => j.id).sort());
    expect(plan?.entries.find((e) => e.judgeId === staff.president.id)?.weight).toBe(0.5);
    const first = await readLogRow(reg.db, 1);
    expect(first).toMatchObject({ kind: 'plan_change', courtCode: 'HMK', caseId: null });
  });

  it('draws a judge, sets the case and its judges, and logs every input', async () => {
    const { id, outcome } = await registerAndAllocate(reg.db, staff.chancery.id);
    expect(outcome.judgeIds).toHaveLength(1);
    const [row] = await reg.db.query<{ judge_id: string }>('SELECT judge_id FROM cases WHERE id = $1', [id]);
    expect(row!.judge_id).toBe(outcome.judgeIds[0]);
    expect(await judgesOf(id)).toEqual(outcome.judgeIds);
    expect(outcome.record).toMatchObject({ kind: 'draw', caseId: id, planVersion: 1, lowPool: false });
    expect(outcome.record.draw?.candidates).toHaveLength(staff.judges.length);
    expect(outcome.record.draw?.random).toHaveLength(1);
    const stored = (await readLogRow(reg.db, outcome.logSeq))!;
    expect(replayLogRow(stored)).toMatchObject({ replayable: true, follows: true });
  });

  it('never draws an absent or excluded judge, and records why they were left out', async () => {
    const [absent, excluded, third] = staff.judges.filter((j) => j.id !== staff.president.id);
    const today = new Date().toISOString().slice(0, 10);
    await reg.db.query(
      `INSERT INTO judge_absences (id, court_code, judge_id, starts_on, ends_on, reason)
       VALUES (gen_random_uuid(), 'HMK', $1, $2::date - 1, $2::date + 1, 'puhkus')`,
      [absent!.id, today],
    );
    await reg.db.transaction(async (tx) => {
      const plan = (await loadCurrentPlan(tx, 'HMK'))!;
      await createPlanVersion(
        tx,
        'HMK',
        {
          reason: 'Kohtunik ei menetle perekonnaasju',
          entries: plan.entries,
          exclusions: [
            {
              judgeId: excluded!.id,
              procedureType: 'civil',
              category: 'perekond',
              reason: 'huvide konflikt',
            },
          ],
          panelProcedureTypes: [],
        },
        { userId: staff.president.id },
      );
    });
    for (let i = 0; i < 25; i++) {
      const { outcome } = await registerAndAllocate(reg.db, staff.chancery.id, { category: 'perekond' });
      expect(outcome.judgeIds).not.toContain(absent!.id);
      expect(outcome.judgeIds).not.toContain(excluded!.id);
      const why = Object.fromEntries(outcome.record.draw!.excluded.map((e) => [e.judgeId, e.why]));
      expect(why).toEqual({ [absent!.id]: 'absent', [excluded!.id]: 'excluded' });
    }
    // The exclusion is for family cases only: another category still reaches the judge's pool.
    const other = await registerAndAllocate(reg.db, staff.chancery.id, { category: 'võlaõigus' });
    expect(other.outcome.record.draw!.candidates.map((c) => c.judgeId)).toContain(excluded!.id);
    expect(third).toBeDefined();
  });

  it('sends a refiling to the earlier judge, matching parties by code, else by normalised name', async () => {
    const parties = [
      { name: 'Mari Maasikas', code: '49001010005' },
      { name: 'OÜ  Kuuse  Ehitus', code: null },
    ];
    const first = await registerAndAllocate(reg.db, staff.chancery.id, {
      subject: 'Võlanõue üürilepingust',
      parties,
    });
    const again = await registerAndAllocate(reg.db, staff.chancery.id, {
      subject: '  võlanõue   Üürilepingust ',
      parties: [
        { name: 'oü kuuse ehitus', code: null },
        { name: 'Mari Maasikas-Kask', code: '49001010005' },
      ],
    });
    expect(again.outcome.record).toMatchObject({
      kind: 'refiling',
      earlierCase: { id: first.id },
      judgeIds: first.outcome.judgeIds,
    });
    expect(again.outcome.judgeIds).toEqual(first.outcome.judgeIds);
    const other = await registerAndAllocate(reg.db, staff.chancery.id, {
      subject: 'Võlanõue üürilepingust',
      parties: [parties[0]!],
    });
    expect(other.outcome.record.kind).toBe('draw');
  });

  it('a case filed more than 90 days before is no refiling', async () => {
    const parties = [{ name: 'Jaan Tamm', code: '38001010008' }];
    const old = new Date(Date.now() - 100 * 86_400_000);
    await registerAndAllocate(reg.db, staff.chancery.id, { subject: 'Elatis', parties, registeredAt: old });
    const now = await registerAndAllocate(reg.db, staff.chancery.id, { subject: 'Elatis', parties });
    expect(now.outcome.record.kind).toBe('draw');
  });

  it('draws three distinct judges where the court sits in panels, and flags a low pool', async () => {
    await reg.db.transaction(async (tx) => {
      const plan = (await loadCurrentPlan(tx, 'HMK'))!;
      await createPlanVersion(
        tx,
        'HMK',
        {
          reason: 'Kriminaalasjad kolleegiumis',
          entries: plan.entries,
          exclusions: [],
          panelProcedureTypes: ['criminal'],
        },
        { userId: staff.president.id },
      );
    });
    const { id, outcome } = await registerAndAllocate(reg.db, staff.chancery.id, {
      procedureType: 'criminal',
    });
    expect(outcome.judgeIds).toHaveLength(3);
    expect(new Set(outcome.judgeIds).size).toBe(3);
    expect(await judgesOf(id)).toEqual(outcome.judgeIds);

    const two = staff.judges.slice(-2).map((j) => j.id);
    await reg.db.transaction(async (tx) => {
      const plan = (await loadCurrentPlan(tx, 'HMK'))!;
      await createPlanVersion(
        tx,
        'HMK',
        {
          reason: 'Ainult kaks kohtunikku haldusasjades',
          entries: plan.entries.map((e) =>
            two.includes(e.judgeId)
              ? e
              : { ...e, procedureTypes: e.procedureTypes.filter((t) => t !== 'administrative') },
          ),
          exclusions: [],
          panelProcedureTypes: [],
        },
        { userId: staff.president.id },
      );
    });
    const low = await registerAndAllocate(reg.db, staff.chancery.id, { procedureType: 'administrative' });
    expect(low.outcome.record.lowPool).toBe(true);
    expect(low.outcome.record.warnings.join()).toMatch(/only 2 eligible/);
    expect(two).toContain(low.outcome.judgeIds[0]);
  });

  it('keeps the log append-only and finds a row altered behind the trigger', async () => {
    expect((await verifyLog(reg.db)).ok).toBe(true);
    await expect(reg.db.query("UPDATE allocation_log SET kind = 'draw' WHERE seq = 2")).rejects.toThrow(
      /append-only/,
    );
    await expect(reg.db.query('DELETE FROM allocation_log WHERE seq = 2')).rejects.toThrow(/append-only/);
    await expect(reg.db.query('UPDATE allocation_plan_entries SET weight = 2')).rejects.toThrow(
      /append-only/,
    );
    const [row] = await reg.db.query<{ seq: number }>(
      "SELECT seq FROM allocation_log WHERE kind = 'draw' ORDER BY seq LIMIT 1",
    );
    const tamper = async (sql: string) => {
      await reg.db.exec('ALTER TABLE allocation_log DISABLE TRIGGER allocation_log_append_only');
      try {
        await reg.db.query(sql, [row!.seq]);
      } finally {
        await reg.db.exec('ALTER TABLE allocation_log ENABLE TRIGGER allocation_log_append_only');
      }
    };
    const original = (await readLogRow(reg.db, row!.seq))!;
    await tamper(
      `UPDATE allocation_log SET result = jsonb_set(result, '{judgeIds,0}', '"someone-else"') WHERE seq = $1`,
    );
    expect(await verifyLog(reg.db)).toMatchObject({ ok: false, firstBroken: { seq: row!.seq } });
    expect(replayLogRow((await readLogRow(reg.db, row!.seq))!)).toMatchObject({
      replayable: true,
      follows: false,
    });
    await tamper(
      `UPDATE allocation_log SET result = '${JSON.stringify(original.result)}'::jsonb WHERE seq = $1`,
    );
    expect((await verifyLog(reg.db)).ok).toBe(true);
    await tamper('DELETE FROM allocation_log WHERE seq = $1');
    expect(await verifyLog(reg.db)).toMatchObject({ ok: false, firstBroken: { seq: row!.seq + 1 } });
  });
});
