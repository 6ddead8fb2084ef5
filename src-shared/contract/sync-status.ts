import { z } from 'zod';

export const SyncStatus = z.object({
  connectivity: z.enum(['online', 'offline', 'syncing']),
  /** Progress of the running pull: cases applied so far, and the total when known. */
  progress: z.object({ done: z.number().int(), total: z.number().int().nullable() }).nullable(),
  /** Local changes not yet confirmed by the register. */
  pending: z.number().int().nonnegative(),
  /** Changes the register refused for good, and notes in conflict: both wait for the user. */
  failed: z.number().int().nonnegative().default(0),
  conflicts: z.number().int().nonnegative().default(0),
  lastSuccessAt: z.iso.datetime({ offset: true }).nullable(),
  lastError: z.string().nullable(),
  cachedCases: z.number().int().nonnegative(),
  /**
   * Counts every change of the status in this run of the host: an answer that left the host before an
   * event must not overwrite the newer state the event brought (they travel on different connections).
   */
  revision: z.number().int().nonnegative().default(0),
});
export type SyncStatus = z.infer<typeof SyncStatus>;
