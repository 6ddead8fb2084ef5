import {
  type CaseAccessFacts,
  type ProcedureType,
  type SessionUser,
  readScopes,
} from '../../src-shared/domain/index.js';
import type { CaseRow } from './case-snapshots.js';

/**
 * `canSeeCase` of src-shared, as a SQL condition on `cases c`, so that paging and counting happen in
 * the database. Both are built from the same `readScopes`; the rows it admits are checked again
 * with `canSeeCase` before they leave the register.
 */
export function visibleCaseCondition(
  user: SessionUser,
  firstParam: number,
): { sql: string; params: unknown[] } {
  const pairs = readScopes(user).flatMap((s) => s.procedureTypes.map((t) => [s.courtCode, t] as const));
  const [courts, types, userId] = [firstParam, firstParam + 1, firstParam + 2].map((n) => `$${n}`);
  const sql = `EXISTS (SELECT 1 FROM unnest(${courts}::text[], ${types}::text[]) AS s(court, ptype)
                 WHERE (s.court = c.court_code OR s.court = '*') AND s.ptype = c.procedure_type)
    AND (c.restriction = 'none' OR c.judge_id = ${userId}::uuid
         OR EXISTS (SELECT 1 FROM hearings h WHERE h.case_id = c.id AND h.secretary_id = ${userId}::uuid)
         OR EXISTS (SELECT 1 FROM hearings h JOIN hearing_judges hj ON hj.hearing_id = h.id
                    WHERE h.case_id = c.id AND hj.user_id = ${userId}::uuid))`;
  return { sql, params: [pairs.map((p) => p[0]), pairs.map((p) => p[1]), user.id] };
}

export function accessFacts(row: CaseRow): CaseAccessFacts {
  return {
    courtCode: row.court_code,
    procedureType: row.procedure_type as ProcedureType,
    restriction: row.restriction as CaseAccessFacts['restriction'],
    judgeId: row.judge_id,
    staffIds: row.staff_ids,
  };
}
