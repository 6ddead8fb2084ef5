import type { CaseRestriction } from './case.js';
import { PROCEDURE_TYPES, type ProcedureType } from './procedure-type.js';
import { OBSERVER_SCOPES, roleHas } from './roles.js';
import type { SessionUser } from './user.js';

/** What visibility depends on; the register fills it from the case row and its hearings. */
export interface CaseAccessFacts {
  courtCode: string;
  procedureType: ProcedureType;
  restriction: CaseRestriction;
  judgeId: string | null;
  /** The staff handling the case's hearings: their judges and secretaries. */
  staffIds: readonly string[];
}

/** A court (or `'*'` for every court, from the external roles of §17) and the procedure types readable there. */
export interface ReadScope {
  courtCode: string;
  procedureTypes: readonly ProcedureType[];
}

export const ALL_COURTS = '*';

/**
 * Where this user may read cases: one entry per court, merging all of the user's role assignments
 * that grant `cases.read`. Observers read only their sub-type's procedure types.
 */
export function readScopes(user: SessionUser): ReadScope[] {
  const byCourt = new Map<string, Set<ProcedureType>>();
  for (const assignment of user.roles) {
    if (!roleHas(assignment.role, 'cases.read')) continue;
    const types: readonly ProcedureType[] =
      assignment.role === 'observer'
        ? assignment.observerScope
          ? OBSERVER_SCOPES[assignment.observerScope]
          : []
        : PROCEDURE_TYPES;
    const court = assignment.courtCode ?? ALL_COURTS;
    const set = byCourt.get(court) ?? new Set<ProcedureType>();
    for (const type of types) set.add(type);
    byCourt.set(court, set);
  }
  return [...byCourt]
    .filter(([, types]) => types.size > 0)
    .map(([courtCode, types]) => ({
      courtCode,
      procedureTypes: PROCEDURE_TYPES.filter((t) => types.has(t)),
    }));
}

/** Whether the user is one of the staff handling this case (its judge, or staff of its hearings). */
export function handlesCase(userId: string, c: Pick<CaseAccessFacts, 'judgeId' | 'staffIds'>): boolean {
  return c.judgeId === userId || c.staffIds.includes(userId);
}

/**
 * The one visibility rule (statute §9, §16–17): a user reads a case when a role with `cases.read`
 * covers its court and procedure type; closed-proceeding and adoption cases additionally only when
 * the user handles that case.
 */
export function canSeeCase(user: SessionUser, c: CaseAccessFacts): boolean {
  const covered = readScopes(user).some(
    (scope) =>
      (scope.courtCode === c.courtCode || scope.courtCode === ALL_COURTS) &&
      scope.procedureTypes.includes(c.procedureType),
  );
  if (!covered) return false;
  return c.restriction === 'none' || handlesCase(user.id, c);
}
