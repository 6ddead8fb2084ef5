import { z } from 'zod';

/** The five procedure types of statute §7, keyed by the digit that opens a case number. */
export const PROCEDURE_TYPES = [
  'criminal',
  'civil',
  'administrative',
  'misdemeanour',
  'constitutional',
] as const;

export const ProcedureType = z.enum(PROCEDURE_TYPES);
export type ProcedureType = z.infer<typeof ProcedureType>;

export function procedureTypeDigit(type: ProcedureType): number {
  return PROCEDURE_TYPES.indexOf(type) + 1;
}

export function procedureTypeFromDigit(digit: number): ProcedureType | undefined {
  return PROCEDURE_TYPES[digit - 1];
}
