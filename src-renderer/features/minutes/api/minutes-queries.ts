import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ExportedFile } from '../../../../src-shared/contract/drafting';
import type {
  HearingMinutesSummary,
  Minutes,
  MinutesIssue,
  MinutesOp,
} from '../../../../src-shared/contract/minutes';
import type { PinEntry } from '../../../lib/pin';
import { call } from '../../../platform/chambers';

export type { ExportedFile, HearingMinutesSummary, Minutes, MinutesIssue, MinutesOp };

export const minutesKeys = {
  all: ['minutes'] as const,
  hearings: () => [...minutesKeys.all, 'hearings'] as const,
  details: () => [...minutesKeys.all, 'detail'] as const,
  detail: (minutesId: string) => [...minutesKeys.details(), minutesId] as const,
  check: (minutesId: string) => [...minutesKeys.detail(minutesId), 'check'] as const,
};

/** The user's hearings from yesterday to a week ahead, with their minutes' status and deadline. */
export const hearingsQuery = () =>
  queryOptions({
    queryKey: minutesKeys.hearings(),
    queryFn: () => call((api) => api.minutesHearings({})),
  });

export const minutesQuery = (minutesId: string) =>
  queryOptions({
    queryKey: minutesKeys.detail(minutesId),
    queryFn: () => call((api) => api.minutesGet({ minutesId })),
    // The view owns the content while it is open: a refetch on focus would only race the sync.
    refetchOnWindowFocus: false,
  });

/** One batch of changes, durable when it answers; the sync hook decides when (its own queue). */
export const applyMinutesOps = (minutesId: string, ops: MinutesOp[]) =>
  call((api) => api.minutesApply({ minutesId, ops }));

/** Minutes the host answered with (a status change): cached, the hearings list refreshed. */
function adopt(queryClient: QueryClient, minutes: Minutes): void {
  queryClient.setQueryData(minutesKeys.detail(minutes.id), minutes);
  void queryClient.invalidateQueries({ queryKey: minutesKeys.hearings() });
}

export function useOpenMinutes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (hearingId: string) => call((api) => api.minutesOpen({ hearingId })),
    onSuccess: (minutes) => adopt(queryClient, minutes),
  });
}

export function useCheckMinutes(minutesId: string) {
  return useMutation({
    mutationFn: () => call((api) => api.minutesCheck({ minutesId })),
  });
}

/**
 * The presiding judge approves with their own ID card and PIN1 on this (the secretary's) computer;
 * the PIN rides in a PinEntry, taken once. The cards come from the shared card list (api/card-queries.ts).
 */
export function useApproveMinutes(minutesId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entry: PinEntry) =>
      call((api) => api.minutesApprove({ minutesId, cardId: entry.cardId, pin: entry.take() })),
    onSuccess: (minutes) => adopt(queryClient, minutes),
  });
}

type Transition = 'finalise' | 'reopen' | 'submit';

const TRANSITIONS = {
  finalise: (minutesId: string) => call((api) => api.minutesFinalise({ minutesId })),
  reopen: (minutesId: string) => call((api) => api.minutesReopen({ minutesId })),
  submit: (minutesId: string) => call((api) => api.minutesSubmit({ minutesId })),
} satisfies Record<Transition, (minutesId: string) => Promise<Minutes>>;

/** Finalise, reopen or submit: each answers with the minutes in their new status. */
export function useMinutesTransition(minutesId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (transition: Transition) => TRANSITIONS[transition](minutesId),
    onSuccess: (minutes) => adopt(queryClient, minutes),
  });
}

export function useExportMinutes(minutesId: string) {
  return useMutation({
    mutationFn: () => call((api) => api.minutesExport({ minutesId, format: 'docx' })),
  });
}
