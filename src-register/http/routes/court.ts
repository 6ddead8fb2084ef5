import { AppError } from '../../../src-shared/contract/result.js';
import {
  CourtJudgesResponse,
  CourtParams,
  CourtStatisticsQuery,
  CourtStatisticsResponse,
} from '../../../src-shared/register-api/index.js';
import type { Db } from '../../db/index.js';
import { courtDay } from '../../domain/allocation/eligibility.js';
import { courtStatistics } from '../../domain/statistics.js';
import { addRoute, type RouteHost } from '../route.js';
import { requireManager } from './allocation.js';

interface JudgeRow {
  id: string;
  name: string;
  absence_id: string | null;
  starts_on: string | null;
  ends_on: string | null;
  reason: string | null;
}

/**
 * The court's judges (a `judge` role in force today, the user active) with their absences that end
 * today or later, earliest first; judges by name. Dates are read as text so no time zone shifts them.
 */
export async function courtJudges(db: Db, courtCode: string, today: string): Promise<CourtJudgesResponse> {
  const rows = await db.query<JudgeRow>(
    `SELECT u.id::text AS id, u.name, a.id::text AS absence_id, a.starts_on::text AS starts_on,
            a.ends_on::text AS ends_on, a.reason
     FROM users u
     LEFT JOIN judge_absences a ON a.judge_id = u.id AND a.court_code = $1 AND a.ends_on >= $2::date
     WHERE u.active AND EXISTS (
       SELECT 1 FROM role_assignments r
       WHERE r.user_id = u.id AND r.court_code = $1 AND r.role = 'judge'
         AND r.valid_from <= $2::date AND (r.valid_to IS NULL OR r.valid_to >= $2::date))
     ORDER BY u.id, a.starts_on, a.ends_on, a.id`,
    [courtCode, today],
  );
  const judges = new Map<string, CourtJudgesResponse[number]>();
  for (const row of rows) {
    let judge = judges.get(row.id);
    if (!judge) {
      judge = { id: row.id, name: row.name, absences: [] };
      judges.set(row.id, judge);
    }
    if (row.absence_id !== null)
      judge.absences.push({
        id: row.absence_id,
        from: row.starts_on!,
        to: row.ends_on!,
        reason: row.reason!,
      });
  }
  const collator = new Intl.Collator('et');
  return [...judges.values()].sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
}

async function requireCourt(db: Db, courtCode: string): Promise<void> {
  const [court] = await db.query<{ code: string }>('SELECT code FROM courts WHERE code = $1', [courtCode]);
  if (!court) throw new AppError('not_found', `no court ${courtCode}`, { reason: 'court_unknown' });
}

export function addCourtRoutes(host: RouteHost, deps: { db: Db }): void {
  const { db } = deps;
  addRoute(host, {
    method: 'GET',
    path: '/api/v1/courts/:court/judges',
    summary: "The court's judges with their current and coming absences (for the allocation plan)",
    auth: true,
    params: CourtParams,
    response: CourtJudgesResponse,
    handler: async ({ params, session }) => {
      requireManager(session.user, params.court);
      await requireCourt(db, params.court);
      return courtJudges(db, params.court, courtDay(new Date()));
    },
  });

  addRoute(host, {
    method: 'GET',
    path: '/api/v1/courts/:court/statistics',
    summary:
      'CEPEJ indicators per judge and procedure type for a period (from, to: YYYY-MM-DD, inclusive, at most 10 years)',
    auth: true,
    params: CourtParams,
    query: CourtStatisticsQuery,
    response: CourtStatisticsResponse,
    handler: ({ params, query, session }) => courtStatistics(db, session.user, params.court, query),
  });
}
