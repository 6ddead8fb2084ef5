import { createHash } from 'node:crypto';
import type { ProcedureType } from '../../../src-shared/domain/index.js';
import type { Db } from '../../db/index.js';

export const REFILING_WINDOW_DAYS = 90;

const normaliseText = (text: string) =>
  text.normalize('NFKC').toLocaleLowerCase('et').replace(/\s+/g, ' ').trim();

/**
 * How a party is recognised across cases: by its personal or registry code when it has one, else by
 * its name, case- and space-insensitively. Registration passes these keys to `allocateCase`.
 */
export function partyKey(party: { code: string | null; name: string }): string {
  const code = party.code?.replace(/\s+/g, '').toUpperCase();
  return code ? `code:${code}` : `name:${normaliseText(party.name)}`;
}

/** One hash of the normalised subject and the set of party keys; stored on the case at allocation. */
export function refilingKey(subject: string, partyKeys: readonly string[]): string {
  const parties = [...new Set(partyKeys)].sort();
  return createHash('sha256')
    .update(JSON.stringify([normaliseText(subject), parties]), 'utf8')
    .digest('hex');
}

export interface EarlierCase {
  id: string;
  number: string;
  judgeIds: string[];
  matchedBy: 'filed' | 'withdrawn';
}

/**
 * The most recent case of the same court and procedure type with the same parties and subject that
 * was filed, or withdrawn, in the 90 days before `at`: a refiled claim goes back to its judge, so a
 * party cannot withdraw and refile to try for another one.
 */
export async function findEarlierCase(
  tx: Db,
  q: { caseId: string; courtCode: string; procedureType: ProcedureType; key: string; at: Date },
): Promise<EarlierCase | null> {
  const [row] = await tx.query<{ id: string; number: string; filed: boolean }>(
    `SELECT * FROM (
       SELECT c.id, c.number, c.registered_at,
              c.registered_at >= $5::timestamptz - make_interval(days => $6) AS filed,
              EXISTS (SELECT 1 FROM procedural_steps s WHERE s.case_id = c.id AND s.kind = 'withdrawn'
                      AND s.occurred_at BETWEEN $5::timestamptz - make_interval(days => $6) AND $5::timestamptz)
                AS withdrawn
       FROM cases c
       WHERE c.court_code = $1 AND c.procedure_type = $2 AND c.refiling_key = $3 AND c.id <> $4
         AND c.judge_id IS NOT NULL AND c.registered_at <= $5::timestamptz
     ) m
     WHERE m.filed OR m.withdrawn
     ORDER BY m.registered_at DESC, m.id
     LIMIT 1`,
    [q.courtCode, q.procedureType, q.key, q.caseId, q.at.toISOString(), REFILING_WINDOW_DAYS],
  );
  if (!row) return null;
  const ordered = await tx.query<{ judge_id: string }>(
    `SELECT judge_id FROM case_judges WHERE case_id = $1 ORDER BY position`,
    [row.id],
  );
  const presiding = await tx.query<{ judge_id: string }>('SELECT judge_id FROM cases WHERE id = $1', [
    row.id,
  ]);
  const judgeIds = ordered.length > 0 ? ordered.map((j) => j.judge_id) : presiding.map((p) => p.judge_id);
  return { id: row.id, number: row.number, judgeIds, matchedBy: row.filed ? 'filed' : 'withdrawn' };
}
