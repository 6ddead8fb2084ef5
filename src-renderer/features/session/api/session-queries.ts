import { queryOptions } from '@tanstack/react-query';
import type { SessionEndReason, SessionInfo } from '../../../../src-shared/contract/id-card';
import { cardListKey, type CardList, type CardSummary } from '../../../api/card-queries';
import { call } from '../../../platform/chambers';

export type Session = SessionInfo;
export type { CardList, CardSummary, SessionEndReason };

export const sessionKeys = {
  all: ['session'] as const,
  current: () => [...sessionKeys.all, 'current'] as const,
  /** The card list's (api/card-queries.ts, shared with the minutes' approval). */
  cards: cardListKey,
  /** Why the last session ended (card removed, …): client state for the sign-in screen's notice. */
  ended: () => [...sessionKeys.all, 'ended'] as const,
};

/** The signed-in person, or null on the sign-in screen. */
export const currentSessionQuery = () =>
  queryOptions({
    queryKey: sessionKeys.current(),
    queryFn: () => call((api) => api.sessionGet()),
  });

/** Never fetched: set by the `session:changed` event, read by the sign-in screen. */
export const sessionEndedQuery = () =>
  queryOptions({
    queryKey: sessionKeys.ended(),
    queryFn: (): SessionEndReason | null => null,
    staleTime: Infinity,
    gcTime: Infinity,
  });
