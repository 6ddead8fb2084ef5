import { randomBytes } from 'node:crypto';
import { AppError } from '../../../src-shared/contract/result.js';
import type { ProcedureType } from '../../../src-shared/domain/index.js';
import type { AllocationRecord, DrawInputs } from '../../../src-shared/register-api/index.js';
import type { Db } from '../../db/index.js';
import { type LogRow, appendLog, lockAllocationLog } from './allocation-log.js';
import { DRAW_RULES_VERSION, DrawError, PANEL_SIZE, draw } from './draw.js';
import { eligibility } from './eligibility.js';
import { loadCurrentPlan } from './plans.js';
import { findEarlierCase, refilingKey } from './refiling.js';

export type { AllocationRecord } from '../../../src-shared/register-api/index.js';

export interface AllocateCaseInput {
  caseId: string;
  courtCode: string;
  procedureType: ProcedureType;
  category: string | null;
  subject: string;
  /** From `partyKey` of each party (code, else normalised name). */
  partyKeys: string[];
  registeredAt: Date;
  actor: { userId: string };
}

export interface AllocationOutcome {
  judgeIds: string[];
  logSeq: number;
  record: AllocationRecord;
}

/** Six bytes from the operating system's CSPRNG per seat: integers in [0, 2^48). */
export function cryptoRandomValues(count: number): number[] {
  return Array.from({ length: count }, () => randomBytes(6).readUIntBE(0, 6));
}

/** Makes `judgeIds` the case's judges: the first presides and becomes `cases.judge_id`. */
export async function setCaseJudges(
  tx: Db,
  caseId: string,
  judgeIds: readonly string[],
  refilingKey: string | null = null,
): Promise<void> {
  await tx.query('DELETE FROM case_judges WHERE case_id = $1', [caseId]);
  for (const [index, judgeId] of judgeIds.entries()) {
    await tx.query('INSERT INTO case_judges (case_id, judge_id, position) VALUES ($1, $2, $3)', [
      caseId,
      judgeId,
      index + 1,
    ]);
  }
  await tx.query('UPDATE cases SET judge_id = $2, refiling_key = coalesce($3, refiling_key) WHERE id = $1', [
    caseId,
    judgeIds[0] ?? null,
    refilingKey,
  ]);
}

/** The record of one log row, as registration and reassignment answer it. */
export function recordOf(row: LogRow): AllocationRecord {
  const inputs = row.inputs as {
    planVersion?: number | null;
    draw?: DrawInputs | null;
    earlierCase?: { id: string; number: string } | null;
    reason?: string | null;
    actorUserId?: string | null;
  };
  const result = row.result as { judgeIds?: string[]; lowPool?: boolean; warnings?: string[] };
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    kind: row.kind,
    courtCode: row.courtCode,
    caseId: row.caseId ?? '',
    judgeIds: result.judgeIds ?? [],
    lowPool: result.lowPool ?? false,
    warnings: result.warnings ?? [],
    planVersion: inputs.planVersion ?? null,
    draw: inputs.draw ?? null,
    earlierCase: inputs.earlierCase ?? null,
    reason: inputs.reason ?? null,
    actorUserId: inputs.actorUserId ?? null,
  };
}

export interface DrawForCase {
  caseId: string;
  courtCode: string;
  procedureType: ProcedureType;
  category: string | null;
  at: Date;
}

/** Gathers the eligible judges under the court's current plan and draws with fresh random values. */
export async function drawForCase(
  tx: Db,
  q: DrawForCase,
): Promise<{ planVersion: number; inputs: DrawInputs; result: ReturnType<typeof draw> }> {
  const plan = await loadCurrentPlan(tx, q.courtCode);
  if (!plan)
    throw new AppError('conflict', `court ${q.courtCode} has no allocation plan: a draw is impossible`);
  const panel = plan.panelProcedureTypes.includes(q.procedureType);
  const pool = await eligibility(tx, { ...q, plan, panel });
  const inputs: DrawInputs = {
    rulesVersion: DRAW_RULES_VERSION,
    panel,
    ...pool,
    random: cryptoRandomValues(panel ? PANEL_SIZE : 1),
  };
  try {
    return { planVersion: plan.version, inputs, result: draw(inputs) };
  } catch (error) {
    if (error instanceof DrawError)
      throw new AppError('conflict', `cannot allocate the case: ${error.message}`);
    throw error;
  }
}

/**
 * Allocates a just-registered case inside the registration transaction: to the judge of an earlier
 * case when this is a refiling (same parties and subject, filed or withdrawn in the last 90 days),
 * else by a draw. Sets the case's judges and appends the decision with all its inputs to the log.
 */
export async function allocateCase(tx: Db, input: AllocateCaseInput): Promise<AllocationOutcome> {
  await lockAllocationLog(tx);
  const base = { courtCode: input.courtCode, caseId: input.caseId };
  const key = refilingKey(input.subject, input.partyKeys);
  const earlier = await findEarlierCase(tx, { ...input, key, at: input.registeredAt });
  let row: LogRow;
  if (earlier && earlier.judgeIds.length > 0) {
    row = await appendLog(tx, {
      ...base,
      kind: 'refiling',
      inputs: {
        actorUserId: input.actor.userId,
        subject: input.subject,
        partyKeys: [...input.partyKeys].sort(),
        registeredAt: input.registeredAt.toISOString(),
        earlierCase: { id: earlier.id, number: earlier.number },
        earlierMatchedBy: earlier.matchedBy,
        planVersion: null,
        draw: null,
      },
      result: { judgeIds: earlier.judgeIds, lowPool: false, warnings: [] },
    });
  } else {
    const { planVersion, inputs, result } = await drawForCase(tx, { ...input, at: input.registeredAt });
    row = await appendLog(tx, {
      ...base,
      kind: 'draw',
      inputs: {
        actorUserId: input.actor.userId,
        procedureType: input.procedureType,
        category: input.category,
        registeredAt: input.registeredAt.toISOString(),
        planVersion,
        draw: inputs,
      },
      result,
    });
  }
  const record = recordOf(row);
  await setCaseJudges(tx, input.caseId, record.judgeIds, key);
  return { judgeIds: record.judgeIds, logSeq: row.seq, record };
}
