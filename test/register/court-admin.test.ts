import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  CourtJudgesResponse,
  CourtStatisticsResponse,
  ErrorBody,
} from '../../src-shared/register-api/index.js';
import type { RunningRegister } from '../../src-register/server.js';
import { courtDay } from '../../src-register/domain/allocation/eligibility.js';
import { nextDay, startOfCourtDay } from '../../src-register/domain/statistics.js';
import { describeOnBothDatabases } from './databases.js';
import { call } from './http-client.js';
import { type Staff, loadStaff, signIn, startAllocationRegister } from './allocation/fixture.js';

describeOnBothDatabases('court administration endpoints', (dbs) => {
  let reg: RunningRegister;
  let staff: Staff;
  let president: string;
  let judge: string;
  let chancery: string;
  const stats = (token: string, query: string) =>
    call(reg.url, `/api/v1/courts/HMK/statistics${query}`, { token });

  beforeAll(async () => {
    reg = await startAllocationRegister(dbs(), 'court_admin');
    staff = await loadStaff(reg.db);
    president = await signIn(reg, staff.president.personalCode);
    judge = await signIn(reg, staff.judges.find((j) => j.id !== staff.president.id)!.personalCode);
    chancery = await signIn(reg, staff.chancery.personalCode);
  });
  afterAll(() => reg?.close());

  /** Inserts a case of court HMK as an import would; its first proceeding follows from the trigger. */
  let numberSeq = 90_000;
  async function insertCase(c: {
    judgeId: string | null;
    procedureType?: 'civil' | 'criminal';
    registeredAt: string;
    decidedAt?: string;
  }): Promise<string> {
    const id = randomUUID();
    const type = c.procedureType ?? 'civil';
    await reg.db.query(
      `INSERT INTO cases (id, number, procedure_type, court_code, status, subject, registered_at, judge_id)
       VALUES ($1, $2, $3, 'HMK', $4, 'Statistikaasi', $5, $6)`,
      [
        id,
        `${type === 'civil' ? 2 : 1}-01-${++numberSeq}`,
        type,
        c.decidedAt ? 'decided' : 'in_progress',
        c.registeredAt,
        c.judgeId,
      ],
    );
    if (c.decidedAt)
      await reg.db.query(
        `INSERT INTO procedural_steps (id, case_id, kind, occurred_at, entered_at, description)
         VALUES ($1, $2, 'decided', $3, $3, 'Lahend kuulutati välja.')`,
        [randomUUID(), id, c.decidedAt],
      );
    return id;
  }

  it("lists the court's judges with their absences that have not ended, for the president only", async () => {
    const [first, second] = staff.judges;
    // The court's day (Tallinn), as the register counts it: from 22:00 UTC it is already tomorrow.
    const today = courtDay(new Date());
    const absence = (judgeId: string, from: string, to: string, reason: string) =>
      reg.db.query(
        `INSERT INTO judge_absences (id, court_code, judge_id, starts_on, ends_on, reason)
         VALUES (gen_random_uuid(), 'HMK', $1, $2::date, $3::date, $4)`,
        [judgeId, from, to, reason],
      );
    await absence(first!.id, '2020-01-01', '2020-01-31', 'ammu möödas');
    await absence(first!.id, '2199-03-01', '2199-03-10', 'hilisem');
    await absence(first!.id, '2020-01-01', '2199-01-31', 'pikk');
    await absence(second!.id, today, today, 'täna');

    const res = await call(reg.url, '/api/v1/courts/HMK/judges', { token: president });
    expect(res.status).toBe(200);
    const judges = CourtJudgesResponse.parse(res.body);
    expect(judges.map((j) => j.id).sort()).toEqual(staff.judges.map((j) => j.id).sort());
    const names = await reg.db.query<{ id: string; name: string }>('SELECT id::text AS id, name FROM users');
    for (const j of judges) expect(j.name).toBe(names.find((n) => n.id === j.id)!.name);
    expect([...judges.map((j) => j.name)]).toEqual(
      [...judges.map((j) => j.name)].sort(new Intl.Collator('et').compare),
    );
    expect(judges.find((j) => j.id === first!.id)!.absences).toEqual([
      { id: expect.any(String), from: '2020-01-01', to: '2199-01-31', reason: 'pikk' },
      { id: expect.any(String), from: '2199-03-01', to: '2199-03-10', reason: 'hilisem' },
    ]);
    expect(judges.find((j) => j.id === second!.id)!.absences).toMatchObject([{ from: today, to: today }]);

    for (const token of [judge, chancery]) {
      const refused = await call(reg.url, '/api/v1/courts/HMK/judges', { token });
      expect(refused.status).toBe(403);
      expect(ErrorBody.parse(refused.body).error).toMatchObject({ code: 'forbidden' });
    }
    expect((await call(reg.url, '/api/v1/courts/TMK/judges', { token: president })).status).toBe(403);
    expect((await call(reg.url, '/api/v1/courts/HMK/judges')).status).toBe(401);
    expect((await call(reg.url, '/api/v1/courts/hmk/judges', { token: president })).status).toBe(400);
  });

  it('counts pending, incoming and resolved per judge and type as a hand count does', async () => {
    const [j1, j2] = staff.judges.filter((j) => j.id !== staff.president.id);
    // The period is the year 2001 in Estonia (UTC+2 in winter); the demo cases are all from 2025 on.
    await insertCase({
      judgeId: j1!.id,
      registeredAt: '2000-06-01T09:00:00Z',
      decidedAt: '2001-03-01T09:00:00Z',
    }); // resolved
    await insertCase({ judgeId: j1!.id, registeredAt: '2001-02-01T09:00:00Z' }); // incoming, pending
    await insertCase({
      judgeId: j1!.id,
      registeredAt: '2001-04-01T09:00:00Z',
      decidedAt: '2002-01-10T09:00:00Z',
    }); // incoming, pending
    await insertCase({
      judgeId: j1!.id,
      registeredAt: '2001-05-01T09:00:00Z',
      decidedAt: '2001-11-01T09:00:00Z',
    }); // incoming, resolved
    // 31 Dec 23:30 in Tallinn is in the period; 1 Jan 00:30 is not.
    await insertCase({ judgeId: j1!.id, procedureType: 'criminal', registeredAt: '2001-12-31T21:30:00Z' });
    await insertCase({ judgeId: j1!.id, procedureType: 'criminal', registeredAt: '2001-12-31T22:30:00Z' });
    // Decided on 1 Jan 2002 at 00:30 Tallinn time: still pending at the end of 2001.
    await insertCase({
      judgeId: j1!.id,
      procedureType: 'criminal',
      registeredAt: '2000-01-01T09:00:00Z',
      decidedAt: '2001-12-31T22:30:00Z',
    });
    await insertCase({
      judgeId: j2!.id,
      registeredAt: '1999-01-01T09:00:00Z',
      decidedAt: '1999-06-01T09:00:00Z',
    }); // nothing in 2001
    await insertCase({ judgeId: null, registeredAt: '2001-07-01T09:00:00Z' });

    const res = await stats(president, '?from=2001-01-01&to=2001-12-31');
    expect(res.status).toBe(200);
    const body = CourtStatisticsResponse.parse(res.body);
    expect(body).toMatchObject({ courtCode: 'HMK', from: '2001-01-01', to: '2001-12-31' });
    const rows = body.rows.map(
      ({ judgeId, procedureType, pending, incoming, resolved, clearanceRate, dispositionTimeDays }) => ({
        judgeId,
        procedureType,
        pending,
        incoming,
        resolved,
        clearanceRate,
        dispositionTimeDays,
      }),
    );
    expect(rows).toHaveLength(3);
    expect(rows).toEqual(
      expect.arrayContaining([
        {
          judgeId: j1!.id,
          procedureType: 'civil',
          pending: 2,
          incoming: 3,
          resolved: 2,
          clearanceRate: 2 / 3,
          dispositionTimeDays: 365,
        },
        {
          judgeId: j1!.id,
          procedureType: 'criminal',
          pending: 2,
          incoming: 1,
          resolved: 0,
          clearanceRate: 0,
          dispositionTimeDays: null,
        },
        {
          judgeId: null,
          procedureType: 'civil',
          pending: 1,
          incoming: 1,
          resolved: 0,
          clearanceRate: 0,
          dispositionTimeDays: null,
        },
      ]),
    );
    expect(body.rows.at(-1)).toMatchObject({ judgeId: null, judgeName: null });
    const [name] = await reg.db.query<{ name: string }>('SELECT name FROM users WHERE id = $1', [j1!.id]);
    // By judge, then in the order of procedure types (criminal first), the cases without a judge last.
    expect(body.rows.slice(0, 2)).toMatchObject([
      { judgeId: j1!.id, judgeName: name!.name, procedureType: 'criminal' },
      { judgeId: j1!.id, judgeName: name!.name, procedureType: 'civil' },
    ]);

    // Nothing registered in 1998: no rows at all.
    expect(
      CourtStatisticsResponse.parse((await stats(president, '?from=1998-01-01&to=1998-12-31')).body).rows,
    ).toEqual([]);
  });

  it('agrees with a count from the case rows over the seeded court', async () => {
    const from = '2024-07-01';
    const to = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const start = startOfCourtDay(from).getTime();
    const end = startOfCourtDay(nextDay(to)).getTime();
    const cases = await reg.db.query<{
      judge_id: string | null;
      procedure_type: string;
      registered_at: Date;
      decided_at: Date | null;
    }>(
      `SELECT c.judge_id::text AS judge_id, c.procedure_type, c.registered_at,
              (SELECT min(occurred_at) FROM procedural_steps s WHERE s.case_id = c.id AND s.kind = 'decided') AS decided_at
       FROM cases c WHERE c.court_code = 'HMK'`,
    );
    const expected = new Map<string, { pending: number; incoming: number; resolved: number }>();
    for (const c of cases) {
      const registered = new Date(c.registered_at).getTime();
      const decided = c.decided_at ? new Date(c.decided_at).getTime() : null;
      if (registered >= end) continue;
      const key = `${c.judge_id}|${c.procedure_type}`;
      const row = expected.get(key) ?? { pending: 0, incoming: 0, resolved: 0 };
      if (decided === null || decided >= end) row.pending++;
      if (registered >= start) row.incoming++;
      if (decided !== null && decided >= start && decided < end) row.resolved++;
      expected.set(key, row);
    }
    for (const [key, row] of expected)
      if (row.pending + row.incoming + row.resolved === 0) expected.delete(key);
    expect(cases.filter((c) => new Date(c.registered_at).getTime() >= start).length).toBeGreaterThan(3);

    const res = await stats(president, `?from=${from}&to=${to}`);
    expect(res.status).toBe(200);
    const got = CourtStatisticsResponse.parse(res.body).rows;
    expect(
      new Map(
        got.map((r) => [
          `${r.judgeId}|${r.procedureType}`,
          { pending: r.pending, incoming: r.incoming, resolved: r.resolved },
        ]),
      ),
    ).toEqual(expected);
    for (const r of got) {
      expect(r.clearanceRate).toBe(r.incoming === 0 ? null : r.resolved / r.incoming);
      expect(r.dispositionTimeDays).toBe(r.resolved === 0 ? null : (365 * r.pending) / r.resolved);
    }
  });

  it('refuses a judge and the chancery, and bad periods with a reason', async () => {
    for (const token of [judge, chancery]) {
      const refused = await stats(token, '?from=2001-01-01&to=2001-12-31');
      expect(refused.status).toBe(403);
      expect(ErrorBody.parse(refused.body).error.code).toBe('forbidden');
    }
    for (const [query, reason] of [
      ['?from=2001-12-31&to=2001-01-01', /to.*before/],
      ['?from=2001-01-01', /to/],
      ['?from=2001-01-01&to=2011-01-01', /10 years/],
      ['?from=2001-13-01&to=2001-12-31', /from/],
      ['?from=yesterday&to=2001-12-31', /from/],
      ['?from=2001-01-01&to=2001-12-31&to=2002-01-01', /to/],
    ] as const) {
      const res = await stats(president, query);
      expect(res.status, query).toBe(400);
      expect(ErrorBody.parse(res.body).error).toMatchObject({
        code: 'invalid_input',
        message: expect.stringMatching(reason),
      });
    }
    expect((await stats(president, '?from=2001-01-01&to=2010-12-31')).status).toBe(200);
    expect(
      (
        await call(reg.url, '/api/v1/courts/TMK/statistics?from=2001-01-01&to=2001-12-31', {
          token: president,
        })
      ).status,
    ).toBe(403);
  });

  it('shows an observer of one sub-type only the procedure types it covers', async () => {
    await reg.db.query(
      `INSERT INTO role_assignments (id, user_id, role, court_code, observer_scope, valid_from)
       VALUES (gen_random_uuid(), $1, 'observer', 'HMK', 'criminal_misdemeanour', '2020-01-01')`,
      [staff.chancery.id],
    );
    const observer = await signIn(reg, staff.chancery.personalCode);
    const res = await stats(observer, '?from=2001-01-01&to=2001-12-31');
    expect(res.status).toBe(200);
    const rows = CourtStatisticsResponse.parse(res.body).rows;
    expect(rows.map((r) => r.procedureType)).toEqual(['criminal']);
  });
});
