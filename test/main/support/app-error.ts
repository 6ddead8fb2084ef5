import { expect } from 'vitest';
import { AppError } from '../../../src-shared/contract/index.js';

/**
 * Awaits `work`, expecting it to reject with an AppError, and returns that error so the test can
 * check its code and reason. Fails the test when `work` resolves or rejects with anything else.
 */
export async function appError(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'expected a rejection with an AppError').toBeInstanceOf(AppError);
  return error as AppError;
}
