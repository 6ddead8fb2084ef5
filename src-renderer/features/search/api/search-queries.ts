import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { CaseSearchHit, CaseSearchInput } from '../../../../src-shared/contract/workspace';
import { call } from '../../../platform/chambers';

export type { CaseSearchHit, CaseSearchInput };

/** Enough to scan by eye; beyond it the screen asks for a narrower search. */
export const SEARCH_LIMIT = 200;

/** One key per distinct search: blank text and unset filters are left out. */
export function normalizeSearch(input: CaseSearchInput): CaseSearchInput {
  const text = input.text?.trim();
  const entries = Object.entries({ ...input, text }).filter(
    ([key, value]) => key !== 'limit' && value !== undefined && value !== '',
  );
  return Object.fromEntries(entries) as CaseSearchInput;
}

export const searchKeys = {
  all: ['search'] as const,
  results: () => [...searchKeys.all, 'results'] as const,
  result: (input: CaseSearchInput) => [...searchKeys.results(), normalizeSearch(input)] as const,
  facets: () => [...searchKeys.all, 'facets'] as const,
};

export const searchQuery = (input: CaseSearchInput) =>
  queryOptions({
    queryKey: searchKeys.result(input),
    queryFn: () => call((api) => api.searchCases({ ...normalizeSearch(input), limit: SEARCH_LIMIT })),
    // While the next search runs, the previous results stay on screen instead of flashing empty.
    placeholderData: keepPreviousData,
  });

export const facetsQuery = () =>
  queryOptions({
    queryKey: searchKeys.facets(),
    queryFn: () => call((api) => api.searchFacets()),
  });
