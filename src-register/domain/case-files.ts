import type { CaseFileResponse, Proceeding } from '../../src-shared/register-api/index.js';
import type { Db } from '../db/index.js';
import { type CaseRow, CASE_SELECT, buildSnapshots } from './case-snapshots.js';

interface ProceedingRow {
  id: string;
  seq: number;
  court_code: string;
  level: number;
  kind: Proceeding['kind'];
  started_at: Date;
  ended_at: Date | null;
  judge_ids: string[];
}

export async function loadProceedings(db: Db, caseId: string): Promise<Proceeding[]> {
  const rows = await db.query<ProceedingRow>(
    `SELECT id, seq, court_code, level, kind, started_at, ended_at, judge_ids::text[] AS judge_ids
     FROM proceedings WHERE case_id = $1 ORDER BY seq`,
    [caseId],
  );
  return rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    courtCode: r.court_code,
    level: r.level,
    kind: r.kind,
    startedAt: r.started_at.toISOString(),
    endedAt: r.ended_at?.toISOString() ?? null,
    judgeIds: r.judge_ids,
  }));
}

export async function loadCaseRow(db: Db, caseId: string): Promise<CaseRow | null> {
  const [row] = await db.query<CaseRow>(`${CASE_SELECT} WHERE c.id = $1`, [caseId]);
  return row ?? null;
}

/** The case id a current or former number names, or null. */
export async function caseIdByNumber(db: Db, number: string): Promise<string | null> {
  const [row] = await db.query<{ id: string }>(
    `SELECT id FROM cases WHERE number = $1 UNION ALL SELECT case_id FROM case_aliases WHERE number = $1 LIMIT 1`,
    [number],
  );
  return row?.id ?? null;
}

/** A case's snapshot with its proceedings and former numbers; access is the caller's to check. */
export async function loadCaseFile(db: Db, row: CaseRow): Promise<CaseFileResponse> {
  const [snapshot] = await buildSnapshots(db, [row]);
  const aliases = await db.query<{ number: string }>(
    'SELECT number FROM case_aliases WHERE case_id = $1 ORDER BY number',
    [row.id],
  );
  return {
    number: row.number,
    case: snapshot!,
    proceedings: await loadProceedings(db, row.id),
    formerNumbers: aliases.map((a) => a.number),
  };
}
