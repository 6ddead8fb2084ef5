import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { onHostEvent } from '../../../platform/chambers';
import { applySyncStatusToWork, invalidateWork } from '../api/work-queries';

/**
 * Keeps My work current from host events. Mount once, beside the other host-event wiring (it is
 * not mounted by WorkScreen, so data cached while another screen is open stays correct too).
 */
export function useWorkInvalidation(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const unsubscribes = [
      onHostEvent('cases:changed', () => invalidateWork(queryClient)),
      onHostEvent('sync:status', (status) => applySyncStatusToWork(queryClient, status)),
    ];
    return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
  }, [queryClient]);
}
