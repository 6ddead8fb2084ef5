import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { MyWork } from '../../../../src-shared/contract/workspace';
import type { SyncStatus } from '../../../../src-shared/contract/sync-status';
import { call } from '../../../platform/chambers';

export type { MyWork };
export type { DecisionDue, MyCase, WorkHearing } from '../../../../src-shared/contract/workspace';

export const workKeys = {
  all: ['work'] as const,
  mine: () => [...workKeys.all, 'mine'] as const,
};

// "Today" and "this week" move at midnight; the cache answers fast, so asking now and then is cheap.
const WORK_REFRESH_MS = 5 * 60_000;

/** My work, read by the host from the local cache: works offline. */
export const myWorkQuery = () =>
  queryOptions({
    queryKey: workKeys.mine(),
    queryFn: () => call((api) => api.workMine()),
    refetchInterval: WORK_REFRESH_MS,
  });

/** After `cases:changed`: cases, hearings and decisions may all have moved. */
export function invalidateWork(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: workKeys.all });
}

/**
 * After `sync:status`: only the outbox counts can have changed, and the status carries them, so
 * they are copied in place instead of asking again on every progress tick of a pull.
 */
export function applySyncStatusToWork(queryClient: QueryClient, status: SyncStatus): void {
  queryClient.setQueryData<MyWork>(workKeys.mine(), (work) => {
    if (!work) return work;
    const { pending, failed, conflicts } = status;
    const same =
      work.pending.pending === pending &&
      work.pending.failed === failed &&
      work.pending.conflicts === conflicts;
    return same ? work : { ...work, pending: { pending, failed, conflicts } };
  });
}
