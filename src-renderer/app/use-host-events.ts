import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { cardListKey } from '../api/card-queries';
import { caseKeys } from '../features/cases/api/case-queries';
import { draftKeys } from '../features/drafting/api/draft-queries';
import { minutesKeys } from '../features/minutes/api/minutes-queries';
import { sessionEnded } from '../features/session/api/session-mutations';
import { sessionKeys } from '../features/session/api/session-queries';
import { newerStatus, syncKeys, type SyncStatus } from '../features/sync/api/sync-queries';
import { applySyncStatusToWork, invalidateWork } from '../features/work/api/work-queries';
import { searchKeys } from '../features/search/api/search-queries';
import { onHostEvent } from '../platform/chambers';

// Past this many changed cases, one sweep over all open case files is cheaper than one per id.
const MANY_CASES = 50;

/** The one place where host events reach the query cache. */
export function useHostEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    // Everything that reads the local cache. The case lists fill in page by page during a pull; My
    // work, Search and its facets read the whole cache, so they wait for the pull to end.
    const refreshCacheViews = () => {
      void queryClient.invalidateQueries({ queryKey: caseKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: searchKeys.all });
      invalidateWork(queryClient);
    };
    const pulling = () => queryClient.getQueryData<SyncStatus>(syncKeys.status())?.progress != null;
    const unsubscribes = [
      onHostEvent('sync:status', (status) => {
        const before = queryClient.getQueryData<SyncStatus>(syncKeys.status());
        queryClient.setQueryData<SyncStatus>(syncKeys.status(), (current) => newerStatus(current, status));
        applySyncStatusToWork(queryClient, status);
        // A pull ended (or one succeeded that this page did not see run): whatever reads the cache
        // reads it again, even if a `cases:changed` was missed (the stream reconnected, a screen
        // mounted in between).
        const ended = before?.progress != null && status.progress === null;
        const succeeded = status.lastSuccessAt !== null && status.lastSuccessAt !== before?.lastSuccessAt;
        if (ended || succeeded) refreshCacheViews();
      }),
      onHostEvent('cases:changed', ({ caseIds }) => {
        if (pulling()) void queryClient.invalidateQueries({ queryKey: caseKeys.lists() });
        else refreshCacheViews();
        if (caseIds.length > MANY_CASES) {
          void queryClient.invalidateQueries({ queryKey: caseKeys.details() });
        } else {
          for (const caseId of caseIds)
            void queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
        }
      }),
      onHostEvent('session:changed', ({ signedIn, reason }) => {
        // Signed out, locked by a removed card or ended: nothing of the person stays in memory.
        if (!signedIn) sessionEnded(queryClient, reason);
        void queryClient.invalidateQueries({ queryKey: sessionKeys.current() });
      }),
      // A card put in or taken out: the sign-in's and the minutes approval's list (one query).
      onHostEvent('card:changed', () => {
        void queryClient.invalidateQueries({ queryKey: cardListKey() });
      }),
      // Filed by the register, restored or imported elsewhere: the lists and those drafts.
      onHostEvent('drafts:changed', ({ draftIds }) => {
        void queryClient.invalidateQueries({ queryKey: draftKeys.lists() });
        for (const draftId of draftIds)
          void queryClient.invalidateQueries({ queryKey: draftKeys.detail(draftId) });
      }),
      // Filed by the register, approved elsewhere: the hearings list and those minutes (not their check).
      onHostEvent('minutes:changed', ({ minutesIds }) => {
        void queryClient.invalidateQueries({ queryKey: minutesKeys.hearings() });
        for (const minutesId of minutesIds)
          void queryClient.invalidateQueries({ queryKey: minutesKeys.detail(minutesId), exact: true });
      }),
    ];
    return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
  }, [queryClient]);
}
