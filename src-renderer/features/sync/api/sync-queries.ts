import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { SyncStatus } from '../../../../src-shared/contract/sync-status';
import { call } from '../../../platform/chambers';

export type { SyncStatus };

export const syncKeys = {
  all: ['sync'] as const,
  status: () => [...syncKeys.all, 'status'] as const,
};

/** The newer of two statuses by the host's revision (events and answers travel separately). */
export function newerStatus(current: SyncStatus | undefined, next: SyncStatus): SyncStatus {
  return current && current.revision > next.revision ? current : next;
}

/**
 * Fetched once; after that the host's `sync:status` events keep it current. An answer that left the
 * host before an event arrived never overwrites what the event brought.
 */
export const syncStatusQuery = () =>
  queryOptions({
    queryKey: syncKeys.status(),
    queryFn: async ({ client }) =>
      newerStatus(client.getQueryData<SyncStatus>(syncKeys.status()), await call((api) => api.syncStatus())),
  });

export function useSyncNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call((api) => api.syncNow()),
    onSuccess: (status) => {
      queryClient.setQueryData<SyncStatus>(syncKeys.status(), (current) => newerStatus(current, status));
    },
  });
}

export const syncProblemKeys = {
  all: [...syncKeys.all, 'problems'] as const,
  conflicts: () => [...syncProblemKeys.all, 'conflicts'] as const,
  failed: () => [...syncProblemKeys.all, 'failed'] as const,
};

/** Notes edited here and on the register: both texts, until the user chooses. */
export const noteConflictsQuery = () =>
  queryOptions({
    queryKey: syncProblemKeys.conflicts(),
    queryFn: () => call((api) => api.notesConflicts()),
  });

/** Changes the register refused for good. */
export const failedChangesQuery = () =>
  queryOptions({
    queryKey: syncProblemKeys.failed(),
    queryFn: () => call((api) => api.outboxFailed()),
  });

function useAfterProblemChange() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: syncProblemKeys.all });
    void queryClient.invalidateQueries({ queryKey: syncKeys.status() });
  };
}

export function useResolveConflict() {
  const done = useAfterProblemChange();
  return useMutation({
    mutationFn: (input: { conflictId: string; choice: 'mine' | 'theirs' }) =>
      call((api) => api.notesResolve(input)),
    onSettled: done,
  });
}

export function useFailedChangeAction() {
  const done = useAfterProblemChange();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'retry' | 'dismiss' }) =>
      call((api) => (action === 'retry' ? api.outboxRetry({ id }) : api.outboxDismiss({ id }))),
    onSettled: done,
  });
}
