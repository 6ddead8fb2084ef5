import type { DrawCandidate, DrawInputs, DrawResult } from '../../../src-shared/register-api/index.js';

/** The rules this code implements; stored with every draw so a replay knows what it re-runs. */
export const DRAW_RULES_VERSION = 'draw-v1';
export const PANEL_SIZE = 3;
/** Random values are integers in [0, 2^48): six bytes from `crypto.randomBytes`. */
export const RANDOM_RANGE = 2 ** 48;
/** Fewer eligible judges than this makes the draw predictable, so it is flagged. */
export const LOW_POOL_BELOW = 3;
/** A judge's odds double per case of deficit, up to this many doublings either way. */
const MAX_DOUBLINGS = 4;

export class DrawError extends Error {
  override name = 'DrawError';
}

/**
 * The selection score of each candidate (see docs/decisions/0006-allocation-draw.md):
 *
 *   W = Σ weight, N = Σ workload
 *   target_i  = N · weight_i / W              judge i's fair part of the open cases among the pool
 *   deficit_i = target_i − workload_i         positive when the judge is behind their target
 *   score_i   = weight_i · 2^clamp(deficit_i, −4, 4)
 *
 * So with equal loads relative to weight the odds are the plan weights themselves; a judge one case
 * behind has twice the odds, one case ahead half. Deficits stay bounded, so over many draws each
 * judge's share converges to weight_i / W, while every eligible judge keeps a non-zero chance (the
 * clamp), so no draw is predictable from the loads alone.
 */
export function drawScores(candidates: readonly DrawCandidate[]): number[] {
  const totalWeight = candidates.reduce((sum, c) => sum + c.weight, 0);
  const totalLoad = candidates.reduce((sum, c) => sum + c.workload, 0);
  return candidates.map((c) => {
    const deficit = (totalLoad * c.weight) / totalWeight - c.workload;
    return c.weight * 2 ** Math.max(-MAX_DOUBLINGS, Math.min(MAX_DOUBLINGS, deficit));
  });
}

function pickIndex(scores: readonly number[], random: number): number {
  const total = scores.reduce((sum, s) => sum + s, 0);
  const point = (random / RANDOM_RANGE) * total;
  let cumulative = 0;
  for (const [index, score] of scores.entries()) {
    cumulative += score;
    if (point < cumulative && score > 0) return index;
  }
  // Rounding can leave `point` a hair above the last sum: the last judge still in the pool takes it.
  return scores.findLastIndex((s) => s > 0);
}

function checkInputs(inputs: DrawInputs, seats: number): void {
  if (inputs.rulesVersion !== DRAW_RULES_VERSION)
    throw new DrawError(
      `unknown allocation rules ${inputs.rulesVersion}; this register runs ${DRAW_RULES_VERSION}`,
    );
  const ids = inputs.candidates.map((c) => c.judgeId);
  if (new Set(ids).size !== ids.length) throw new DrawError('a judge appears twice among the candidates');
  const excluded = new Set(inputs.excluded.map((e) => e.judgeId));
  if (ids.some((id) => excluded.has(id))) throw new DrawError('an excluded judge is among the candidates');
  if (inputs.candidates.length < seats)
    throw new DrawError(
      inputs.panel
        ? `a panel needs ${PANEL_SIZE} eligible judges, only ${inputs.candidates.length} are eligible`
        : 'no judge is eligible for this case under the allocation plan',
    );
  if (inputs.random.length < seats)
    throw new DrawError(`a draw of ${seats} seat(s) needs ${seats} random values`);
  if (inputs.random.some((r) => !Number.isSafeInteger(r) || r < 0 || r >= RANDOM_RANGE))
    throw new DrawError('random values must be integers in [0, 2^48)');
}

/**
 * The draw itself, pure: the same inputs always give the same result, which is what lets the log
 * replay any draw. Candidates are taken in judge-id order so the order they were listed in is no
 * input. A panel is drawn seat by seat without replacement, the first seat presiding.
 */
export function draw(inputs: DrawInputs): DrawResult {
  const seats = inputs.panel ? PANEL_SIZE : 1;
  checkInputs(inputs, seats);
  const pool = [...inputs.candidates].sort((a, b) =>
    a.judgeId < b.judgeId ? -1 : a.judgeId > b.judgeId ? 1 : 0,
  );
  const scores = drawScores(pool);
  const total = scores.reduce((sum, s) => sum + s, 0);
  const chances = pool.map((c, i) => ({ judgeId: c.judgeId, chance: scores[i]! / total }));
  const remaining = [...scores];
  const judgeIds: string[] = [];
  for (let seat = 0; seat < seats; seat++) {
    const index = pickIndex(remaining, inputs.random[seat]!);
    judgeIds.push(pool[index]!.judgeId);
    remaining[index] = 0;
  }
  const lowPool = pool.length < LOW_POOL_BELOW;
  const warnings = lowPool
    ? [`only ${pool.length} eligible judge(s): fewer than ${LOW_POOL_BELOW}, the draw is flagged`]
    : [];
  return { judgeIds, chances, lowPool, warnings };
}
