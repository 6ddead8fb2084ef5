import { QueryClient } from '@tanstack/react-query';
import { AppError, type ErrorCode } from '../../src-shared/contract/result';

// Asking again cannot fix these; retrying would only delay the message the user needs.
const FINAL_ERRORS: ReadonlySet<ErrorCode> = new Set([
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'not_found',
]);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Data comes from the local cache and host events invalidate it, so it stays fresh.
        staleTime: 30_000,
        retry: (failures, error) =>
          failures < 1 && !(error instanceof AppError && FINAL_ERRORS.has(error.code)),
      },
      mutations: { retry: false },
    },
  });
}
