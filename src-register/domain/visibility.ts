import {
  ACTION_RULES,
  type Action,
  type AuthorizeOptions,
  type CaseAccessFacts,
  type CaseTarget,
  type ProcedureType,
  type SessionUser,
  caseScopes,
  caseTargetOf,
} from '../../src-shared/domain/index.js';
import type { CaseRow } from './case-snapshots.js';

/**
 * Where "assigned to a case" comes from: its judge, its panel (case_judges), the judges and
 * secretaries of its hearings, and the staff assigned to it (case_staff: law clerks, assistant
 * judges, interpreters…). Both SQL forms below are generated from this one list.
 */
const ASSIGNMENT_SOURCES: readonly { from?: string; user: string; caseMatch?: string }[] = [
  { user: 'c.judge_id' },
  { from: 'case_judges x', user: 'x.judge_id', caseMatch: 'x.case_id = c.id' },
  { from: 'hearings x', user: 'x.secretary_id', caseMatch: 'x.case_id = c.id' },
  {
    from: 'hearings x JOIN hearing_judges y ON y.hearing_id = x.id',
    user: 'y.user_id',
    caseMatch: 'x.case_id = c.id',
  },
  { from: 'case_staff x', user: 'x.user_id', caseMatch: 'x.case_id = c.id' },
];

/** The ids of everyone assigned to case `c`, as a text[] column (`staff_ids` of CASE_SELECT). */
export const ASSIGNED_STAFF_IDS_SQL = `ARRAY(${ASSIGNMENT_SOURCES.map(
  (s) =>
    `SELECT ${s.user}::text${s.from ? ` FROM ${s.from}` : ''} WHERE ${s.user} IS NOT NULL` +
    (s.caseMatch ? ` AND ${s.caseMatch}` : ''),
).join(' UNION ')})`;

function isAssignedSql(userParam: string): string {
  return `(${ASSIGNMENT_SOURCES.map((s) =>
    s.from
      ? `EXISTS (SELECT 1 FROM ${s.from} WHERE ${s.caseMatch} AND ${s.user} = ${userParam}::uuid)`
      : `${s.user} = ${userParam}::uuid`,
  ).join(' OR ')})`;
}

/**
 * `authorize(user, action, case)` of src-shared as a SQL condition on `cases c`, so that paging and
 * counting happen in the database. It is `scopeAdmits` written in SQL over the same `caseScopes`;
 * every row it admits is checked again with `authorize` before it leaves the register.
 */
export function visibleCaseCondition(
  user: SessionUser,
  firstParam: number,
  action: Action = 'case.read',
  options: AuthorizeOptions = {},
): { sql: string; params: unknown[] } {
  const scopes = caseScopes(user, action, options);
  const [courts, types, assignedOnly, byAssignment, userId] = [0, 1, 2, 3, 4].map(
    (n) => `$${firstParam + n}`,
  );
  const ordinary = ACTION_RULES[action].restrictedNeedsAssignment ? `c.restriction = 'none'` : 'TRUE';
  const sql = `EXISTS (SELECT 1 FROM unnest(${courts}::text[], ${types}::text[], ${assignedOnly}::boolean[],
                 ${byAssignment}::boolean[]) AS s(court, ptype, assigned_only, by_assignment)
    WHERE (s.court = '*' OR s.court = c.court_code) AND s.ptype = c.procedure_type
      AND ((NOT s.assigned_only AND ${ordinary}) OR (s.by_assignment AND ${isAssignedSql(userId!)})))`;
  return {
    sql,
    params: [
      scopes.map((s) => s.courtCode),
      scopes.map((s) => s.procedureType),
      scopes.map((s) => s.assignedOnly),
      scopes.map((s) => s.byAssignment),
      user.id,
    ],
  };
}

/** The case of a row as `authorize` sees it. */
export function caseTarget(row: CaseRow): CaseTarget {
  return caseTargetOf(accessFacts(row));
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
