import { describe, expect, it } from 'vitest';
import { planCases } from '../../src-register/seed/demo-cases.js';
import {
  addExpertOpinion,
  EXPERT_OPINION_JUDGE,
  JOURNEY_SECRETARY,
} from '../../src-register/seed/demo-court.js';
import { DEMO_SEED, makeDemoStaff } from '../../src-register/seed/demo-people.js';
import { Prng } from '../../src-register/seed/prng.js';

const NOW = new Date('2026-03-02T10:00:00Z');

function plan(caseCount: number, withExpert: boolean) {
  const rng = new Prng(DEMO_SEED);
  const takenCodes = new Set<string>();
  const staff = makeDemoStaff(rng, takenCodes);
  const { cases } = planCases({ rng, caseCount, now: NOW, staff, takenCodes });
  const target = withExpert ? addExpertOpinion(cases, staff, NOW) : null;
  return { staff, cases, target };
}

describe('the demo expert opinion', () => {
  it("gives Triin Lepik's first open, undecided case a 500-page Ekspertiisiakt and tomorrow's hearing with Maarja Sepp, and changes nothing else", () => {
    const { staff, cases, target } = plan(200, true);
    const judge = staff.users.find((u) => u.name === EXPERT_OPINION_JUDGE)!;
    expect(target).not.toBeNull();
    expect(target!.judgeId).toBe(judge.id);
    expect(target!.restriction).toBe('none');
    expect(['registered', 'in_progress']).toContain(target!.status);
    const expert = target!.documents.at(-1)!;
    expect(expert).toMatchObject({ title: 'Ekspertiisiakt', pages: 500, restricted: false });
    expect(expert.number).toBe(`${target!.number}/${target!.documents.length}`);
    expect(expert.filedAt.getTime()).toBeLessThan(NOW.getTime());
    expect(cases.flatMap((c) => c.documents).filter((d) => d.pages > 4)).toEqual([expert]);

    // The journey's hearing (mission journey 3): the next working day (a Tuesday here) at 09:30
    // Tallinn time, public, her case, Maarja Sepp its secretary.
    const secretary = staff.users.find((u) => u.name === JOURNEY_SECRETARY)!;
    const hearing = target!.hearings[0]!;
    expect(hearing).toMatchObject({ secretaryId: secretary.id, public: true, judgeIds: [judge.id] });
    expect(hearing.startsAt.toISOString()).toBe('2026-03-03T07:30:00.000Z');

    const without = plan(200, false).cases;
    const strip = (list: typeof cases) =>
      list.map((c) => ({
        ...c,
        documents: c.documents.filter((d) => d.title !== 'Ekspertiisiakt'),
        hearings: c.id === target!.id ? [] : c.hearings,
      }));
    expect(JSON.stringify(strip(cases))).toBe(JSON.stringify(strip(without)));
    // Deterministic.
    expect(JSON.stringify(plan(200, true).cases)).toBe(JSON.stringify(cases));
  });
});
