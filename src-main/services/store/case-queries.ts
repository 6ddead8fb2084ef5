import type { CaseSnapshot, CaseSummary, ProcedureType } from '../../../src-shared/domain/index.js';
import type { CacheDb } from './cache.js';
import { nextHearingAt } from './case-store.js';
import { toFtsQuery } from './search-query.js';

export interface CaseListQuery {
  text?: string;
  procedureType?: ProcedureType;
  limit: number;
}

interface SummaryRow {
  id: string;
  number: string;
  procedure_type: string;
  status: string;
  subject: string;
  restriction: string;
  registered_at: string;
  next_hearing_at: string | null;
  court: string;
  judge: string | null;
  party_names: string;
  hearings: string;
}

/**
 * The columns `toSummaries` reads, over `cases c`. Only the small parts of the snapshot are pulled
 * out, in SQLite, rather than parsing every step.
 */
export const SUMMARY_COLUMNS = `
  c.id, c.number, c.procedure_type, c.status, c.subject, c.restriction, c.registered_at,
  c.next_hearing_at,
  json_extract(c.snapshot, '$.court') AS court,
  json_extract(c.snapshot, '$.judge') AS judge,
  (SELECT json_group_array(json_extract(p.value, '$.name')) FROM json_each(c.snapshot, '$.parties') p) AS party_names,
  (SELECT json_group_array(json_extract(h.value, '$.startsAt')) FROM json_each(c.snapshot, '$.hearings') h) AS hearings`;

/** A list query as SQL, so it can run on this connection or on the search worker's. */
export interface ListSql {
  sql: string;
  params: Record<string, string | number>;
}

/** The SQL of a list query; null when the text holds nothing searchable (the answer is empty). */
export function listCasesSql(query: CaseListQuery): ListSql | null {
  const match = query.text ? toFtsQuery(query.text) : null;
  if (query.text && match === null) return null;
  const params: Record<string, string | number> = { limit: query.limit };
  const where: string[] = [];
  if (match !== null) {
    where.push('cases_search MATCH @match');
    params.match = match;
    params.exact = query.text!.trim();
  }
  if (query.procedureType) {
    where.push('c.procedure_type = @procedureType');
    params.procedureType = query.procedureType;
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // The hits are ranked and cut to the limit first; the summary columns (JSON) are read for those only.
  const sql =
    match !== null
      ? `SELECT ${SUMMARY_COLUMNS} FROM (
           SELECT c.rowid AS hit, c.number = @exact AS exact, s.rank AS rank, c.registered_at AS at
           FROM cases_search s JOIN cases c ON c.rowid = s.rowid ${filter}
           ORDER BY exact DESC, rank, at DESC LIMIT @limit
         ) h JOIN cases c ON c.rowid = h.hit
         ORDER BY h.exact DESC, h.rank, h.at DESC`
      : `SELECT ${SUMMARY_COLUMNS} FROM cases c ${filter} ORDER BY c.registered_at DESC, c.id LIMIT @limit`;
  return { sql, params };
}

/** Builds the summaries from the rows of `listCasesSql` (run on this thread or the worker). */
export function toSummaries(rows: readonly unknown[], now = new Date()): CaseSummary[] {
  return rows.map((row) => toSummary(row as SummaryRow, now));
}

export function listCases(db: CacheDb, query: CaseListQuery, now = new Date()): CaseSummary[] {
  const list = listCasesSql(query);
  if (list === null) return [];
  return toSummaries(db.prepare(list.sql).all(list.params), now);
}

function toSummary(row: SummaryRow, now: Date): CaseSummary {
  // The stored next hearing was computed when the case was synced; once it has passed, look again.
  const stored = row.next_hearing_at;
  const next =
    stored === null || stored >= now.toISOString()
      ? stored
      : nextHearingAt(JSON.parse(row.hearings) as string[], now);
  return {
    id: row.id,
    number: row.number,
    procedureType: row.procedure_type as CaseSummary['procedureType'],
    court: JSON.parse(row.court) as CaseSummary['court'],
    status: row.status as CaseSummary['status'],
    subject: row.subject,
    restriction: row.restriction as CaseSummary['restriction'],
    registeredAt: row.registered_at,
    judge: row.judge === null ? null : (JSON.parse(row.judge) as CaseSummary['judge']),
    partyNames: JSON.parse(row.party_names) as string[],
    nextHearingAt: next,
  };
}

export function getCaseSnapshot(db: CacheDb, caseId: string): CaseSnapshot | undefined {
  const text = db.prepare('SELECT snapshot FROM cases WHERE id = ?').pluck().get(caseId) as
    string | undefined;
  return text === undefined ? undefined : (JSON.parse(text) as CaseSnapshot);
}
