import type { CaseSearchHit, CaseSearchInput } from '../../../src-shared/contract/index.js';
import { SUMMARY_COLUMNS, toSummaries } from '../store/case-queries.js';
import { toFtsQuery } from '../store/search-query.js';
import { localDayStart } from './local-time.js';

/** A query as SQL, so it can run on the search worker's connection or on the main one. */
export interface SearchSql {
  sql: string;
  params: Record<string, string | number>;
}

export const DEFAULT_SEARCH_LIMIT = 100;

/**
 * The markers FTS5 puts around matched words. Control characters never typed into a case (the
 * text parts are cleaned of them too), so splitting on them cannot cut a word the register sent.
 */
const OPEN = '\u0001';
const CLOSE = '\u0002';

type MatchField = CaseSearchHit['matches'][number]['field'];

/** The index columns in their order, with how their match is shown. */
const FIELDS: ReadonlyArray<{ field: MatchField; column: number; whole: boolean }> = [
  // Short fields are shown whole; long ones as a snippet around the match.
  { field: 'number', column: 0, whole: true },
  { field: 'subject', column: 1, whole: true },
  { field: 'parties', column: 2, whole: false },
  { field: 'steps', column: 3, whole: false },
  { field: 'documents', column: 4, whole: false },
];
const SNIPPET_TOKENS = 12;

const matchColumns = FIELDS.map(({ field, column, whole }) =>
  whole
    ? `highlight(cases_search, ${column}, char(1), char(2)) AS m_${field}`
    : `snippet(cases_search, ${column}, char(1), char(2), '…', ${SNIPPET_TOKENS}) AS m_${field}`,
).join(',\n    ');

/**
 * The SQL of a search with its filters (all combined with AND); null when the text holds nothing
 * searchable (the answer is empty). With text the hits are ranked by bm25 (an exact case number
 * first) and cut to the limit; without text the newest cases come first.
 * Registration dates are whole days of the computer's local time zone, both ends included.
 */
export function searchCasesSql(input: CaseSearchInput): SearchSql | null {
  const text = input.text?.trim() || undefined;
  const match = text ? toFtsQuery(text) : null;
  if (text && match === null) return null;
  const params: Record<string, string | number> = { limit: input.limit ?? DEFAULT_SEARCH_LIMIT };
  const where: string[] = [];
  const filter = (condition: string, name: string, value: string | undefined): void => {
    if (value === undefined) return;
    where.push(condition);
    params[name] = value;
  };
  filter('c.procedure_type = @procedureType', 'procedureType', input.procedureType);
  filter('c.status = @status', 'status', input.status);
  filter('c.court_code = @courtCode', 'courtCode', input.courtCode);
  filter(`(c.snapshot ->> '$.judge.id') = @judgeId`, 'judgeId', input.judgeId);
  // registered_at is stored as UTC `toISOString()` text, so instants compare as text.
  filter(
    'c.registered_at >= @registeredFrom',
    'registeredFrom',
    input.registeredFrom && localDayStart(input.registeredFrom, 0).toISOString(),
  );
  filter(
    'c.registered_at < @registeredBefore',
    'registeredBefore',
    input.registeredTo && localDayStart(input.registeredTo, 1).toISOString(),
  );

  if (match === null) {
    const conditions = where.length ? `WHERE ${where.join(' AND ')}` : '';
    return {
      sql: `SELECT ${SUMMARY_COLUMNS} FROM cases c ${conditions}
            ORDER BY c.registered_at DESC, c.id LIMIT @limit`,
      params,
    };
  }
  params.match = match;
  params.exact = text!;
  const conditions = ['cases_search MATCH @match', ...where].join(' AND ');
  // The summary columns (JSON) are read for the hits within the limit only.
  return {
    sql: `SELECT ${SUMMARY_COLUMNS}, h.m_number, h.m_subject, h.m_parties, h.m_steps, h.m_documents
    FROM (
      SELECT c.rowid AS hit, c.number = @exact AS exact, cases_search.rank AS rank,
        c.registered_at AS at,
        ${matchColumns}
      FROM cases_search JOIN cases c ON c.rowid = cases_search.rowid
      WHERE ${conditions}
      ORDER BY exact DESC, rank, at DESC LIMIT @limit
    ) h
    JOIN cases c ON c.rowid = h.hit
    ORDER BY h.exact DESC, h.rank, h.at DESC`,
    params,
  };
}

const isControl = (char: string): boolean => {
  const code = char.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
};

/** Splits FTS5 marked text into parts; words between the markers are the matches. */
export function splitMarked(marked: string, flatten = false): Array<{ text: string; match: boolean }> {
  const parts: Array<{ text: string; match: boolean }> = [];
  let match = false;
  let text = '';
  const flush = (): void => {
    // Other control characters are dropped; line breaks between parties or steps become "; ".
    let clean = [...text].filter((char) => char === '\n' || !isControl(char)).join('');
    if (flatten) clean = clean.replace(/\s*\n\s*/g, '; ');
    text = '';
    if (clean === '') return;
    const last = parts.at(-1);
    if (last && last.match === match) last.text += clean;
    else parts.push({ text: clean, match });
  };
  for (const char of marked) {
    if (char === OPEN || char === CLOSE) {
      flush();
      match = char === OPEN;
    } else {
      text += char;
    }
  }
  flush();
  return parts;
}

/** Builds the hits from the rows of `searchCasesSql`. */
export function toHits(rows: readonly unknown[], now = new Date()): CaseSearchHit[] {
  const summaries = toSummaries(rows, now);
  return summaries.map((summary, index) => {
    const row = rows[index] as Record<string, unknown>;
    const matches: CaseSearchHit['matches'] = [];
    for (const { field, whole } of FIELDS) {
      const marked = row[`m_${field}`];
      if (typeof marked !== 'string' || !marked.includes(OPEN)) continue;
      const parts = splitMarked(marked, !whole);
      if (parts.some((part) => part.match)) matches.push({ field, parts });
    }
    return { ...summary, matches };
  });
}
