import type { SearchFacets } from '../../../src-shared/contract/index.js';
import type { SearchSql } from './search-sql.js';

/**
 * The courts and judges of the cached cases: one pass over the table, one JSON parse per case,
 * grouped in SQLite so only the few distinct combinations leave it.
 */
export const FACETS_SQL: SearchSql = {
  sql: `
    SELECT code, v ->> 0 AS courtName, v ->> 1 AS judgeId, v ->> 2 AS judgeName FROM (
      SELECT c.court_code AS code, json_extract(c.snapshot, '$.court.name', '$.judge.id', '$.judge.name') AS v
      FROM cases c
    ) GROUP BY code, v`,
  params: {},
};

interface FacetRow {
  code: string;
  courtName: string | null;
  judgeId: string | null;
  judgeName: string | null;
}

const byName = <T extends { name: string }>(a: T, b: T): number => a.name.localeCompare(b.name, 'et');

/** Builds the facets from the rows of `FACETS_SQL`, sorted by name as Estonian sorts them. */
export function toFacets(rows: readonly unknown[]): SearchFacets {
  const courts = new Map<string, string>();
  const judges = new Map<string, string>();
  for (const row of rows as readonly FacetRow[]) {
    if (!courts.has(row.code) || row.courtName) courts.set(row.code, row.courtName ?? row.code);
    if (row.judgeId !== null && (!judges.has(row.judgeId) || row.judgeName))
      judges.set(row.judgeId, row.judgeName ?? row.judgeId);
  }
  return {
    courts: [...courts].map(([code, name]) => ({ code, name })).sort(byName),
    judges: [...judges].map(([id, name]) => ({ id, name })).sort(byName),
  };
}
