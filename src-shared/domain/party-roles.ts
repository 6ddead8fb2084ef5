import type { ProcedureType } from './procedure-type.js';

/**
 * The procedural roles a party may have in each procedure type (snake_case codes; the renderer
 * translates them). Data, not code: extend a list here and registration accepts the new role.
 */
export const PARTY_ROLES: Readonly<Record<ProcedureType, readonly string[]>> = {
  civil: [
    'plaintiff',
    'defendant',
    'third_party',
    'applicant',
    'person_concerned',
    'guardianship_authority',
    'intervener',
  ],
  criminal: ['prosecutor', 'accused', 'victim', 'civil_defendant', 'third_party'],
  administrative: ['complainant', 'respondent', 'third_party', 'applicant'],
  misdemeanour: ['person_concerned', 'extrajudicial_body', 'victim', 'prosecutor'],
  constitutional: ['applicant', 'participant'],
};

export function isPartyRoleOf(procedureType: ProcedureType, role: string): boolean {
  return PARTY_ROLES[procedureType].includes(role);
}

/**
 * Numbers a case may have carried before: the current grammar (`T-YY-N`) or the Supreme Court's
 * pre-2017 one, `chamber-kind-running-YY` (e.g. 3-2-1-161-05).
 */
export const FORMER_SUPREME_COURT_NUMBER_PATTERN = /^[1-5]-[1-9]-[1-9]-[1-9]\d{0,4}-\d{2}$/;
