import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type CaseRestriction,
  type CaseTarget,
  type ObserverScope,
  PROCEDURE_TYPES,
  type ProcedureType,
  type Role,
  type SessionUser,
  authorize,
  makePersonalCode,
  procedureTypeDigit,
} from '../../src-shared/domain/index.js';
import { SessionResponse, SyncChangesResponse } from '../../src-shared/register-api/index.js';
import { FolderBlobStore } from '../../src-register/blobs/folder-blob-store.js';
import { migrate, openDb } from '../../src-register/db/index.js';
import { MIGRATIONS } from '../../src-register/db/migrations/index.js';
import { type CaseRow, CASE_SELECT } from '../../src-register/domain/case-snapshots.js';
import { visibleCaseCondition } from '../../src-register/domain/visibility.js';
import { requireCaseAction, requireCourtAction } from '../../src-register/http/auth.js';
import { type RunningRegister, startRegister } from '../../src-register/server.js';
import { describeOnBothDatabases } from './databases.js';
import { call } from './http-client.js';

/*
 * A small court and its neighbour, written out by hand: who holds which role, which cases exist and
 * who is assigned to each. The sync feed, the document download and the SQL prefilter must each
 * admit exactly what the pure rule `authorize` admits for these facts.
 */
interface Holder {
  role: Role;
  court: string | null;
  scope?: ObserverScope;
  validFrom?: string;
  validTo?: string;
}
const PEOPLE: Record<string, { roles: Holder[]; active?: boolean }> = {
  judge: { roles: [{ role: 'judge', court: 'HMK' }] },
  panelJudge: { roles: [{ role: 'judge', court: 'HMK' }] },
  secretary: { roles: [{ role: 'court_session_secretary', court: 'HMK' }] },
  chancery: { roles: [{ role: 'chancery_official', court: 'HMK' }] },
  president: { roles: [{ role: 'court_president', court: 'HMK' }] },
  analyst: { roles: [{ role: 'analyst', court: 'HMK' }] },
  lawClerk: { roles: [{ role: 'law_clerk', court: 'HMK' }] },
  interpreter: { roles: [{ role: 'interpreter', court: 'HMK' }] },
  observerGeneral: { roles: [{ role: 'observer', court: 'HMK', scope: 'general' }] },
  observerCriminal: { roles: [{ role: 'observer', court: 'HMK', scope: 'criminal_misdemeanour' }] },
  observerCivil: { roles: [{ role: 'observer', court: 'HMK', scope: 'civil_administrative' }] },
  observerConstitutional: { roles: [{ role: 'observer', court: 'HMK', scope: 'constitutional' }] },
  systemObserver: { roles: [{ role: 'system_observer', court: null, scope: 'general' }] },
  systemObserverCivil: { roles: [{ role: 'system_observer', court: null, scope: 'civil_administrative' }] },
  otherCourtJudge: { roles: [{ role: 'judge', court: 'TMK' }] },
  expiredJudge: { roles: [{ role: 'judge', court: 'HMK', validFrom: '2020-01-01', validTo: '2021-12-31' }] },
  futureJudge: { roles: [{ role: 'judge', court: 'HMK', validFrom: '2999-01-01' }] },
  inactiveJudge: { roles: [{ role: 'judge', court: 'HMK' }], active: false },
};
type Person = keyof typeof PEOPLE;

interface CaseSpec {
  court: string;
  type: ProcedureType;
  restriction: CaseRestriction;
  judge: Person | null;
  panel?: Person[];
  hearingSecretary?: Person;
  staff?: Person[];
}
const CASES: CaseSpec[] = [
  // Every procedure type × restriction at HMK; the restricted ones have the judge.
  ...PROCEDURE_TYPES.flatMap((type) =>
    (['none', 'closed', 'adoption'] as const).map((restriction): CaseSpec => ({
      court: 'HMK',
      type,
      restriction,
      judge: 'judge',
    })),
  ),
  {
    court: 'HMK',
    type: 'civil',
    restriction: 'closed',
    judge: 'expiredJudge',
    hearingSecretary: 'secretary',
  },
  { court: 'HMK', type: 'criminal', restriction: 'closed', judge: 'inactiveJudge', panel: ['panelJudge'] },
  {
    court: 'HMK',
    type: 'civil',
    restriction: 'adoption',
    judge: 'futureJudge',
    staff: ['lawClerk', 'interpreter'],
  },
  { court: 'HMK', type: 'administrative', restriction: 'none', judge: null, staff: ['interpreter'] },
  { court: 'TMK', type: 'civil', restriction: 'none', judge: 'otherCourtJudge' },
  { court: 'TMK', type: 'civil', restriction: 'closed', judge: 'otherCourtJudge', staff: ['judge'] },
];

const ids = new Map<Person, string>(Object.keys(PEOPLE).map((p) => [p as Person, randomUUID()]));
const codes = new Map<Person, string>(
  Object.keys(PEOPLE).map((p, i) => [
    p as Person,
    makePersonalCode(3, new Date(Date.UTC(1970, 0, 1 + i)), 100 + i),
  ]),
);
const idOf = (p: Person) => ids.get(p)!;

function assignedTo(c: CaseSpec): Person[] {
  return [c.judge, ...(c.panel ?? []), c.hearingSecretary, ...(c.staff ?? [])].filter(
    (p): p is Person => p !== null && p !== undefined,
  );
}
const targetOf = (c: CaseSpec): CaseTarget => ({
  courtCode: c.court,
  procedureType: c.type,
  restriction: c.restriction,
  assignedStaffIds: assignedTo(c).map(idOf),
});
function pureUser(p: Person): SessionUser {
  return {
    id: idOf(p),
    name: p,
    personalCode: codes.get(p)!,
    active: PEOPLE[p]!.active ?? true,
    roles: PEOPLE[p]!.roles.map((h) => ({
      role: h.role,
      courtCode: h.court,
      observerScope: h.scope ?? null,
      ...(h.validFrom ? { validFrom: h.validFrom } : {}),
      ...(h.validTo ? { validTo: h.validTo } : {}),
    })),
  };
}

describeOnBothDatabases('access: the sync feed and downloads agree with authorize', (dbs) => {
  let reg: RunningRegister;
  const caseIds: string[] = [];
  const documentIds: string[] = [];
  const sessions = new Map<Person, string>();

  beforeAll(async () => {
    const blobDir = path.join(dbs().scratch, 'blobs');
    reg = await startRegister({
      db: await dbs().create('access'),
      host: '127.0.0.1',
      port: 0,
      devSignIn: true,
      production: false,
      blobDir,
      seedDemo: false,
      logLevel: 'silent',
    });
    const blobs = new FolderBlobStore(blobDir);
    const db = reg.db;
    await db.query(
      "INSERT INTO courts (code, name, level, ecli_code) VALUES ('HMK', 'Harju', 1, 'HMK'), ('TMK', 'Tartu', 1, 'TMK')",
    );
    for (const [p, spec] of Object.entries(PEOPLE) as [Person, (typeof PEOPLE)[Person]][]) {
      await db.query('INSERT INTO users (id, name, personal_code, active) VALUES ($1, $2, $3, true)', [
        idOf(p),
        p,
        codes.get(p),
      ]);
      for (const h of spec.roles)
        await db.query(
          `INSERT INTO role_assignments (id, user_id, role, court_code, observer_scope, valid_from, valid_to)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            randomUUID(),
            idOf(p),
            h.role,
            h.court,
            h.scope ?? null,
            h.validFrom ?? '2020-01-01',
            h.validTo ?? null,
          ],
        );
    }
    for (const [i, c] of CASES.entries()) {
      const caseId = randomUUID();
      caseIds.push(caseId);
      const number = `${procedureTypeDigit(c.type)}-26-${i + 1}`;
      await db.query(
        `INSERT INTO cases (id, number, procedure_type, court_code, status, subject, restriction, registered_at, judge_id)
         VALUES ($1, $2, $3, $4, 'in_progress', 'Test', $5, now(), $6)`,
        [caseId, number, c.type, c.court, c.restriction, c.judge ? idOf(c.judge) : null],
      );
      for (const [k, p] of (c.panel ?? []).entries())
        await db.query('INSERT INTO case_judges (case_id, judge_id, position) VALUES ($1, $2, $3)', [
          caseId,
          idOf(p),
          k + 2,
        ]);
      if (c.hearingSecretary)
        await db.query(
          `INSERT INTO hearings (id, case_id, starts_at, room, public, kind, secretary_id)
           VALUES ($1, $2, now(), '101', false, 'main', $3)`,
          [randomUUID(), caseId, idOf(c.hearingSecretary)],
        );
      for (const p of c.staff ?? [])
        await db.query("INSERT INTO case_staff (case_id, user_id, duty) VALUES ($1, $2, 'law_clerk')", [
          caseId,
          idOf(p),
        ]);
      const bytes = new TextEncoder().encode(`%PDF-1.4 case ${number}`);
      const stored = await blobs.put(bytes);
      const documentId = randomUUID();
      documentIds.push(documentId);
      await db.query(
        `INSERT INTO documents (id, case_id, number, kind, title, media_type, sha256, size, filed_at)
         VALUES ($1, $2, $3, 'claim', 'Claim', 'application/pdf', $4, $5, now())`,
        [documentId, caseId, `${number}/1`, stored.sha256, stored.size],
      );
    }
    for (const p of Object.keys(PEOPLE) as Person[]) {
      const res = await call(reg.url, '/api/v1/dev/sign-in', { json: { personalCode: codes.get(p) } });
      expect(res.status).toBe(200);
      sessions.set(p, SessionResponse.parse(res.body).token);
    }
    // Employment ended after sign-in: the open session must stop working at once (§6¹, §18).
    await db.query('UPDATE users SET active = false WHERE id = $1', [idOf('inactiveJudge')]);
  });
  afterAll(() => reg?.close());

  const expectedCases = (p: Person) =>
    new Set(CASES.flatMap((c, i) => (authorize(pureUser(p), 'case.read', targetOf(c)) ? [caseIds[i]!] : [])));

  /** Follows the sync feed from `cursor` to its end: the cases sent and the removals. */
  async function follow(token: string, from = '0') {
    const cases = new Set<string>();
    const removed = new Set<string>();
    let cursor = from;
    for (;;) {
      const res = await call(reg.url, `/api/v1/sync/changes?cursor=${cursor}&limit=4`, { token });
      if (res.status !== 200) return { status: res.status, cases, removed, cursor };
      const page = SyncChangesResponse.parse(res.body);
      for (const change of page.changes) {
        if (change.kind === 'case') cases.add(change.case.id);
        if (change.kind === 'case-removed') removed.add(change.caseId);
      }
      cursor = page.cursor;
      if (!page.hasMore) return { status: 200, cases, removed, cursor };
    }
  }
  const pulledCases = async (token: string) => {
    const result = await follow(token);
    return result.status === 200 ? result.cases : result.status;
  };

  it('has a fixture whose expectations read as the rules say', () => {
    const at = (...indexes: number[]) => new Set(indexes.map((i) => caseIds[i]!));
    const ordinaryHmk = [0, 3, 6, 9, 12, 18];
    // The court president sees the ordinary cases of the court, no restricted one.
    expect(expectedCases('president')).toEqual(at(...ordinaryHmk));
    // Assigned through case_staff: the law clerk also opens that adoption case; the interpreter
    // sees only the cases they are assigned to.
    expect(expectedCases('lawClerk')).toEqual(at(...ordinaryHmk, 17));
    expect(expectedCases('interpreter')).toEqual(at(17, 18));
    // The judge is named on a closed case at another court: that gives nothing there.
    expect(expectedCases('judge').has(caseIds[20]!)).toBe(false);
    expect(expectedCases('panelJudge')).toEqual(at(...ordinaryHmk, 16));
    expect(expectedCases('secretary')).toEqual(at(...ordinaryHmk, 15));
    expect(expectedCases('observerCriminal')).toEqual(at(0, 9));
    expect(expectedCases('systemObserverCivil')).toEqual(at(3, 6, 18, 19));
  });

  it('sends through the sync feed exactly the cases authorize allows', async () => {
    for (const p of Object.keys(PEOPLE) as Person[]) {
      if (p === 'inactiveJudge') continue;
      expect({ p, seen: await pulledCases(sessions.get(p)!) }).toEqual({ p, seen: expectedCases(p) });
    }
  });

  it('admits in the SQL prefilter exactly what authorize allows, row by row', async () => {
    for (const p of Object.keys(PEOPLE) as Person[]) {
      const user = pureUser(p);
      const condition = visibleCaseCondition(user, 1);
      const rows = await reg.db.query<CaseRow>(`${CASE_SELECT} WHERE ${condition.sql}`, condition.params);
      expect({ p, ids: new Set(rows.map((r) => r.id)) }).toEqual({
        p,
        ids: expectedCases(p),
      });
    }
  });

  it('serves a document only to those who may read its case, and 404 to the rest', async () => {
    for (const p of Object.keys(PEOPLE) as Person[]) {
      if (p === 'inactiveJudge') continue;
      const allowed = expectedCases(p);
      for (const [i, documentId] of documentIds.entries()) {
        const res = await call(reg.url, `/api/v1/documents/${documentId}/content`, {
          token: sessions.get(p)!,
        });
        const want = allowed.has(caseIds[i]!) ? 200 : 404;
        expect({ p, case: i, status: res.status }).toEqual({ p, case: i, status: want });
        if (want === 200)
          expect(createHash('sha256').update(res.bytes).digest('hex')).toMatch(/^[0-9a-f]{64}$/);
      }
    }
  });

  it('gives an expired or not-yet-valid role assignment nothing, even on its own cases', async () => {
    for (const p of ['expiredJudge', 'futureJudge', 'analyst'] as const) {
      expect(expectedCases(p)).toEqual(new Set());
      expect(await pulledCases(sessions.get(p)!)).toEqual(new Set());
    }
  });

  it('sends a case when an assignment opens it and removes it when the assignment ends', async () => {
    const token = sessions.get('interpreter')!;
    const { cursor } = await follow(token);
    const target = caseIds[1]!; // criminal, closed, judge only
    await reg.db.query("INSERT INTO case_staff (case_id, user_id, duty) VALUES ($1, $2, 'interpreter')", [
      target,
      idOf('interpreter'),
    ]);
    const gained = await follow(token, cursor);
    expect([...gained.cases]).toEqual([target]);
    const download = await call(reg.url, `/api/v1/documents/${documentIds[1]}/content`, { token });
    expect(download.status).toBe(200);
    await reg.db.query('DELETE FROM case_staff WHERE case_id = $1 AND user_id = $2', [
      target,
      idOf('interpreter'),
    ]);
    const lost = await follow(token, gained.cursor);
    expect({ cases: [...lost.cases], removed: [...lost.removed] }).toEqual({ cases: [], removed: [target] });
    expect((await call(reg.url, `/api/v1/documents/${documentIds[1]}/content`, { token })).status).toBe(404);
  });

  it('answers endpoint checks with 404 for cases one may not read and 403 for actions one may not take', async () => {
    const outcome = async (p: Person, action: Parameters<typeof requireCaseAction>[2], caseIndex: number) =>
      requireCaseAction(reg.db, pureUser(p), action, caseIds[caseIndex]!).then(
        () => 'ok',
        (error: { code: string }) => error.code,
      );
    expect(await outcome('judge', 'decision.draft', 1)).toBe('ok'); // closed, their own
    expect(await outcome('president', 'decision.draft', 1)).toBe('not_found'); // closed, not assigned
    expect(await outcome('president', 'case.reassign', 1)).toBe('ok'); // reassigning needs no reading
    expect(await outcome('secretary', 'decision.draft', 0)).toBe('forbidden'); // may read, may not draft
    expect(await outcome('chancery', 'document.upload', 19)).toBe('not_found'); // other court
    expect(await outcome('judge', 'case.read', 20)).toBe('not_found'); // named on another court's case
    const missing = await requireCaseAction(reg.db, pureUser('judge'), 'case.read', randomUUID()).catch(
      (error: { code: string }) => error.code,
    );
    expect(missing).toBe('not_found');
    expect(() => requireCourtAction(pureUser('president'), 'allocation.manage', 'HMK')).not.toThrow();
    expect(() => requireCourtAction(pureUser('president'), 'allocation.manage', 'TMK')).toThrow(/TMK/);
    expect(() => requireCourtAction(pureUser('analyst'), 'statistics.read', 'HMK')).not.toThrow();
  });

  it('shuts out a user whose employment ended, session and all', async () => {
    const token = sessions.get('inactiveJudge')!;
    expect(expectedCases('inactiveJudge')).toEqual(new Set());
    expect(await pulledCases(token)).toBe(401);
    expect((await call(reg.url, `/api/v1/documents/${documentIds[0]}/content`, { token })).status).toBe(401);
  });
});

describeOnBothDatabases('migration 0005 (access)', (dbs) => {
  it('gives an existing system observer the general sub-type and then requires one', async () => {
    const db = await openDb(await dbs().create('access_migration'));
    try {
      await migrate(
        db,
        MIGRATIONS.filter((m) => m.version < 5),
      );
      const userId = randomUUID();
      await db.query(
        "INSERT INTO users (id, name, personal_code) VALUES ($1, 'System Observer', '37605030299')",
        [userId],
      );
      await db.query("INSERT INTO role_assignments (id, user_id, role) VALUES ($1, $2, 'system_observer')", [
        randomUUID(),
        userId,
      ]);
      await migrate(db);
      const rows = await db.query<{ observer_scope: string }>('SELECT observer_scope FROM role_assignments');
      expect(rows).toEqual([{ observer_scope: 'general' }]);
      await expect(
        db.query("INSERT INTO role_assignments (id, user_id, role) VALUES ($1, $2, 'system_observer')", [
          randomUUID(),
          userId,
        ]),
      ).rejects.toThrow();
      await expect(
        db.query(
          "INSERT INTO role_assignments (id, user_id, role, court_code, observer_scope) VALUES ($1, $2, 'judge', NULL, 'general')",
          [randomUUID(), userId],
        ),
      ).rejects.toThrow();
    } finally {
      await db.close();
    }
  });
});
