import { z } from 'zod';
import { type ProcedureType, procedureTypeDigit, procedureTypeFromDigit } from './procedure-type.js';

/** `T-YY-N` or `T-YY-N/D` (domain.md, "Case numbers"). */
export const CASE_NUMBER_PATTERN = /^([1-5])-(\d{2})-(\d{1,6})(?:\/(\d{1,4}))?$/;

export interface CaseNumberParts {
  procedureType: ProcedureType;
  /** Two-digit registration year, 0–99. */
  year: number;
  running: number;
  /** Running number of a document inside the case file, when present. */
  document?: number;
}

export function parseCaseNumber(text: string): CaseNumberParts | undefined {
  const match = CASE_NUMBER_PATTERN.exec(text);
  if (!match) return undefined;
  const [, type, year, running, document] = match;
  const procedureType = procedureTypeFromDigit(Number(type));
  const runningNumber = Number(running);
  if (!procedureType || runningNumber < 1 || running!.startsWith('0')) return undefined;
  if (document !== undefined && (Number(document) < 1 || document.startsWith('0'))) return undefined;
  return {
    procedureType,
    year: Number(year),
    running: runningNumber,
    ...(document === undefined ? {} : { document: Number(document) }),
  };
}

export function formatCaseNumber(parts: CaseNumberParts): string {
  const base = `${procedureTypeDigit(parts.procedureType)}-${String(parts.year % 100).padStart(2, '0')}-${parts.running}`;
  return parts.document === undefined ? base : `${base}/${parts.document}`;
}

export function documentNumber(caseNumber: string, document: number): string {
  const parts = parseCaseNumber(caseNumber);
  if (!parts || parts.document !== undefined) throw new Error(`Not a case number: ${caseNumber}`);
  return formatCaseNumber({ ...parts, document });
}

/** ECLI of a published decision: hyphen and slash become dots. */
export function ecli(courtCode: string, year: number, documentNo: string): string {
  return `ECLI:EE:${courtCode}:${year}:${documentNo.replace(/[-/]/g, '.')}`;
}

/** Hearing audio files are named after the case number with `-` replaced by `_`. */
export function audioFileBaseName(caseNumber: string): string {
  return caseNumber.replace(/-/g, '_');
}

function isNumberOfKind(text: string, kind: 'case' | 'document'): boolean {
  const parts = parseCaseNumber(text);
  return parts !== undefined && (parts.document !== undefined) === (kind === 'document');
}

export const CaseNumber = z.string().refine((s) => isNumberOfKind(s, 'case'), 'must be a case number T-YY-N');
export const DocumentNumber = z
  .string()
  .refine((s) => isNumberOfKind(s, 'document'), 'must be a document number T-YY-N/D');
