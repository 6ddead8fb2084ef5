import { type SessionUser, authorize, caseScopes } from '../../src-shared/domain/index.js';
import type { CaseNote, SyncChangesResponse, SyncFeedChange } from '../../src-shared/register-api/index.js';
import { AppError } from '../../src-shared/contract/result.js';
import type { Db } from '../db/index.js';
import { annotationsOf } from './annotations.js';
import { type AuditEntry, actorOf, writeAudit } from './audit.js';
import { type CaseRow, CASE_SELECT, buildSnapshots } from './case-snapshots.js';
import { loadSessionUser } from './users.js';
import { caseTarget, visibleCaseCondition } from './visibility.js';

/**
 * "Could this user see the case just before this change?", as SQL over `case_changes ch`: the same
 * scopes as `authorize(user, 'case.read', …)`, applied to the facts the change row kept.
 */
function couldSeeBefore(user: SessionUser, firstParam: number): { sql: string; params: unknown[] } {
  const scopes = caseScopes(user, 'case.read');
  const [courts, types, assignedOnly, byAssignment, userId] = [0, 1, 2, 3, 4].map(
    (n) => `$${firstParam + n}`,
  );
  const sql = `ch.prev_court_code IS NOT NULL AND EXISTS (
      SELECT 1 FROM unnest(${courts}::text[], ${types}::text[], ${assignedOnly}::boolean[], ${byAssignment}::boolean[])
        AS s(court, ptype, assigned_only, by_assignment)
      WHERE (s.court = '*' OR s.court = ch.prev_court_code) AND s.ptype = ch.prev_procedure_type
        AND ((NOT s.assigned_only AND ch.prev_restriction = 'none')
             OR (s.by_assignment AND ${userId}::uuid = ANY (ch.prev_handler_ids))))`;
  return {
    sql,
    params: [
      scopes.map((s) => s.courtCode),
      scopes.map((s) => s.procedureType),
      scopes.map((s) => s.assignedOnly),
      scopes.map((s) => s.byAssignment),
      user.id,
    ],
  };
}

interface FeedRow {
  kind: 'case' | 'case-removed' | 'case-note' | 'annotation';
  /** The case's id; for an annotation, the annotation's id. */
  case_id: string;
  position: string;
  total: number;
}

/**
 * The feed of one user, positioned by the register's change sequence: every case they may see now
 * at its current version; every case they could see before some change after the cursor but not
 * now (a removal — only to users the change could have affected, so other users never learn even
 * the id); their own notes; and their own annotations on documents of cases they may see now (a
 * case that leaves their view takes its annotations with it on the client, by its removal). A case is placed at its latest change, so paging by "position >
 * cursor" is stable and resumable: a case that changes while a client pages moves forward and is
 * sent again later, and nothing is skipped, because positions become visible in order (0001).
 */
function feedSql(user: SessionUser): { sql: string; params: unknown[] } {
  const visible = visibleCaseCondition(user, 4);
  const before = couldSeeBefore(user, 4 + visible.params.length);
  const removals = `UNION ALL
      SELECT 'case-removed', r.case_id, (SELECT max(l.seq) FROM case_changes l WHERE l.case_id = r.case_id)
      FROM (SELECT DISTINCT ch.case_id FROM case_changes ch WHERE ch.seq > $1::bigint AND ${before.sql}) r
      WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = r.case_id AND ${visible.sql})`;
  const sql = `
    WITH feed AS (
      SELECT 'case' AS kind, c.id AS case_id, c.version AS seq FROM cases c
      WHERE c.version > $1::bigint AND ${visible.sql}
      ${removals}
      UNION ALL
      SELECT 'case-note', n.case_id, n.version FROM case_notes n
      WHERE n.user_id = $3::uuid AND n.version > $1::bigint
      UNION ALL
      SELECT 'annotation', a.id, a.version FROM document_annotations a JOIN cases c ON c.id = a.case_id
      WHERE a.user_id = $3::uuid AND a.version > $1::bigint AND ${visible.sql}
    )
    SELECT kind, case_id, seq::text AS position, count(*) OVER ()::int AS total FROM feed
    ORDER BY feed.seq LIMIT $2`;
  return { sql, params: [...visible.params, ...before.params] };
}

async function notesOf(db: Db, userId: string, caseIds: string[]): Promise<Map<string, CaseNote>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db.query<{ case_id: string; text: string; version: number; updated_at: Date }>(
    'SELECT case_id, text, version, updated_at FROM case_notes WHERE user_id = $1 AND case_id = ANY($2::uuid[])',
    [userId, caseIds],
  );
  return new Map(
    rows.map((r) => [
      r.case_id,
      { caseId: r.case_id, text: r.text, version: r.version, updatedAt: r.updated_at.toISOString() },
    ]),
  );
}

/**
 * The user's access epoch (AccessEpoch in src-shared): the row counter the 0008 triggers move,
 * and a digest of the assignments in force today, so an assignment that starts or ends by date
 * alone also changes it. Null when the user is gone or inactive.
 */
export async function readAccessEpoch(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.query<{ epoch: string }>(
    `SELECT u.access_epoch::text || '.' || left(md5(coalesce((
        SELECT string_agg(r.id::text, ',' ORDER BY r.id) FROM role_assignments r
        WHERE r.user_id = u.id AND r.valid_from <= current_date
          AND (r.valid_to IS NULL OR r.valid_to >= current_date)), '')), 12) AS epoch
     FROM users u WHERE u.id = $1 AND u.active`,
    [userId],
  );
  return row?.epoch ?? null;
}

/** One page of the user's changes after `cursor`. Restricted cases handed out are audited reads (§18¹). */
export async function readChanges(
  db: Db,
  sessionUser: SessionUser,
  cursor: string,
  limit: number,
  via = 'sync.changes',
): Promise<SyncChangesResponse> {
  // The epoch first, then the roles the page is built from: if the roles change in between, the
  // page may be newer than its epoch but never older, and the next page's epoch differs.
  const accessEpoch = await readAccessEpoch(db, sessionUser.id);
  const user = accessEpoch === null ? null : await loadSessionUser(db, sessionUser.id);
  if (accessEpoch === null || user === null)
    throw new AppError('unauthenticated', 'The user is no longer active.');
  const feed = feedSql(user);
  const rows = await db.query<FeedRow>(feed.sql, [cursor, limit, user.id, ...feed.params]);
  const caseIds = rows.filter((r) => r.kind === 'case').map((r) => r.case_id);
  const caseRows = caseIds.length
    ? await db.query<CaseRow>(`${CASE_SELECT} WHERE c.id = ANY($1::uuid[])`, [caseIds])
    : [];
  // Defence in depth: a row the shared rule rejects never leaves; it is sent as a removal instead.
  const allowed = caseRows.filter((row) => authorize(user, 'case.read', caseTarget(row)));
  const snapshots = new Map((await buildSnapshots(db, allowed)).map((s) => [s.id, s]));
  const notes = await notesOf(
    db,
    user.id,
    rows.filter((r) => r.kind === 'case-note').map((r) => r.case_id),
  );
  const annotations = await annotationsOf(
    db,
    user.id,
    rows.filter((r) => r.kind === 'annotation').map((r) => r.case_id),
  );
  // Defence in depth, as for cases: an annotation leaves only with a case the shared rule admits.
  const annotationCaseIds = [...new Set([...annotations.values()].map((a) => a.caseId))];
  const annotationCases = annotationCaseIds.length
    ? await db.query<CaseRow>(`${CASE_SELECT} WHERE c.id = ANY($1::uuid[])`, [annotationCaseIds])
    : [];
  const readableCaseIds = new Set(
    annotationCases.filter((row) => authorize(user, 'case.read', caseTarget(row))).map((row) => row.id),
  );
  const changes: SyncFeedChange[] = [];
  for (const row of rows) {
    if (row.kind === 'annotation') {
      const annotation = annotations.get(row.case_id);
      if (annotation && readableCaseIds.has(annotation.caseId))
        changes.push({ kind: 'annotation', annotation });
    } else if (row.kind === 'case-note') {
      const note = notes.get(row.case_id);
      if (note) changes.push({ kind: 'case-note', note });
    } else {
      const snapshot = row.kind === 'case' ? snapshots.get(row.case_id) : undefined;
      changes.push(
        snapshot ? { kind: 'case', case: snapshot } : { kind: 'case-removed', caseId: row.case_id },
      );
    }
  }
  const audits: AuditEntry[] = allowed
    .filter((row) => row.restriction !== 'none')
    .map((row) => ({
      actor: actorOf(user),
      action: 'case.read',
      objectType: 'case',
      objectId: row.id,
      details: { number: row.number, restriction: row.restriction, via },
    }));
  await writeAudit(db, audits);
  const remaining = rows.length ? rows[0]!.total - rows.length : 0;
  return {
    changes,
    cursor: rows.at(-1)?.position ?? cursor,
    hasMore: remaining > 0,
    remaining,
    accessEpoch,
  };
}
