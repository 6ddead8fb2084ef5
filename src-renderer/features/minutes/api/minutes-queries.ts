import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ExportedFile } from '../../../../src-shared/contract/drafting';
import type { CardList, CardSummary } from '../../../../src-shared/contract/id-card';
import type {
  HearingMinutesSummary,
  Minutes,
  MinutesIssue,
  MinutesOp,
} from '../../../../src-shared/contract/minutes';
import { AppError, call, onHostEvent } from '../../../platform/chambers';

export type { CardList, CardSummary, ExportedFile, HearingMinutesSummary, Minutes, MinutesIssue, MinutesOp };

export const minutesKeys = {
  all: ['minutes'] as const,
  hearings: () => [...minutesKeys.all, 'hearings'] as const,
  details: () => [...minutesKeys.all, 'detail'] as const,
  detail: (minutesId: string) => [...minutesKeys.details(), minutesId] as const,
  check: (minutesId: string) => [...minutesKeys.detail(minutesId), 'check'] as const,
  /** The ID cards in the readers, for the judge's approval on this computer. */
  cards: () => [...minutesKeys.all, 'cards'] as const,
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

/** The card module and the cards in the readers now; `card:changed` refreshes it (useReaderCards). */
export const readerCardsQuery = () =>
  queryOptions({
    queryKey: minutesKeys.cards(),
    queryFn: () => call((api) => api.cardList()),
    staleTime: 0,
  });

/** While the approval dialog is open: a card put in or taken out refreshes the list at once. */
export function useReaderCardEvents(enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return undefined;
    return onHostEvent('card:changed', () => {
      void queryClient.invalidateQueries({ queryKey: minutesKeys.cards() });
    });
  }, [enabled, queryClient]);
}

/**
 * Carries one PIN1 to the host, once: `take()` empties it, so the mutation's variables (which React
 * Query keeps in memory) hold no PIN afterwards, and it never serializes. (As the sign-in's PinEntry;
 * features do not import each other.)
 */
export class ApprovalPin {
  #pin: string | null;
  constructor(
    readonly cardId: string,
    pin: string,
  ) {
    this.#pin = pin;
  }

  take(): string {
    const pin = this.#pin;
    this.#pin = null;
    if (pin === null) throw new AppError('invalid_input', 'This PIN entry was already used.');
    return pin;
  }

  toJSON(): { cardId: string } {
    return { cardId: this.cardId };
  }
}

/** The presiding judge approves with their own ID card and PIN1 on this (the secretary's) computer. */
export function useApproveMinutes(minutesId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entry: ApprovalPin) =>
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

/** `minutes:changed` (filed by the register, approved elsewhere): the list and those minutes are read again. */
export function useMinutesEvents(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onHostEvent('minutes:changed', ({ minutesIds }) => {
        void queryClient.invalidateQueries({ queryKey: minutesKeys.hearings() });
        for (const minutesId of minutesIds)
          void queryClient.invalidateQueries({ queryKey: minutesKeys.detail(minutesId), exact: true });
      }),
    [queryClient],
  );
}
