import { describe, expect, it } from 'vitest';
import type { DrawCandidate } from '../../../src-shared/register-api/index.js';
import { DRAW_RULES_VERSION, RANDOM_RANGE, draw } from '../../../src-register/domain/allocation/draw.js';
import { Prng } from '../../../src-register/seed/prng.js';

/** Upper 1% points of the chi-square distribution by degrees of freedom (standard tables). */
const CHI2_CRITICAL_P01: Record<number, number> = { 5: 15.086, 7: 18.475 };

/**
 * Issue 3 item 4: 10,000 cases through the real draw with the workload bookkeeping a court keeps
 * (every allocated case adds one to its judge's open cases), driven by a seeded generator in place of
 * the CSPRNG so the run is repeatable.
 */
function simulate(plan: { id: string; weight: number }[], cases: number, seed: number): Map<string, number> {
  const rng = new Prng(seed);
  const load = new Map(plan.map((p) => [p.id, 0]));
  for (let i = 0; i < cases; i++) {
    const candidates: DrawCandidate[] = plan.map((p) => ({
      judgeId: p.id,
      weight: p.weight,
      workload: load.get(p.id)!,
    }));
    const random = [Math.floor(rng.next() * RANDOM_RANGE)];
    const { judgeIds } = draw({
      rulesVersion: DRAW_RULES_VERSION,
      panel: false,
      candidates,
      excluded: [],
      random,
    });
    load.set(judgeIds[0]!, load.get(judgeIds[0]!)! + 1);
  }
  return load;
}

function check(plan: { id: string; weight: number }[], seed: number) {
  const n = 10_000;
  const counts = simulate(plan, n, seed);
  const total = plan.reduce((s, p) => s + p.weight, 0);
  let chi2 = 0;
  for (const p of plan) {
    const target = p.weight / total;
    const share = counts.get(p.id)! / n;
    expect({ judge: p.id, off: Math.abs(share - target) < 0.02 }).toEqual({ judge: p.id, off: true });
    const expected = target * n;
    chi2 += (counts.get(p.id)! - expected) ** 2 / expected;
  }
  expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(n);
  expect(chi2).toBeLessThan(CHI2_CRITICAL_P01[plan.length - 1]!);
  return counts;
}

describe('fairness of the draw (10,000 cases)', () => {
  it('gives each judge of the demo-like plan its target share within ±2 points; chi-square does not reject', () => {
    const plan = [0.5, 1, 1, 1, 1, 1, 1, 0.75].map((weight, i) => ({ id: `judge-${i}`, weight }));
    check(plan, 20_261_123);
  });

  it('holds for uneven weights too, and a judge with weight 0.25 still gets cases', () => {
    const plan = [2, 1, 0.75, 0.5, 0.25, 1].map((weight, i) => ({ id: `judge-${i}`, weight }));
    const counts = check(plan, 42);
    expect(counts.get('judge-4')!).toBeGreaterThan(0);
  });

  it('would catch a biased draw: ignoring the weights fails the same check', () => {
    const plan = [0.5, 1, 1, 1, 1, 1, 1, 0.75].map((weight, i) => ({ id: `judge-${i}`, weight }));
    const counts = simulate(
      plan.map((p) => ({ ...p, weight: 1 })),
      10_000,
      1,
    );
    const total = plan.reduce((s, p) => s + p.weight, 0);
    const worst = Math.max(...plan.map((p) => Math.abs(counts.get(p.id)! / 10_000 - p.weight / total)));
    expect(worst).toBeGreaterThan(0.02);
  });
});
