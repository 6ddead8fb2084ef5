import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { SyncStatus } from '../../../../src-shared/contract/sync-status';
import { call } from '../../../platform/chambers';

export type { SyncStatus };

export const syncKeys = {
  all: ['sync'] as const,
  status: () => [...syncKeys.all, 'status'] as const,
};

/** Fetched once; after that the host's `sync:status` events keep it current. */
export const syncStatusQuery = () =>
  queryOptions({
    queryKey: syncKeys.status(),
    queryFn: () => call((api) => api.syncStatus()),
  });

export function useSyncNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call((api) => api.syncNow()),
    onSuccess: (status) => {
      queryClient.setQueryData(syncStatusQuery().queryKey, status);
    },
  });
}
