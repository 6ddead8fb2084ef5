import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CaseStatus } from '../../../../src-shared/domain/case';
import type { ProcedureType } from '../../../../src-shared/domain/procedure-type';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { facetsQuery, normalizeSearch, searchQuery, type CaseSearchInput } from '../api/search-queries';

/** Long enough to skip the keystrokes of a word, short enough to feel like results as you type. */
export const SEARCH_DEBOUNCE_MS = 200;

export interface SearchFilters {
  procedureType: ProcedureType | '';
  status: CaseStatus | '';
  courtCode: string;
  judgeId: string;
  registeredFrom: string;
  registeredTo: string;
}

export const NO_FILTERS: SearchFilters = {
  procedureType: '',
  status: '',
  courtCode: '',
  judgeId: '',
  registeredFrom: '',
  registeredTo: '',
};

export function useSearch() {
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<SearchFilters>(NO_FILTERS);
  const debouncedText = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const datesReversed =
    filters.registeredFrom !== '' &&
    filters.registeredTo !== '' &&
    filters.registeredFrom > filters.registeredTo;
  const input: CaseSearchInput = normalizeSearch({
    text: debouncedText,
    procedureType: filters.procedureType || undefined,
    status: filters.status || undefined,
    courtCode: filters.courtCode || undefined,
    judgeId: filters.judgeId || undefined,
    registeredFrom: filters.registeredFrom || undefined,
    registeredTo: filters.registeredTo || undefined,
  });
  const asked = Object.keys(input).length > 0;
  const results = useQuery({ ...searchQuery(input), enabled: asked && !datesReversed });
  const facets = useQuery(facetsQuery());
  return {
    text,
    setText,
    filters,
    setFilter: <K extends keyof SearchFilters>(key: K, value: SearchFilters[K]) =>
      setFilters((current) => ({ ...current, [key]: value })),
    clearFilters: () => setFilters(NO_FILTERS),
    asked,
    datesReversed,
    results,
    facets,
  };
}
