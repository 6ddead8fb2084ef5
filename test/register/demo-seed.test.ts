import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROCEDURE_TYPES, isValidPersonalCode, parseCaseNumber } from '../../src-shared/domain/index.js';
import { planCases } from '../../src-register/seed/demo-cases.js';
import { makeDemoStaff } from '../../src-register/seed/demo-people.js';
import { Prng } from '../../src-register/seed/prng.js';
import { startRegister } from '../../src-register/server.js';

const NOW = new Date('2026-03-02T10:00:00Z');
const DAY = 86_400_000;

function plan(caseCount: number) {
  const rng = new Prng(7);
  const takenCodes = new Set<string>();
  const staff = makeDemoStaff(rng, takenCodes);
  return { staff, ...planCases({ rng, caseCount, now: NOW, staff, takenCodes }) };
}

const ROLES_BY_TYPE: Record<string, string[]> = {
  civil: ['plaintiff', 'defendant', 'third_party', 'applicant', 'person_concerned', 'guardianship_authority'],
  criminal: ['prosecutor', 'accused', 'victim'],
  administrative: ['complainant', 'respondent', 'third_party'],
  misdemeanour: ['person_concerned', 'extrajudicial_body'],
  constitutional: ['applicant', 'participant'],
};

describe('demo court plan', () => {
  it('is the same every time', () => {
    expect(JSON.stringify(plan(60))).toBe(JSON.stringify(plan(60)));
  });

  it('has the staff the brief asks for, with valid personal codes', () => {
    const { staff } = plan(1);
    expect(staff.judges).toHaveLength(9);
    expect(staff.president.roles.map((r) => r.role)).toEqual(['court_president', 'judge']);
    expect(staff.secretaries).toHaveLength(4);
    expect(staff.chancery).toHaveLength(4);
    expect(staff.users.filter((u) => u.roles.some((r) => r.role === 'observer'))).toHaveLength(1);
    expect(staff.users.every((u) => isValidPersonalCode(u.personalCode))).toBe(true);
  });

  it('numbers cases T-YY-N gaplessly per type and year, and the counters continue from there', () => {
    const { cases, counters } = plan(200);
    const byKey = new Map<string, number[]>();
    for (const c of cases) {
      const parts = parseCaseNumber(c.number)!;
      expect(parts.procedureType).toBe(c.procedureType);
      expect(2000 + parts.year).toBe(c.registeredAt.getUTCFullYear());
      const key = `${c.procedureType}/${2000 + parts.year}`;
      byKey.set(key, [...(byKey.get(key) ?? []), parts.running]);
    }
    for (const [key, numbers] of byKey) {
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      const [procedureType, year] = key.split('/');
      expect(counters).toContainEqual({ procedureType, year: Number(year), next: numbers.length + 1 });
    }
    expect(new Set(cases.map((c) => c.procedureType))).toEqual(new Set(PROCEDURE_TYPES));
    expect(
      [...byKey.keys()].some((k) => k.endsWith('2025')) && [...byKey.keys()].some((k) => k.endsWith('2026')),
    ).toBe(true);
  });

  it('gives each case fitting parties, documents, steps, and hearings in the coming two weeks', () => {
    const { cases } = plan(200);
    expect(cases.filter((c) => c.restriction === 'closed').length).toBeGreaterThanOrEqual(3);
    expect(cases.filter((c) => c.restriction === 'adoption').length).toBeGreaterThanOrEqual(2);
    const withHearings = cases.filter((c) => c.hearings.length > 0).length;
    expect(withHearings).toBeGreaterThanOrEqual(30);
    expect(withHearings).toBeLessThanOrEqual(60);
    for (const c of cases) {
      expect(c.parties.length).toBeGreaterThanOrEqual(2);
      expect(c.parties.length).toBeLessThanOrEqual(4);
      for (const p of c.parties) {
        expect(ROLES_BY_TYPE[c.procedureType]).toContain(p.role);
        if (p.kind === 'natural') expect(isValidPersonalCode(p.code!)).toBe(true);
      }
      expect(c.claimValueCents === null).toBe(c.procedureType !== 'civil' || c.restriction !== 'none');
      expect(c.documents.length).toBeGreaterThanOrEqual(1);
      expect(c.documents.length).toBeLessThanOrEqual(3);
      c.documents.forEach((d, i) => {
        expect(d.number).toBe(`${c.number}/${i + 1}`);
        expect(d.pages).toBeGreaterThanOrEqual(1);
        expect(d.pages).toBeLessThanOrEqual(4);
        expect(d.restricted).toBe(c.restriction !== 'none');
      });
      expect(c.steps[0]).toMatchObject({ kind: 'registered', occurredAt: c.registeredAt });
      for (const s of c.steps) expect(s.enteredAt.getTime()).toBeGreaterThanOrEqual(s.occurredAt.getTime());
      for (const h of c.hearings) {
        expect(h.startsAt.getTime()).toBeGreaterThan(NOW.getTime());
        expect(h.startsAt.getTime()).toBeLessThan(NOW.getTime() + 15 * DAY);
        expect(h.judgeIds).toEqual([c.judgeId]);
        if (c.restriction !== 'none') expect(h.public).toBe(false);
      }
    }
  });
});

describe('demo court seed', () => {
  it('seeds an empty database once, and a second start reuses the data', async () => {
    const scratch = await mkdtemp(path.join(tmpdir(), 'chambers-seed-'));
    const config = {
      db: `pglite:${path.join(scratch, 'db')}`,
      host: '127.0.0.1',
      port: 0,
      devSignIn: false,
      production: false,
      blobDir: path.join(scratch, 'blobs'),
      seedDemo: true,
      demoCaseCount: 6,
      logLevel: 'silent',
    };
    try {
      const first = await startRegister(config);
      expect(first.seed).toMatchObject({ seeded: true, cases: 6, users: 18 });
      const [audit] = await first.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE action = 'seed.demo-court'",
      );
      expect(audit!.n).toBe(1);
      await first.close();
      const second = await startRegister(config);
      expect(second.seed).toMatchObject({ seeded: false });
      const [row] = await second.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases');
      expect(row!.n).toBe(6);
      await second.close();
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });
});
