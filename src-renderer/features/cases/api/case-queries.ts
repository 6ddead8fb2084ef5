import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { CaseSnapshot, CaseSummary } from '../../../../src-shared/domain/case';
import type { ProcedureType } from '../../../../src-shared/domain/procedure-type';
import { call } from '../../../platform/chambers';

export type { CaseSnapshot, CaseSummary };

export interface CaseListFilter {
  text?: string;
  procedureType?: ProcedureType;
}

/** Enough to scan by eye; beyond it the list asks for a narrower search. */
export const CASE_LIST_LIMIT = 200;

/** One key per distinct search: blank text and "no filter" are the same query. */
export function normalizeFilter(filter: CaseListFilter): CaseListFilter {
  const text = filter.text?.trim();
  return {
    ...(text ? { text } : {}),
    ...(filter.procedureType ? { procedureType: filter.procedureType } : {}),
  };
}

export const caseKeys = {
  all: ['cases'] as const,
  lists: () => [...caseKeys.all, 'list'] as const,
  list: (filter: CaseListFilter) => [...caseKeys.lists(), normalizeFilter(filter)] as const,
  details: () => [...caseKeys.all, 'detail'] as const,
  detail: (caseId: string) => [...caseKeys.details(), caseId] as const,
};

export const caseListQuery = (filter: CaseListFilter) =>
  queryOptions({
    queryKey: caseKeys.list(filter),
    queryFn: () => call((api) => api.casesList({ ...normalizeFilter(filter), limit: CASE_LIST_LIMIT })),
    // While the next search runs, the previous results stay on screen instead of flashing empty.
    placeholderData: keepPreviousData,
  });

export const caseQuery = (caseId: string) =>
  queryOptions({
    queryKey: caseKeys.detail(caseId),
    queryFn: () => call((api) => api.casesGet({ caseId })),
  });
