// The ID cards in the readers, read by more than one feature (the sign-in, the judge's approval of
// minutes): one query, one key, one place the host's `card:changed` invalidates (app/use-host-events.ts).
import { queryOptions } from '@tanstack/react-query';
import type { CardList, CardSummary } from '../../src-shared/contract/id-card';
import { call } from '../platform/chambers';

export type { CardList, CardSummary };

/** While a card list is shown it is asked again this often, beside `card:changed`. */
export const CARD_POLL_MS = 3_000;

/** Under the session's keys, so it outlives a sign-out (`forgetEverythingButSession` keeps them). */
export const cardListKey = () => ['session', 'cards'] as const;

/** The card module and the cards in the readers; `card:changed` invalidates it. */
export const cardListQuery = () =>
  queryOptions({
    queryKey: cardListKey(),
    queryFn: () => call((api) => api.cardList()),
    staleTime: 0,
  });
