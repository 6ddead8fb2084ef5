import { AppError } from '../../src-shared/contract/index.js';
import { ErrorBody } from '../../src-shared/register-api/index.js';

// The cache's SQL for the documents service, and how it reads the register's refusals.

/** Bytes to keep: the cached cases' documents, and documents filed from here not yet numbered. */
export const REFERENCED = `SELECT DISTINCT json_extract(d.value, '$.sha256')
  FROM cases c, json_each(c.snapshot, '$.documents') d
  UNION SELECT sha256 FROM filings WHERE state <> 'filed'`;

// The user's own cases (judge, or judge or secretary of a hearing) and the cases heard soon.
export const WANTED = `SELECT json_extract(d.value, '$.sha256') AS sha256, max(json_extract(d.value, '$.size')) AS size
  FROM cases c, json_each(c.snapshot, '$.documents') d
  WHERE (@restricted = 1 OR (c.restriction = 'none' AND json_extract(d.value, '$.restricted') = 0))
    AND (json_extract(c.snapshot, '$.judge.id') = @user
      OR EXISTS (SELECT 1 FROM json_each(c.snapshot, '$.hearings') h
        WHERE json_extract(h.value, '$.secretary.id') = @user
          OR EXISTS (SELECT 1 FROM json_each(h.value, '$.judges') j WHERE json_extract(j.value, '$.id') = @user)
          OR unixepoch(json_extract(h.value, '$.startsAt')) BETWEEN @from AND @to))
  GROUP BY 1`;

// A document restricted itself or in a restricted case: the register audits each read of it.
export const FIND = `SELECT json_extract(d.value, '$.sha256') AS sha256, json_extract(d.value, '$.size') AS size,
    json_extract(d.value, '$.number') AS number, json_extract(d.value, '$.title') AS title,
    json_extract(d.value, '$.mediaType') AS mediaType, json_extract(d.value, '$.pages') AS pages,
    c.id AS caseId, c.number AS caseNumber,
    (json_extract(d.value, '$.restricted') = 1 OR c.restriction <> 'none') AS restricted
  FROM cases c, json_each(c.snapshot, '$.documents') d
  WHERE json_extract(d.value, '$.id') = ? LIMIT 1`;

export interface FoundRow {
  sha256: string;
  size: number | null;
  number: string;
  title: string;
  mediaType: string;
  pages: number | null;
  caseId: string;
  caseNumber: string;
  restricted: number;
}

/** The register's refusal of a download as an AppError (its own error body where it sent one). */
export async function refusal(response: Response): Promise<AppError> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const parsed = ErrorBody.safeParse(body);
  if (response.status === 401)
    return new AppError('unauthenticated', 'The session has ended. Sign in again.');
  if (parsed.success)
    return new AppError(parsed.data.error.code, parsed.data.error.message, parsed.data.error);
  const code = response.status >= 500 ? 'unavailable' : response.status === 404 ? 'not_found' : 'internal';
  return new AppError(code, `The register answered a document download with HTTP ${response.status}.`);
}
