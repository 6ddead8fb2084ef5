import { queryOptions } from '@tanstack/react-query';
import type {
  CardList,
  CardSummary,
  SessionEndReason,
  SessionInfo,
} from '../../../../src-shared/contract/id-card';
import { call } from '../../../platform/chambers';

export type Session = SessionInfo;
export type { CardList, CardSummary, SessionEndReason };

/** While the sign-in screen is shown the card list is asked again this often, beside `card:changed`. */
export const CARD_POLL_MS = 3_000;

export const sessionKeys = {
  all: ['session'] as const,
  current: () => [...sessionKeys.all, 'current'] as const,
  cards: () => [...sessionKeys.all, 'cards'] as const,
  /** Why the last session ended (card removed, …): client state for the sign-in screen's notice. */
  ended: () => [...sessionKeys.all, 'ended'] as const,
};

/** The signed-in person, or null on the sign-in screen. */
export const currentSessionQuery = () =>
  queryOptions({
    queryKey: sessionKeys.current(),
    queryFn: () => call((api) => api.sessionGet()),
  });

/** The card module and the cards in the readers; `card:changed` invalidates it. */
export const cardListQuery = () =>
  queryOptions({
    queryKey: sessionKeys.cards(),
    queryFn: () => call((api) => api.cardList()),
    staleTime: 0,
  });

/** Never fetched: set by the `session:changed` event, read by the sign-in screen. */
export const sessionEndedQuery = () =>
  queryOptions({
    queryKey: sessionKeys.ended(),
    queryFn: (): SessionEndReason | null => null,
    staleTime: Infinity,
    gcTime: Infinity,
  });
