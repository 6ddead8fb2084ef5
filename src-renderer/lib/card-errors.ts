import type { AppError } from '../../src-shared/contract/result';

/** The tries left on the card after a wrong PIN (`details.triesLeft`), or null when the host did not say. */
export function pinTriesLeft(error: AppError): number | null {
  const left = error.details?.triesLeft;
  return typeof left === 'number' && Number.isInteger(left) && left >= 0 ? left : null;
}

/** Each screen's own words for a wrong PIN (the sign-in's and the approval's differ). */
export interface WrongPinWords {
  /** The host did not say how many tries are left. */
  wrong: string;
  /** No tries left: the PIN is blocked now. */
  blocked: string;
  triesLeft: (count: number) => string;
}

/** A `pin_incorrect` refusal in words: the tries left, blocked at none left, else just "wrong". */
export function wrongPinText(error: AppError, words: WrongPinWords): string {
  const left = pinTriesLeft(error);
  if (left === null) return words.wrong;
  return left === 0 ? words.blocked : words.triesLeft(left);
}
