import { CASE_NUMBER_PATTERN, parseCaseNumber } from '../../../../../src-shared/domain/case-number';
import type { CitationKind } from '../../../../../src-shared/domain/rich-text';

/**
 * What a citation's reference must look like, by kind:
 * - case: a case number `T-YY-N` (or a document of it, `T-YY-N/D`), e.g. `2-24-1234`;
 * - ecli: `ECLI:EE:<court>:<year>:<id>`, e.g. `ECLI:EE:RK:2024:2.24.1234.5678`;
 * - provision: an act's abbreviation or name and a section, e.g. `VÕS § 208 lg 1`.
 */
export const ECLI_PATTERN = /^ECLI:EE:[A-Z0-9]{1,7}:(\d{4}):[A-Za-z0-9.]{1,25}$/;
export const PROVISION_PATTERN =
  /^[\p{L}][\p{L}\p{N}.\- ]{0,80}\s§\s?\d+[\p{L}\d]*(?:[\s,]+[\p{L}\p{N}§., ()-]{1,100})?$/u;
export const CITATION_REF_MAX = 200;

export type CitationProblem = 'empty' | 'tooLong' | 'case' | 'ecli' | 'provision';

/** The reference as it will be stored (trimmed, inner spaces collapsed). */
export function normaliseReference(ref: string): string {
  return ref.trim().replace(/\s+/g, ' ');
}

/** Why a reference is not valid for its kind, or null when it is. */
export function citationProblem(kind: CitationKind, ref: string): CitationProblem | null {
  const value = normaliseReference(ref);
  if (value === '') return 'empty';
  if (value.length > CITATION_REF_MAX) return 'tooLong';
  switch (kind) {
    case 'case':
      return CASE_NUMBER_PATTERN.test(value) && parseCaseNumber(value) ? null : 'case';
    case 'ecli': {
      const match = ECLI_PATTERN.exec(value);
      const year = match ? Number(match[1]) : 0;
      return match && year >= 1900 && year <= 2100 ? null : 'ecli';
    }
    case 'provision':
      return PROVISION_PATTERN.test(value) ? null : 'provision';
  }
}

/** The kind a reference most likely is, to preselect it in the citation window. */
export function guessCitationKind(ref: string): CitationKind {
  const value = normaliseReference(ref);
  if (value.toUpperCase().startsWith('ECLI:')) return 'ecli';
  if (/^\d-\d{2}-\d/.test(value)) return 'case';
  return 'provision';
}
