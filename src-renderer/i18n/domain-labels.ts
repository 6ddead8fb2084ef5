// Keys for the domain's enums. Typed as MessageKey, so a role, procedure type or status that
// the dictionary lacks is a type error here rather than a raw code on screen.
import type { ErrorCode } from '../../src-shared/contract/result';
import type { CaseRestriction, CaseStatus } from '../../src-shared/domain/case';
import type { ProcedureType } from '../../src-shared/domain/procedure-type';
import type { Role } from '../../src-shared/domain/roles';
import type { CheckedKey, MessageKey } from './dictionary';
import type { Translate } from './i18n-provider';

export const roleKey = (role: Role): CheckedKey<`role.${Role}`> => `role.${role}`;
export const procedureTypeKey = (type: ProcedureType): CheckedKey<`procedureType.${ProcedureType}`> =>
  `procedureType.${type}`;
export const caseStatusKey = (status: CaseStatus): CheckedKey<`caseStatus.${CaseStatus}`> =>
  `caseStatus.${status}`;
export const restrictionKey = (restriction: CaseRestriction): CheckedKey<`restriction.${CaseRestriction}`> =>
  `restriction.${restriction}`;
export const errorKey = (code: ErrorCode): CheckedKey<`error.${ErrorCode}`> => `error.${code}`;

/**
 * Codes the register sends as plain strings (party roles, hearing, step and document kinds).
 * The register may add codes before the app knows them, so these are lists, not zod enums.
 */
export const DOMAIN_CODES = {
  partyRole: [
    'plaintiff',
    'defendant',
    'third_party',
    'accused',
    'victim',
    'prosecutor',
    'applicant',
    'appellant',
    'person_concerned',
    'guardianship_authority',
    'complainant',
    'respondent',
    'extrajudicial_body',
    'participant',
  ],
  hearingKind: ['main', 'preliminary', 'pronouncement'],
  stepKind: [
    'registered',
    'judge_assigned',
    'accepted',
    'suspended',
    'decided',
    'closed',
    'hearing_scheduled',
    'ruling_made',
    'minutes_filed',
  ],
  documentKind: [
    'statement_of_claim',
    'indictment',
    'complaint',
    'application',
    'defence',
    'power_of_attorney',
    'ruling',
    'minutes',
    'judgment',
    'decision',
  ],
} as const;

export type DomainCodeGroup = keyof typeof DOMAIN_CODES;
export type DomainCode<G extends DomainCodeGroup> = (typeof DOMAIN_CODES)[G][number];

// A listed code without a label in the dictionary is a type error here.
type DomainLabelKey = CheckedKey<{ [G in DomainCodeGroup]: `${G}.${DomainCode<G>}` }[DomainCodeGroup]>;
// And the other way round: a label whose code is missing from the lists would never be shown.
type NoneLeft<T extends never> = T;
export type UnlistedDomainLabel = NoneLeft<
  Exclude<Extract<MessageKey, `${DomainCodeGroup}.${string}`>, DomainLabelKey>
>;

const KNOWN_KEYS: ReadonlySet<string> = new Set(
  Object.entries(DOMAIN_CODES).flatMap(([group, codes]) => codes.map((code) => `${group}.${code}`)),
);

/** The label of a register code in the current language; an unknown code is shown as the register wrote it. */
export function domainLabel(t: Translate, group: DomainCodeGroup, code: string): string {
  const key = `${group}.${code}`;
  // The cast is safe: KNOWN_KEYS holds exactly the DomainLabelKey strings.
  return KNOWN_KEYS.has(key) ? t(key as DomainLabelKey) : code;
}
