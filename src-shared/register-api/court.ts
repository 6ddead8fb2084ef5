import { z } from 'zod';
import { ProcedureType } from '../domain/procedure-type.js';
import { CourtDate } from './schemas.js';

/**
 * Court administration read by the desktop's president and statistics screens (issue 6): the
 * court's judges with their absences, and the CEPEJ indicators per judge and procedure type.
 * `src-shared/contract/workspace.ts` has the same shapes (`CourtJudge`, `CourtStatistics`) for IPC.
 */

const IsoDate = CourtDate;

export const CourtJudgeAbsence = z.object({
  id: z.string(),
  from: z.iso.date(),
  to: z.iso.date(),
  reason: z.string(),
});
export type CourtJudgeAbsence = z.infer<typeof CourtJudgeAbsence>;

/** A judge of the court (a `judge` role in force) and their absences that end today or later. */
export const CourtJudgeEntry = z.object({
  id: z.string(),
  name: z.string(),
  absences: z.array(CourtJudgeAbsence),
});
export type CourtJudgeEntry = z.infer<typeof CourtJudgeEntry>;

export const CourtJudgesResponse = z.array(CourtJudgeEntry);
export type CourtJudgesResponse = z.infer<typeof CourtJudgesResponse>;

/** The longest period one statistics request may cover. */
export const MAX_STATISTICS_YEARS = 10;

/** `from + years` as YYYY-MM-DD (a 29 February start gives "…-02-29", which still compares right). */
function plusYears(day: string, years: number): string {
  return `${String(Number(day.slice(0, 4)) + years).padStart(4, '0')}${day.slice(4)}`;
}

/** The period, both days inclusive, as court (Estonian) calendar days. */
export const CourtStatisticsQuery = z
  .object({ from: IsoDate, to: IsoDate })
  .refine((q) => q.from <= q.to, { message: '`to` must not be before `from`', path: ['to'] })
  .refine((q) => q.to < plusYears(q.from, MAX_STATISTICS_YEARS), {
    message: `a period of at most ${MAX_STATISTICS_YEARS} years`,
    path: ['to'],
  });
export type CourtStatisticsQuery = z.infer<typeof CourtStatisticsQuery>;

export const CourtStatisticsRowEntry = z.object({
  /** Null for cases of the court without a judge (none allocated yet). */
  judgeId: z.string().nullable(),
  judgeName: z.string().nullable(),
  procedureType: ProcedureType,
  /** Pending at the end of the period: started at the court by `to`, not decided nor moved on by then. */
  pending: z.number().int().nonnegative(),
  /** Started at the court (registered, or arrived on appeal) within the period. */
  incoming: z.number().int().nonnegative(),
  /** Decided (the first `decided` step of the proceeding) within the period. */
  resolved: z.number().int().nonnegative(),
  /** resolved ÷ incoming; null with no incoming cases. */
  clearanceRate: z.number().nonnegative().nullable(),
  /** 365 × pending ÷ resolved, in days; null with nothing resolved. */
  dispositionTimeDays: z.number().nonnegative().nullable(),
});
export type CourtStatisticsRowEntry = z.infer<typeof CourtStatisticsRowEntry>;

export const CourtStatisticsResponse = z.object({
  courtCode: z.string(),
  from: z.iso.date(),
  to: z.iso.date(),
  rows: z.array(CourtStatisticsRowEntry),
});
export type CourtStatisticsResponse = z.infer<typeof CourtStatisticsResponse>;
