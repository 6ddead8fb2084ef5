import type { CaseRestriction, CaseSnapshot } from './case.js';
import { ACTION_RULES, type Action, type Grant, PERMISSION_TABLE } from './permissions.js';
import { PROCEDURE_TYPES, type ProcedureType } from './procedure-type.js';
import { OBSERVER_SCOPES } from './roles.js';
import type { RoleAssignment, SessionUser } from './user.js';

export * from './permissions.js';

/** One case as access control sees it; the register fills it from the case row. */
export interface CaseTarget {
  courtCode: string;
  procedureType: ProcedureType;
  restriction: CaseRestriction;
  /** Everyone assigned to the case: its judge(s), panel, hearing secretaries and assistants. */
  assignedStaffIds: readonly string[];
}
export interface CourtTarget {
  courtCode: string;
}
export type AccessTarget = CaseTarget | CourtTarget;

export interface AuthorizeOptions {
  /** The calendar day (YYYY-MM-DD) role validity is judged on; today in UTC when absent. */
  today?: string;
}

/** The court code that stands for every court, in scopes of the external roles of §17. */
export const ALL_COURTS = '*';

/**
 * One (court, procedure type) a user's grants reach for an action. `assignedOnly`: only cases the
 * user is assigned to. `byAssignment`: being assigned also opens restricted cases — true only for
 * court roles, since closed and adoption cases are for the court staff handling them.
 */
export interface CaseScope {
  courtCode: string;
  procedureType: ProcedureType;
  assignedOnly: boolean;
  byAssignment: boolean;
}

const todayUtc = () => new Date().toISOString().slice(0, 10);

/** Whether an assignment is in force on `today` (both dates inclusive, as in the register). */
export function assignmentInForce(assignment: RoleAssignment, today: string): boolean {
  if (assignment.validFrom && assignment.validFrom > today) return false;
  return !assignment.validTo || assignment.validTo >= today;
}

function grantTypes(grant: Grant, assignment: RoleAssignment): readonly ProcedureType[] {
  if (grant === 'all' || grant === 'assigned') return PROCEDURE_TYPES;
  if (grant === 'sub-type') return assignment.observerScope ? OBSERVER_SCOPES[assignment.observerScope] : [];
  return grant;
}

/** Every scope of `action` the user's roles in force give, one entry per assignment and type. */
export function caseScopes(user: SessionUser, action: Action, options: AuthorizeOptions = {}): CaseScope[] {
  if (user.active === false) return [];
  const today = options.today ?? todayUtc();
  const scopes: CaseScope[] = [];
  for (const assignment of user.roles) {
    const grant = PERMISSION_TABLE[assignment.role][action];
    if (grant === undefined || !assignmentInForce(assignment, today)) continue;
    for (const procedureType of grantTypes(grant, assignment)) {
      scopes.push({
        courtCode: assignment.courtCode ?? ALL_COURTS,
        procedureType,
        assignedOnly: grant === 'assigned',
        byAssignment: assignment.courtCode !== null,
      });
    }
  }
  return scopes;
}

/**
 * A cached case as access control sees it: the register's assignment is not in the snapshot, so
 * everyone the snapshot names as handling the case — its judge, and the judges and secretary of
 * each hearing — counts as assigned. The desktop decides with this what the register would.
 */
export function caseTargetOfSnapshot(
  snapshot: Pick<CaseSnapshot, 'court' | 'procedureType' | 'restriction' | 'judge' | 'hearings'>,
): CaseTarget {
  const assigned = new Set<string>();
  if (snapshot.judge) assigned.add(snapshot.judge.id);
  for (const hearing of snapshot.hearings) {
    for (const judge of hearing.judges) assigned.add(judge.id);
    if (hearing.secretary) assigned.add(hearing.secretary.id);
  }
  return {
    courtCode: snapshot.court.code,
    procedureType: snapshot.procedureType,
    restriction: snapshot.restriction,
    assignedStaffIds: [...assigned],
  };
}

const isCaseTarget = (target: AccessTarget): target is CaseTarget => 'procedureType' in target;

/** Whether one scope admits the target; the SQL prefilter in the register mirrors this line by line. */
export function scopeAdmits(scope: CaseScope, action: Action, userId: string, target: AccessTarget): boolean {
  if (scope.courtCode !== ALL_COURTS && scope.courtCode !== target.courtCode) return false;
  if (!isCaseTarget(target)) return !scope.assignedOnly;
  if (scope.procedureType !== target.procedureType) return false;
  const assigned = scope.byAssignment && target.assignedStaffIds.includes(userId);
  if (assigned) return true;
  const restricted = target.restriction !== 'none' && ACTION_RULES[action].restrictedNeedsAssignment;
  return !scope.assignedOnly && !restricted;
}

/**
 * THE access rule (statute §3, §9, §15–17), used by every register endpoint and by the sync feed: the
 * user may do `action` on `target` when a role in force, at the target's court, grants it for the
 * target's procedure type; a closed-proceeding or adoption case further needs the user assigned to
 * it — no role alone (not even the court president's) opens one.
 */
export function authorize(
  user: SessionUser,
  action: Action,
  target: AccessTarget,
  options: AuthorizeOptions = {},
): boolean {
  return caseScopes(user, action, options).some((scope) => scopeAdmits(scope, action, user.id, target));
}

// ---- Earlier names, kept for their callers -------------------------------------------------------

/** @deprecated Use `CaseTarget`: the judge and hearing staff together are `assignedStaffIds`. */
export interface CaseAccessFacts {
  courtCode: string;
  procedureType: ProcedureType;
  restriction: CaseRestriction;
  judgeId: string | null;
  staffIds: readonly string[];
}

/** A court (or `'*'`) and the procedure types whose ordinary cases the user reads there. */
export interface ReadScope {
  courtCode: string;
  procedureTypes: readonly ProcedureType[];
}

/** Where this user reads ordinary cases by role: one entry per court. */
export function readScopes(user: SessionUser, options: AuthorizeOptions = {}): ReadScope[] {
  const byCourt = new Map<string, Set<ProcedureType>>();
  for (const scope of caseScopes(user, 'case.read', options)) {
    if (scope.assignedOnly) continue;
    byCourt.set(scope.courtCode, (byCourt.get(scope.courtCode) ?? new Set()).add(scope.procedureType));
  }
  return [...byCourt].map(([courtCode, types]) => ({
    courtCode,
    procedureTypes: PROCEDURE_TYPES.filter((t) => types.has(t)),
  }));
}

export function handlesCase(userId: string, c: Pick<CaseAccessFacts, 'judgeId' | 'staffIds'>): boolean {
  return c.judgeId === userId || c.staffIds.includes(userId);
}

export function caseTargetOf(c: CaseAccessFacts): CaseTarget {
  return {
    courtCode: c.courtCode,
    procedureType: c.procedureType,
    restriction: c.restriction,
    assignedStaffIds: c.judgeId ? [c.judgeId, ...c.staffIds] : c.staffIds,
  };
}

/** `authorize(user, 'case.read', …)` for callers that still hold `CaseAccessFacts`. */
export function canSeeCase(user: SessionUser, c: CaseAccessFacts): boolean {
  return authorize(user, 'case.read', caseTargetOf(c));
}
