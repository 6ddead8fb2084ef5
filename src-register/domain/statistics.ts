import { AppError } from '../../src-shared/contract/result.js';
import {
  ALL_COURTS,
  PROCEDURE_TYPES,
  type ProcedureType,
  type SessionUser,
  caseScopes,
} from '../../src-shared/domain/index.js';
import type {
  CourtStatisticsQuery,
  CourtStatisticsResponse,
  CourtStatisticsRowEntry,
} from '../../src-shared/register-api/index.js';
import type { Db } from '../db/index.js';

/**
 * CEPEJ indicators of one court for a period (domain.md, "Statistics people expect"), per judge and
 * procedure type. The unit counted is a proceeding at the court: a case registered there, or one that
 * arrived there on appeal. Days are Estonian calendar days, both ends of the period inclusive.
 *
 * - incoming: the proceeding started within the period;
 * - resolved: its first `decided` step fell within the period;
 * - pending: it started by the end of the period and was neither decided nor moved to a higher court
 *   by then.
 *
 * The judge is the presiding judge: the case's own for the proceeding in progress (it follows a
 * reassignment), the one recorded on the proceeding for an earlier, finished one.
 */

const TIME_ZONE = 'Europe/Tallinn';
const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

function offsetMinutes(at: Date): number {
  const p = Object.fromEntries(wallClock.formatToParts(at).map((x) => [x.type, Number(x.value)]));
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((asUtc - at.getTime()) / 60_000);
}

/** The instant a court day (YYYY-MM-DD) begins in Estonia. */
export function startOfCourtDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  // Twice: the offset at the guess may differ from the offset at the answer around a DST change.
  const first = guess - offsetMinutes(new Date(guess)) * 60_000;
  return new Date(guess - offsetMinutes(new Date(first)) * 60_000);
}

/** The day after a court day, as YYYY-MM-DD. */
export function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** The procedure types whose statistics the user reads at this court; empty: none at all. */
export function statisticsTypes(user: SessionUser, courtCode: string): ProcedureType[] {
  const types = new Set<ProcedureType>();
  for (const scope of caseScopes(user, 'statistics.read')) {
    if (scope.assignedOnly) continue;
    if (scope.courtCode === courtCode || scope.courtCode === ALL_COURTS) types.add(scope.procedureType);
  }
  return PROCEDURE_TYPES.filter((t) => types.has(t));
}

export function clearanceRate(resolved: number, incoming: number): number | null {
  return incoming === 0 ? null : resolved / incoming;
}

export function dispositionTimeDays(pending: number, resolved: number): number | null {
  return resolved === 0 ? null : (365 * pending) / resolved;
}

interface Row {
  judge_id: string | null;
  judge_name: string | null;
  procedure_type: ProcedureType;
  pending: number;
  incoming: number;
  resolved: number;
}

const SQL = `
WITH p AS (
  SELECT c.procedure_type,
         CASE WHEN pr.ended_at IS NULL THEN c.judge_id ELSE pr.judge_ids[1] END AS judge_id,
         pr.started_at, pr.ended_at,
         (SELECT min(s.occurred_at) FROM procedural_steps s
           WHERE s.case_id = pr.case_id AND s.kind = 'decided'
             AND (pr.seq = 1 OR s.occurred_at >= pr.started_at)
             AND (pr.ended_at IS NULL OR s.occurred_at < pr.ended_at)) AS decided_at
  FROM proceedings pr JOIN cases c ON c.id = pr.case_id
  WHERE pr.court_code = $1 AND pr.started_at < $3 AND c.procedure_type = ANY($4::text[])
), counted AS (
  SELECT judge_id, procedure_type,
         count(*) FILTER (WHERE (decided_at IS NULL OR decided_at >= $3)
                            AND (ended_at IS NULL OR ended_at >= $3))::int AS pending,
         count(*) FILTER (WHERE started_at >= $2)::int AS incoming,
         count(*) FILTER (WHERE decided_at >= $2 AND decided_at < $3)::int AS resolved
  FROM p GROUP BY judge_id, procedure_type
)
SELECT counted.judge_id::text AS judge_id, u.name AS judge_name, counted.procedure_type,
       counted.pending, counted.incoming, counted.resolved
FROM counted LEFT JOIN users u ON u.id = counted.judge_id
WHERE counted.pending > 0 OR counted.incoming > 0 OR counted.resolved > 0`;

const collator = new Intl.Collator('et');

function compareRows(a: CourtStatisticsRowEntry, b: CourtStatisticsRowEntry): number {
  if (a.judgeName !== b.judgeName) {
    if (a.judgeName === null) return 1;
    if (b.judgeName === null) return -1;
    const byName = collator.compare(a.judgeName, b.judgeName);
    if (byName !== 0) return byName;
  }
  if (a.judgeId !== b.judgeId) return (a.judgeId ?? '').localeCompare(b.judgeId ?? '');
  return PROCEDURE_TYPES.indexOf(a.procedureType) - PROCEDURE_TYPES.indexOf(b.procedureType);
}

/**
 * The court's statistics for the period, as far as the user may read them: a role with
 * `statistics.read` for some procedure types only (an observer of one sub-type) sees those rows.
 */
export async function courtStatistics(
  db: Db,
  user: SessionUser,
  courtCode: string,
  query: CourtStatisticsQuery,
): Promise<CourtStatisticsResponse> {
  const types = statisticsTypes(user, courtCode);
  if (types.length === 0)
    throw new AppError('forbidden', `you may not read the statistics of court ${courtCode}`, {
      reason: 'statistics_not_permitted',
    });
  const [court] = await db.query<{ code: string }>('SELECT code FROM courts WHERE code = $1', [courtCode]);
  if (!court) throw new AppError('not_found', `no court ${courtCode}`, { reason: 'court_unknown' });
  const from = startOfCourtDay(query.from);
  const until = startOfCourtDay(nextDay(query.to));
  const rows = await db.query<Row>(SQL, [courtCode, from.toISOString(), until.toISOString(), types]);
  const entries = rows.map((r): CourtStatisticsRowEntry => ({
    judgeId: r.judge_id,
    judgeName: r.judge_id === null ? null : (r.judge_name ?? null),
    procedureType: r.procedure_type,
    pending: r.pending,
    incoming: r.incoming,
    resolved: r.resolved,
    clearanceRate: clearanceRate(r.resolved, r.incoming),
    dispositionTimeDays: dispositionTimeDays(r.pending, r.resolved),
  }));
  return { courtCode, from: query.from, to: query.to, rows: entries.sort(compareRows) };
}
