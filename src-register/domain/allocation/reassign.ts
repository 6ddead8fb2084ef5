import { AppError } from '../../../src-shared/contract/result.js';
import type { ProcedureType } from '../../../src-shared/domain/index.js';
import type { ReassignRequest } from '../../../src-shared/register-api/index.js';
import type { Db } from '../../db/index.js';
import { appendLog, lockAllocationLog } from './allocation-log.js';
import { type AllocationOutcome, drawForCase, recordOf, setCaseJudges } from './allocate-case.js';

export interface CaseForAllocation {
  id: string;
  courtCode: string;
  procedureType: ProcedureType;
  category: string | null;
  judgeIds: string[];
}

export async function loadCaseForAllocation(db: Db, caseId: string): Promise<CaseForAllocation | null> {
  const [row] = await db.query<{
    id: string;
    court_code: string;
    procedure_type: ProcedureType;
    category: string | null;
    judge_id: string | null;
  }>('SELECT id, court_code, procedure_type, category, judge_id FROM cases WHERE id = $1', [caseId]);
  if (!row) return null;
  const panel = await db.query<{ judge_id: string }>(
    'SELECT judge_id FROM case_judges WHERE case_id = $1 ORDER BY position',
    [caseId],
  );
  const judgeIds = panel.length > 0 ? panel.map((p) => p.judge_id) : row.judge_id ? [row.judge_id] : [];
  return {
    id: row.id,
    courtCode: row.court_code,
    procedureType: row.procedure_type,
    category: row.category,
    judgeIds,
  };
}

async function isJudgeOfCourt(tx: Db, courtCode: string, userId: string): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM role_assignments WHERE user_id = $1 AND court_code = $2 AND role = 'judge'
       AND valid_from <= current_date AND (valid_to IS NULL OR valid_to >= current_date)`,
    [userId, courtCode],
  );
  return rows.length > 0;
}

/**
 * A manual reassignment by the court president, always with a reason and an actor. Naming a judge
 * puts that judge in the presiding seat; naming none recuses the current judges and draws again
 * under the current plan. Either way the decision goes to the allocation log.
 */
export async function reassignCase(
  tx: Db,
  theCase: CaseForAllocation,
  request: ReassignRequest,
  actor: { userId: string },
): Promise<AllocationOutcome> {
  await lockAllocationLog(tx);
  const common = {
    actorUserId: actor.userId,
    reason: request.reason,
    previousJudgeIds: theCase.judgeIds,
    requestedJudgeId: request.judgeId ?? null,
  };
  let judgeIds: string[];
  let logged;
  if (request.judgeId) {
    if (!(await isJudgeOfCourt(tx, theCase.courtCode, request.judgeId)))
      throw new AppError('invalid_input', `judgeId: not a judge of court ${theCase.courtCode}`);
    if (theCase.judgeIds[0] === request.judgeId)
      throw new AppError('invalid_input', 'judgeId: that judge already presides over the case');
    const rest = theCase.judgeIds.slice(1).filter((id) => id !== request.judgeId);
    judgeIds = [request.judgeId, ...rest];
    logged = {
      inputs: { ...common, planVersion: null, draw: null },
      result: { judgeIds, lowPool: false, warnings: [] },
    };
  } else {
    for (const judgeId of theCase.judgeIds) {
      await tx.query(
        `INSERT INTO case_recusals (case_id, judge_id, reason, recorded_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (case_id, judge_id) DO NOTHING`,
        [theCase.id, judgeId, request.reason, actor.userId],
      );
    }
    const drawn = await drawForCase(tx, { ...theCase, caseId: theCase.id, at: new Date() });
    judgeIds = drawn.result.judgeIds;
    logged = {
      inputs: { ...common, planVersion: drawn.planVersion, draw: drawn.inputs },
      result: drawn.result,
    };
  }
  const row = await appendLog(tx, {
    kind: 'manual_reassignment',
    courtCode: theCase.courtCode,
    caseId: theCase.id,
    ...logged,
  });
  await setCaseJudges(tx, theCase.id, judgeIds);
  return { judgeIds, logSeq: row.seq, record: recordOf(row) };
}
