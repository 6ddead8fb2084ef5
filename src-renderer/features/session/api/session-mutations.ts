import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { call } from '../../../platform/chambers';
import { currentSessionQuery, sessionKeys } from './session-queries';

/** After sign-out nothing of the previous person may stay in memory. */
export function forgetEverythingButSession(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.all[0] });
}

export function useDevSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (personalCode: string) => call((api) => api.sessionDevSignIn({ personalCode })),
    onSuccess: (session) => {
      queryClient.setQueryData(currentSessionQuery().queryKey, session);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call((api) => api.sessionSignOut()),
    onSuccess: () => {
      forgetEverythingButSession(queryClient);
      queryClient.setQueryData(currentSessionQuery().queryKey, null);
    },
  });
}
