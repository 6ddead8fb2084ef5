import { type CaseSnapshot, CaseSnapshot as CaseSnapshotSchema } from '../../src-shared/domain/index.js';
import type { Db } from '../db/index.js';
import { ASSIGNED_STAFF_IDS_SQL } from './visibility.js';

export interface CaseRow {
  id: string;
  number: string;
  procedure_type: string;
  court_code: string;
  court_name: string;
  status: string;
  subject: string;
  category: string | null;
  claim_value_cents: number | null;
  restriction: string;
  registered_at: Date;
  judge_id: string | null;
  judge_name: string | null;
  version: number;
  staff_ids: string[];
}

/** The case columns plus what visibility needs: `staff_ids` are everyone assigned to the case. */
export const CASE_SELECT = `
  SELECT c.id, c.number, c.procedure_type, c.court_code, ct.name AS court_name, c.status, c.subject,
         c.category, c.claim_value_cents, c.restriction, c.registered_at, c.judge_id, j.name AS judge_name,
         c.version,
         ${ASSIGNED_STAFF_IDS_SQL} AS staff_ids
  FROM cases c
  JOIN courts ct ON ct.code = c.court_code
  LEFT JOIN users j ON j.id = c.judge_id`;

const iso = (d: Date) => d.toISOString();

function groupBy<R extends { case_id: string }>(rows: R[]): Map<string, R[]> {
  const map = new Map<string, R[]>();
  for (const row of rows) map.set(row.case_id, [...(map.get(row.case_id) ?? []), row]);
  return map;
}

/** Full snapshots for the given case rows, in their order; children loaded in one query each. */
export async function buildSnapshots(db: Db, cases: readonly CaseRow[]): Promise<CaseSnapshot[]> {
  if (cases.length === 0) return [];
  const ids = cases.map((c) => c.id);
  const [parties, hearings, judges, documents, steps] = await Promise.all([
    db.query<{
      case_id: string;
      id: string;
      kind: string;
      name: string;
      code: string | null;
      role: string;
      representative: string | null;
    }>(
      `SELECT case_id, id, kind, name, code, role, representative FROM parties
       WHERE case_id = ANY($1::uuid[]) ORDER BY position, id`,
      [ids],
    ),
    db.query<{
      case_id: string;
      id: string;
      starts_at: Date;
      room: string;
      public: boolean;
      kind: string;
      secretary_id: string | null;
      secretary_name: string | null;
    }>(
      `SELECT h.case_id, h.id, h.starts_at, h.room, h.public, h.kind, h.secretary_id, s.name AS secretary_name
       FROM hearings h LEFT JOIN users s ON s.id = h.secretary_id
       WHERE h.case_id = ANY($1::uuid[]) ORDER BY h.starts_at, h.id`,
      [ids],
    ),
    db.query<{ hearing_id: string; id: string; name: string }>(
      `SELECT hj.hearing_id, u.id, u.name FROM hearing_judges hj
       JOIN hearings h ON h.id = hj.hearing_id JOIN users u ON u.id = hj.user_id
       WHERE h.case_id = ANY($1::uuid[]) ORDER BY hj.position`,
      [ids],
    ),
    db.query<{
      case_id: string;
      id: string;
      number: string;
      kind: string;
      title: string;
      media_type: string;
      sha256: string;
      size: number;
      pages: number | null;
      restricted: boolean;
      filed_at: Date;
    }>(
      `SELECT case_id, id, number, kind, title, media_type, sha256, size, pages, restricted, filed_at FROM documents
       WHERE case_id = ANY($1::uuid[]) ORDER BY filed_at, number`,
      [ids],
    ),
    db.query<{
      case_id: string;
      id: string;
      kind: string;
      occurred_at: Date;
      entered_at: Date;
      description: string;
    }>(
      `SELECT case_id, id, kind, occurred_at, entered_at, description FROM procedural_steps
       WHERE case_id = ANY($1::uuid[]) ORDER BY occurred_at, id`,
      [ids],
    ),
  ]);
  const partiesBy = groupBy(parties);
  const hearingsBy = groupBy(hearings);
  const documentsBy = groupBy(documents);
  const stepsBy = groupBy(steps);
  const judgesBy = new Map<string, { id: string; name: string }[]>();
  for (const j of judges)
    judgesBy.set(j.hearing_id, [...(judgesBy.get(j.hearing_id) ?? []), { id: j.id, name: j.name }]);

  return cases.map((c) =>
    CaseSnapshotSchema.parse({
      id: c.id,
      number: c.number,
      procedureType: c.procedure_type,
      court: { code: c.court_code, name: c.court_name },
      status: c.status,
      subject: c.subject,
      category: c.category,
      claimValueCents: c.claim_value_cents,
      restriction: c.restriction,
      registeredAt: iso(c.registered_at),
      judge: c.judge_id ? { id: c.judge_id, name: c.judge_name ?? '' } : null,
      parties: (partiesBy.get(c.id) ?? []).map((p) => ({
        id: p.id,
        kind: p.kind,
        name: p.name,
        code: p.code,
        role: p.role,
        representative: p.representative,
      })),
      hearings: (hearingsBy.get(c.id) ?? []).map((h) => ({
        id: h.id,
        startsAt: iso(h.starts_at),
        room: h.room,
        public: h.public,
        kind: h.kind,
        judges: judgesBy.get(h.id) ?? [],
        secretary: h.secretary_id ? { id: h.secretary_id, name: h.secretary_name ?? '' } : null,
      })),
      documents: (documentsBy.get(c.id) ?? []).map((d) => ({
        id: d.id,
        number: d.number,
        kind: d.kind,
        title: d.title,
        mediaType: d.media_type,
        sha256: d.sha256,
        size: d.size,
        pages: d.pages,
        restricted: d.restricted,
        filedAt: iso(d.filed_at),
      })),
      steps: (stepsBy.get(c.id) ?? []).map((s) => ({
        id: s.id,
        kind: s.kind,
        occurredAt: iso(s.occurred_at),
        enteredAt: iso(s.entered_at),
        description: s.description,
      })),
      version: c.version,
    }),
  );
}
