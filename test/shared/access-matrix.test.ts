import { describe, expect, it } from 'vitest';
import {
  type CaseRestriction,
  type CaseTarget,
  type ObserverScope,
  PROCEDURE_TYPES,
  type ProcedureType,
  ROLES,
  type Role,
  type SessionUser,
  authorize,
} from '../../src-shared/domain/index.js';

/*
 * The specification, written out by hand from statute §9 and §16–17 and NOT derived from the
 * permissions table: which procedure types each role (and observer sub-type) reads at its court.
 *   'ALL'       every procedure type
 *   'ASSIGNED'  only cases the user is assigned to (any procedure type)
 *   'NONE'      no case at all
 *   a list      those procedure types
 */
const ALL = [...PROCEDURE_TYPES];
type Reads = ProcedureType[] | 'ASSIGNED' | 'NONE';
const COURT_ROLE_READS: Record<
  Exclude<Role, 'observer' | 'system_administrator' | 'system_observer'>,
  Reads
> = {
  court_president: ALL,
  judge: ALL,
  consultant: ALL,
  court_session_secretary: ALL,
  chancery_official: ALL,
  head_of_chancery: ALL,
  law_clerk: ALL,
  assistant_judge: ALL,
  judge_candidate: ALL,
  adviser: ALL,
  analyst: 'NONE', // statistics only (§3: extracts that identify no person)
  specialist: ALL,
  interpreter: 'ASSIGNED', // only the cases they interpret in
};
const OBSERVER_READS: Record<ObserverScope, ProcedureType[]> = {
  general: ALL,
  criminal_misdemeanour: ['criminal', 'misdemeanour'],
  civil_administrative: ['civil', 'administrative'],
  constitutional: ['constitutional'],
};
const EXTERNAL_READS = { system_administrator: 'NONE' as Reads, system_observer: 'BY SUB-TYPE' };

type Relation = 'assigned to the case' | 'same court' | 'other court';
const RELATIONS: Relation[] = ['assigned to the case', 'same court', 'other court'];
const RESTRICTIONS: CaseRestriction[] = ['none', 'closed', 'adoption'];

/** The expected answer, from the rules in words. */
function expected(
  external: boolean,
  reads: Reads,
  type: ProcedureType,
  restriction: CaseRestriction,
  relation: Relation,
): boolean {
  if (reads === 'NONE') return false;
  const readsType = reads === 'ASSIGNED' || reads.includes(type);
  if (!readsType) return false;
  // External roles (§17) reach every court but are never "court staff handling the case".
  if (external) return restriction === 'none';
  // A court role reaches its own court only: being named on a case elsewhere gives nothing.
  if (relation === 'other court') return false;
  if (relation === 'assigned to the case') return true;
  // Same court, not assigned: ordinary cases only, and only for roles that read by role.
  return restriction === 'none' && reads !== 'ASSIGNED';
}

const ME = 'user-under-test';
const HOME = 'HMK';

interface Subject {
  label: string;
  role: Role;
  scope: ObserverScope | null;
  reads: Reads;
  external: boolean;
}

const SUBJECTS: Subject[] = ROLES.flatMap((role): Subject[] => {
  if (role === 'observer' || role === 'system_observer')
    return (Object.keys(OBSERVER_READS) as ObserverScope[]).map((scope) => ({
      label: `${role}/${scope}`,
      role,
      scope,
      reads: OBSERVER_READS[scope],
      external: role === 'system_observer',
    }));
  if (role === 'system_administrator')
    return [{ label: role, role, scope: null, reads: EXTERNAL_READS[role], external: true }];
  return [{ label: role, role, scope: null, reads: COURT_ROLE_READS[role], external: false }];
});

function userFor(s: Subject): SessionUser {
  return {
    id: ME,
    name: s.label,
    personalCode: '37605030299',
    roles: [{ role: s.role, courtCode: s.external ? null : HOME, observerScope: s.scope }],
  };
}

function caseFor(type: ProcedureType, restriction: CaseRestriction, relation: Relation): CaseTarget {
  return {
    courtCode: relation === 'other court' ? 'TMK' : HOME,
    procedureType: type,
    restriction,
    // "Other court" includes being named on that court's case: it must still not open it.
    assignedStaffIds: relation === 'same court' ? ['someone-else'] : ['someone-else', ME],
  };
}

describe('case.read matrix: every role × procedure type × restriction × relation', () => {
  it('covers all 16 roles and every observer sub-type', () => {
    expect(new Set(SUBJECTS.map((s) => s.role)).size).toBe(16);
    expect(SUBJECTS).toHaveLength(16 - 2 + 2 * 4);
    expect(EXTERNAL_READS.system_observer).toBe('BY SUB-TYPE');
  });

  it('matches the written specification in every cell', () => {
    const mismatches: string[] = [];
    let cells = 0;
    for (const s of SUBJECTS)
      for (const type of PROCEDURE_TYPES)
        for (const restriction of RESTRICTIONS)
          for (const relation of RELATIONS) {
            cells++;
            const want = expected(s.external, s.reads, type, restriction, relation);
            const got = authorize(userFor(s), 'case.read', caseFor(type, restriction, relation));
            if (got !== want)
              mismatches.push(`${s.label} ${type} ${restriction} ${relation}: expected ${want}, got ${got}`);
          }
    expect(cells).toBe(22 * 5 * 3 * 3);
    expect(mismatches).toEqual([]);
  });

  it('never lets the court president open a closed or adoption case by role alone', () => {
    const president: SessionUser = {
      id: ME,
      name: 'president',
      personalCode: '37605030299',
      roles: ['court_president', 'judge', 'head_of_chancery'].map((role) => ({
        role: role as Role,
        courtCode: HOME,
        observerScope: null,
      })),
    };
    for (const restriction of ['closed', 'adoption'] as const)
      for (const type of PROCEDURE_TYPES)
        expect(authorize(president, 'case.read', caseFor(type, restriction, 'same court'))).toBe(false);
  });
});
