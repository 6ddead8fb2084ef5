import { describe, expect, it } from 'vitest';
import type { DrawCandidate, DrawInputs } from '../../../src-shared/register-api/index.js';
import {
  DRAW_RULES_VERSION,
  DrawError,
  RANDOM_RANGE,
  draw,
  drawScores,
} from '../../../src-register/domain/allocation/draw.js';
import { Prng } from '../../../src-register/seed/prng.js';

const judge = (n: number, weight = 1, workload = 0): DrawCandidate => ({
  judgeId: `00000000-0000-4000-8000-00000000000${n}`,
  weight,
  workload,
});
const inputs = (over: Partial<DrawInputs>): DrawInputs => ({
  rulesVersion: DRAW_RULES_VERSION,
  panel: false,
  candidates: [judge(1), judge(2), judge(3), judge(4)],
  excluded: [],
  random: [0],
  ...over,
});
const randoms = (rng: Prng, n: number) =>
  Array.from({ length: n }, () => Math.floor(rng.next() * RANDOM_RANGE));

describe('the pure draw', () => {
  it('never picks a judge that is not a candidate, and refuses an excluded one among them', () => {
    const rng = new Prng(7);
    const candidates = [judge(1), judge(3)];
    const excluded = [
      { judgeId: judge(2).judgeId, why: 'absent' as const, reason: 'puhkus' },
      { judgeId: judge(4).judgeId, why: 'recused' as const, reason: 'taandus' },
    ];
    for (let i = 0; i < 500; i++) {
      const result = draw(inputs({ candidates, excluded, random: randoms(rng, 1) }));
      expect([judge(1).judgeId, judge(3).judgeId]).toContain(result.judgeIds[0]);
    }
    expect(() => draw(inputs({ candidates: [judge(1), judge(2)], excluded }))).toThrow(DrawError);
  });

  it('draws panels of three distinct judges, the presiding judge first', () => {
    const rng = new Prng(11);
    for (let i = 0; i < 300; i++) {
      const { judgeIds } = draw(inputs({ panel: true, random: randoms(rng, 3) }));
      expect(judgeIds).toHaveLength(3);
      expect(new Set(judgeIds).size).toBe(3);
    }
    expect(() => draw(inputs({ panel: true, candidates: [judge(1), judge(2)], random: [1, 2, 3] }))).toThrow(
      /panel needs 3/,
    );
  });

  it('flags a draw from fewer than three eligible judges', () => {
    const low = draw(inputs({ candidates: [judge(1), judge(2)] }));
    expect(low.lowPool).toBe(true);
    expect(low.warnings.join()).toMatch(/only 2 eligible/);
    expect(draw(inputs({})).lowPool).toBe(false);
    expect(() => draw(inputs({ candidates: [] }))).toThrow(/no judge is eligible/);
  });

  it('is deterministic: the same inputs give the same result in any candidate order', () => {
    const rng = new Prng(3);
    for (let i = 0; i < 100; i++) {
      const random = randoms(rng, 3);
      const a = draw(inputs({ panel: true, random }));
      const b = draw(inputs({ panel: true, random, candidates: [judge(4), judge(2), judge(3), judge(1)] }));
      expect(b).toEqual(a);
    }
  });

  it('favours a judge below target and keeps everyone possible', () => {
    const scores = drawScores([judge(1, 1, 10), judge(2, 1, 12), judge(3, 0.5, 0)]);
    expect(scores[0]!).toBeGreaterThan(scores[1]!);
    expect(scores[2]!).toBeGreaterThan(scores[0]!);
    expect(Math.min(...scores)).toBeGreaterThan(0);
    // Loads in proportion to weights: the odds are the weights.
    const even = drawScores([judge(1, 1, 20), judge(2, 0.5, 10)]);
    expect(even[0]! / even[1]!).toBeCloseTo(2, 1);
  });

  it('refuses unknown rules and out-of-range random values', () => {
    expect(() => draw(inputs({ rulesVersion: 'draw-v0' }))).toThrow(/unknown allocation rules/);
    expect(() => draw(inputs({ random: [RANDOM_RANGE] }))).toThrow(/random values/);
    expect(() => draw(inputs({ random: [] }))).toThrow(/needs 1 random/);
  });
});
