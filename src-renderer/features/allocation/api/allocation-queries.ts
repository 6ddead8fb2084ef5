import { queryOptions } from '@tanstack/react-query';
import type { CourtJudge, CourtStatistics } from '../../../../src-shared/contract/workspace';
import type {
  AbsenceRequest,
  AbsenceResponse,
  AllocationPlan,
  AllocationPlanResponse,
  PutAllocationPlanRequest,
} from '../../../../src-shared/register-api/allocation';
import { call } from '../../../platform/chambers';

export type {
  AbsenceRequest,
  AbsenceResponse,
  AllocationPlan,
  AllocationPlanResponse,
  CourtJudge,
  CourtStatistics,
  PutAllocationPlanRequest,
};

export interface StatisticsPeriod {
  from: string;
  to: string;
}

/**
 * Everything this screen reads comes from the register (court administration does not work from
 * the cache), keyed per court so switching courts never shows another court's data.
 */
export const allocationKeys = {
  all: ['allocation'] as const,
  court: (court: string) => [...allocationKeys.all, court] as const,
  plan: (court: string) => [...allocationKeys.court(court), 'plan'] as const,
  /** The court's judges with their absences (`court:judges`). */
  judges: (court: string) => [...allocationKeys.court(court), 'judges'] as const,
  statistics: (court: string, period: StatisticsPeriod) =>
    [...allocationKeys.court(court), 'statistics', period.from, period.to] as const,
};

export const planQuery = (court: string) =>
  queryOptions({
    queryKey: allocationKeys.plan(court),
    queryFn: () => call((api) => api.allocationPlan({ court })),
  });

export const judgesQuery = (court: string) =>
  queryOptions({
    queryKey: allocationKeys.judges(court),
    queryFn: () => call((api) => api.courtJudges({ court })),
  });

export const statisticsQuery = (court: string, period: StatisticsPeriod) =>
  queryOptions({
    queryKey: allocationKeys.statistics(court, period),
    queryFn: () => call((api) => api.courtStatistics({ court, query: period })),
  });

export const putPlan = (court: string, plan: PutAllocationPlanRequest) =>
  call((api) => api.allocationPutPlan({ court, plan }));

export const addAbsence = (court: string, absence: AbsenceRequest) =>
  call((api) => api.allocationAddAbsence({ court, absence }));
