import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { SessionEndReason } from '../../../../src-shared/contract/id-card';
import type { PinEntry } from '../../../lib/pin';
import { call } from '../../../platform/chambers';
import { currentSessionQuery, sessionEndedQuery, sessionKeys } from './session-queries';

/** After sign-out or a lock nothing of the previous person may stay in memory. */
export function forgetEverythingButSession(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.all[0] });
}

/** The host ended the session: forget the person's data and remember why, for the sign-in screen. */
export function sessionEnded(queryClient: QueryClient, reason: SessionEndReason | undefined): void {
  forgetEverythingButSession(queryClient);
  // Finished mutations keep their results (the signed-in person) until collected: drop them now.
  queryClient.getMutationCache().clear();
  queryClient.setQueryData(sessionEndedQuery().queryKey, reason ?? null);
  queryClient.setQueryData(currentSessionQuery().queryKey, null);
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entry: PinEntry) =>
      call((api) => api.sessionSignIn({ cardId: entry.cardId, pin: entry.take() })),
    onSuccess: (session) => {
      // A new person: nothing cached for the one before stays.
      forgetEverythingButSession(queryClient);
      queryClient.setQueryData(sessionEndedQuery().queryKey, null);
      queryClient.setQueryData(currentSessionQuery().queryKey, session);
    },
    onError: () => {
      // A wrong PIN counts down the tries and may block the card: read the cards again.
      void queryClient.invalidateQueries({ queryKey: sessionKeys.cards() });
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call((api) => api.sessionSignOut()),
    onSuccess: () => sessionEnded(queryClient, 'signed-out'),
  });
}
