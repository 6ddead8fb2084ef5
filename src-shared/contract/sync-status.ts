import { z } from 'zod';

export const SyncStatus = z.object({
  connectivity: z.enum(['online', 'offline', 'syncing']),
  /** Progress of the running pull: cases applied so far, and the total when known. */
  progress: z.object({ done: z.number().int(), total: z.number().int().nullable() }).nullable(),
  pending: z.number().int().nonnegative(),
  lastSuccessAt: z.iso.datetime({ offset: true }).nullable(),
  lastError: z.string().nullable(),
  cachedCases: z.number().int().nonnegative(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;
