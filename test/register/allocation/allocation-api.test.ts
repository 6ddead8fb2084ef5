import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  AbsenceResponse,
  AllocationPlanResponse,
  ReassignResponse,
  ReplayResponse,
  VerifyLogResponse,
} from '../../../src-shared/register-api/index.js';
import type { RunningRegister } from '../../../src-register/server.js';
import { describeOnBothDatabases } from '../databases.js';
import { call } from '../http-client.js';
import { type Staff, loadStaff, registerAndAllocate, signIn, startAllocationRegister } from './fixture.js';

describeOnBothDatabases('allocation endpoints', (dbs) => {
  let reg: RunningRegister;
  let staff: Staff;
  let president: string;
  let judge: string;
  const counts = async () =>
    (
      await reg.db.query<{ log: number; plans: number; absences: number; judges: number; audit: number }>(
        `SELECT (SELECT count(*)::int FROM allocation_log) AS log, (SELECT count(*)::int FROM allocation_plan_versions) AS plans,
                (SELECT count(*)::int FROM judge_absences) AS absences, (SELECT count(*)::int FROM case_judges) AS judges,
                (SELECT count(*)::int FROM audit_log WHERE action LIKE 'allocation.%') AS audit`,
      )
    )[0]!;
  const planUrl = '/api/v1/courts/HMK/allocation-plan';

  beforeAll(async () => {
    reg = await startAllocationRegister(dbs(), 'allocation_api');
    staff = await loadStaff(reg.db);
    president = await signIn(reg, staff.president.personalCode);
    judge = await signIn(reg, staff.judges.find((j) => j.id !== staff.president.id)!.personalCode);
  });
  afterAll(() => reg?.close());

  it('shows the plan in force; a change makes a new version, logged and audited', async () => {
    const before = AllocationPlanResponse.parse((await call(reg.url, planUrl, { token: president })).body);
    expect(before.current?.version).toBe(1);
    const entries = before.current!.entries.map((e) =>
      e.judgeId === staff.president.id ? { ...e, weight: 0.25 } : e,
    );
    const missingReason = await call(reg.url, planUrl, {
      method: 'PUT',
      token: president,
      json: { entries },
    });
    expect(missingReason.status).toBe(400);
    const start = await counts();
    const res = await call(reg.url, planUrl, {
      method: 'PUT',
      token: president,
      json: { reason: 'Esimehe töökoormus kasvas', entries },
    });
    expect(res.status).toBe(200);
    const after = AllocationPlanResponse.parse(res.body);
    expect(after.current).toMatchObject({
      version: 2,
      createdBy: staff.president.id,
      reason: 'Esimehe töökoormus kasvas',
    });
    expect(after.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(await counts()).toMatchObject({
      log: start.log + 1,
      plans: start.plans + 1,
      audit: start.audit + 1,
    });
    const [logged] = await reg.db.query<{ kind: string; inputs: { reason: string } }>(
      'SELECT kind, inputs FROM allocation_log ORDER BY seq DESC LIMIT 1',
    );
    expect(logged).toMatchObject({ kind: 'plan_change', inputs: { reason: 'Esimehe töökoormus kasvas' } });
  });

  it('refuses a plan naming someone who is not a judge of the court, changing nothing', async () => {
    const start = await counts();
    const res = await call(reg.url, planUrl, {
      method: 'PUT',
      token: president,
      json: {
        reason: 'vale',
        entries: [
          {
            judgeId: staff.chancery.id,
            procedureTypes: ['civil'],
            categories: null,
            weight: 1,
            panelMember: false,
          },
        ],
      },
    });
    expect(res.status).toBe(400);
    expect(await counts()).toEqual(start);
  });

  it('records an absence, after which the judge draws nothing', async () => {
    const absent = staff.judges.find((j) => j.id !== staff.president.id)!;
    const today = new Date().toISOString().slice(0, 10);
    const bad = await call(reg.url, '/api/v1/courts/HMK/absences', {
      token: president,
      json: { judgeId: absent.id, from: '2026-05-02', to: '2026-05-01', reason: 'puhkus' },
    });
    expect(bad.status).toBe(400);
    const res = await call(reg.url, '/api/v1/courts/HMK/absences', {
      token: president,
      json: { judgeId: absent.id, from: '2020-01-01', to: '2099-12-31', reason: 'pikk puhkus' },
    });
    expect(res.status).toBe(200);
    expect(AbsenceResponse.parse(res.body)).toMatchObject({ judgeId: absent.id, reason: 'pikk puhkus' });
    for (let i = 0; i < 10; i++) {
      const { outcome } = await registerAndAllocate(reg.db, staff.chancery.id);
      expect(outcome.judgeIds).not.toContain(absent.id);
    }
    expect(today).toMatch(/^\d{4}/);
  });

  it('reassigns only with a reason; a redraw recuses the current judge, who is never drawn again', async () => {
    const { id, outcome } = await registerAndAllocate(reg.db, staff.chancery.id);
    const url = `/api/v1/cases/${id}/reassign`;
    const start = await counts();
    for (const json of [{}, { reason: '' }, { reason: '  ' }]) {
      const res = await call<{ error: { code: string } }>(reg.url, url, { token: president, json });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
    }
    expect(await counts()).toEqual(start);
    const res = await call(reg.url, url, { token: president, json: { reason: 'Kohtunik taandas end' } });
    expect(res.status).toBe(200);
    const { record } = ReassignResponse.parse(res.body);
    expect(record).toMatchObject({
      kind: 'manual_reassignment',
      reason: 'Kohtunik taandas end',
      actorUserId: staff.president.id,
    });
    expect(record.judgeIds).not.toContain(outcome.judgeIds[0]);
    expect(record.draw!.excluded).toContainEqual({
      judgeId: outcome.judgeIds[0],
      why: 'recused',
      reason: 'Kohtunik taandas end',
    });
    const [row] = await reg.db.query<{ judge_id: string }>('SELECT judge_id FROM cases WHERE id = $1', [id]);
    expect(row!.judge_id).toBe(record.judgeIds[0]);

    const named = staff.judges.find((j) => !record.judgeIds.includes(j.id) && j.id !== outcome.judgeIds[0])!;
    const byName = await call(reg.url, url, {
      token: president,
      json: { reason: 'Töökoormuse ühtlustamine', judgeId: named.id },
    });
    expect(byName.status).toBe(200);
    expect(ReassignResponse.parse(byName.body).record).toMatchObject({ judgeIds: [named.id], draw: null });
    const audit = await reg.db.query<{ actor_user_id: string }>(
      "SELECT actor_user_id FROM audit_log WHERE action = 'allocation.reassign' AND object_id = $1",
      [id],
    );
    expect(audit.map((a) => a.actor_user_id)).toEqual([staff.president.id, staff.president.id]);
  });

  it('replays a logged draw from its stored inputs', async () => {
    const { outcome } = await registerAndAllocate(reg.db, staff.chancery.id);
    const res = await call(reg.url, `/api/v1/allocation/log/${outcome.logSeq}/replay`, { token: president });
    expect(res.status).toBe(200);
    expect(ReplayResponse.parse(res.body)).toMatchObject({
      replayable: true,
      follows: true,
      storedJudgeIds: outcome.judgeIds,
      replayedJudgeIds: outcome.judgeIds,
    });
    const planChange = await call(reg.url, '/api/v1/allocation/log/1/replay', { token: president });
    expect(ReplayResponse.parse(planChange.body)).toMatchObject({
      kind: 'plan_change',
      replayable: false,
      follows: null,
    });
    expect((await call(reg.url, '/api/v1/allocation/log/999999/replay', { token: president })).status).toBe(
      404,
    );
    expect((await call(reg.url, '/api/v1/allocation/log/abc/replay', { token: president })).status).toBe(400);
  });

  it('verifies the chain and reports the first broken link', async () => {
    const ok = VerifyLogResponse.parse(
      (await call(reg.url, '/api/v1/allocation/log/verify', { token: president })).body,
    );
    expect(ok).toMatchObject({ ok: true, firstBroken: null });
    expect(ok.checked).toBeGreaterThan(5);
    await reg.db.exec('ALTER TABLE allocation_log DISABLE TRIGGER allocation_log_append_only');
    try {
      await reg.db.query(
        `UPDATE allocation_log SET inputs = jsonb_set(inputs, '{reason}', '"muudetud"') WHERE seq = 2`,
      );
    } finally {
      await reg.db.exec('ALTER TABLE allocation_log ENABLE TRIGGER allocation_log_append_only');
    }
    const broken = VerifyLogResponse.parse(
      (await call(reg.url, '/api/v1/allocation/log/verify', { token: president })).body,
    );
    expect(broken).toMatchObject({ ok: false, checked: 1, firstBroken: { seq: 2 } });
  });

  it('answers malformed requests with a 400 and a reason, changing nothing', async () => {
    const { id } = await registerAndAllocate(reg.db, staff.chancery.id);
    const start = await counts();
    const judgeId = staff.president.id;
    const entry = { judgeId, procedureTypes: ['civil'], categories: null, weight: 1, panelMember: true };
    const bad: [string, Parameters<typeof call>[2], RegExp][] = [
      [planUrl, { method: 'PUT', json: { reason: 'nul\u0000', entries: [entry] } }, /NUL/],
      [planUrl, { method: 'PUT', json: { reason: 'kaal', entries: [{ ...entry, weight: 0 }] } }, /weight/],
      [
        planUrl,
        { method: 'PUT', json: { reason: 'liik', entries: [{ ...entry, procedureTypes: ['x'] }] } },
        /procedureTypes/,
      ],
      [planUrl, { method: 'PUT', json: { reason: 'kaks', entries: [entry, entry] } }, /only once/],
      ['/api/v1/courts/hmk/allocation-plan', {}, /court/],
      [
        '/api/v1/courts/HMK/absences',
        { json: { judgeId, from: '0000-01-01', to: '0000-01-02', reason: 'x'.repeat(3) } },
        /date/,
      ],
      [
        '/api/v1/courts/HMK/absences',
        { json: { judgeId: 'nope', from: '2026-01-01', to: '2026-01-02', reason: 'puhkus' } },
        /judgeId/,
      ],
      [
        `/api/v1/cases/${id}/reassign`,
        { json: { reason: 'nimega', judgeId: staff.chancery.id } },
        /not a judge/,
      ],
      ['/api/v1/cases/not-a-uuid/reassign', { json: { reason: 'põhjus' } }, /caseId/],
      ['/api/v1/allocation/log/0/replay', {}, /seq|positive/],
    ];
    for (const [url, options, reason] of bad) {
      const res = await call<{ error: { code: string; message: string } }>(reg.url, url, {
        ...options,
        token: president,
      });
      expect({ url, status: res.status }).toEqual({ url, status: 400 });
      expect(res.body.error.message).toMatch(reason);
    }
    expect(await counts()).toEqual(start);
  });

  it('answers 403 to anyone but the court president, changing nothing', async () => {
    const { id } = await registerAndAllocate(reg.db, staff.chancery.id);
    const chancery = await signIn(reg, staff.chancery.personalCode);
    const start = await counts();
    const attempts: [string, Parameters<typeof call>[2]][] = [
      [planUrl, {}],
      [
        planUrl,
        {
          method: 'PUT',
          json: {
            reason: 'minu plaan',
            entries: [
              {
                judgeId: staff.president.id,
                procedureTypes: ['civil'],
                categories: null,
                weight: 1,
                panelMember: true,
              },
            ],
          },
        },
      ],
      [
        '/api/v1/courts/HMK/absences',
        { json: { judgeId: staff.president.id, from: '2026-01-01', to: '2026-01-02', reason: 'puhkus' } },
      ],
      [`/api/v1/cases/${id}/reassign`, { json: { reason: 'minu soov' } }],
      ['/api/v1/allocation/log/1/replay', {}],
      ['/api/v1/allocation/log/verify', {}],
    ];
    for (const token of [judge, chancery]) {
      for (const [url, options] of attempts) {
        const res = await call(reg.url, url, { ...options, token });
        expect({ url, status: res.status }).toEqual({ url, status: 403 });
      }
    }
    for (const [url, options] of attempts) {
      expect((await call(reg.url, url, options)).status).toBe(401);
    }
    expect((await call(reg.url, '/api/v1/courts/TMK/allocation-plan', { token: president })).status).toBe(
      403,
    );
    expect(await counts()).toEqual(start);
  });
});
