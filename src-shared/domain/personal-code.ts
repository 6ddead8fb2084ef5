import { z } from 'zod';

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 1, 2, 3];

/** Check digit of an Estonian personal identification code (`GYYMMDDSSSC`). */
export function personalCodeCheckDigit(firstTen: string): number {
  const digits = [...firstTen].map(Number);
  const weighted = (weights: number[]) => digits.reduce((sum, d, i) => sum + d * weights[i]!, 0) % 11;
  const first = weighted(FIRST_WEIGHTS);
  if (first < 10) return first;
  const second = weighted(SECOND_WEIGHTS);
  return second < 10 ? second : 0;
}

export function isValidPersonalCode(code: string): boolean {
  if (!/^[1-8]\d{10}$/.test(code)) return false;
  const century = [1800, 1800, 1900, 1900, 2000, 2000, 2100, 2100][Number(code[0]) - 1]!;
  const year = century + Number(code.slice(1, 3));
  const month = Number(code.slice(3, 5));
  const day = Number(code.slice(5, 7));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  return personalCodeCheckDigit(code.slice(0, 10)) === Number(code[10]);
}

/** Builds a valid code from its parts; used by demo data and tests. */
export function makePersonalCode(sexAndCentury: number, birth: Date, serial: number): string {
  const yy = String(birth.getUTCFullYear() % 100).padStart(2, '0');
  const mm = String(birth.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(birth.getUTCDate()).padStart(2, '0');
  const firstTen = `${sexAndCentury}${yy}${mm}${dd}${String(serial).padStart(3, '0')}`;
  return firstTen + String(personalCodeCheckDigit(firstTen));
}

export const PersonalCode = z
  .string()
  .refine(isValidPersonalCode, 'must be a valid Estonian personal identification code');
