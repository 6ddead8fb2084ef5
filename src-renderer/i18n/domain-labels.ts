// Keys for the domain's enums. Typed as MessageKey, so a role, procedure type or status that
// the dictionary lacks is a type error here rather than a raw code on screen.
import type { ErrorCode } from '../../src-shared/contract/result';
import type { CaseRestriction, CaseStatus } from '../../src-shared/domain/case';
import type { ProcedureType } from '../../src-shared/domain/procedure-type';
import type { Role } from '../../src-shared/domain/roles';
import type { CheckedKey } from './dictionary';

export const roleKey = (role: Role): CheckedKey<`role.${Role}`> => `role.${role}`;
export const procedureTypeKey = (type: ProcedureType): CheckedKey<`procedureType.${ProcedureType}`> =>
  `procedureType.${type}`;
export const caseStatusKey = (status: CaseStatus): CheckedKey<`caseStatus.${CaseStatus}`> =>
  `caseStatus.${status}`;
export const restrictionKey = (restriction: CaseRestriction): CheckedKey<`restriction.${CaseRestriction}`> =>
  `restriction.${restriction}`;
export const errorKey = (code: ErrorCode): CheckedKey<`error.${ErrorCode}`> => `error.${code}`;
