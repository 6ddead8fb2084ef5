import { AppError } from '../../src-shared/contract/result.js';
import { type Action, type SessionUser, authorize } from '../../src-shared/domain/index.js';
import type { SyncMutation } from '../../src-shared/register-api/index.js';
import type { Db } from '../db/index.js';
import { readableCase, restrictedRead, snapshotOfRow } from './mutation-case.js';
import { actorOf, writeAudit } from './audit.js';
import { type CaseRow, CASE_SELECT } from './case-snapshots.js';
import { nextDocumentNumber } from './numbering.js';
import type { MutationOutcome } from './sync-mutations.js';
import { caseTarget } from './visibility.js';

/**
 * Filing a document the user made in Chambers (a decision, hearing minutes) as the case's next
 * document `T-YY-N/D` (issue 8 item 6, issue 9 item 4). Runs in the caller's savepoint: the case is
 * locked, the number drawn, the document row, its procedural step (and for a decision its row in
 * `decisions`) written, the status moved and the audit entry appended — or nothing at all.
 *
 * The bytes must have been uploaded before (`PUT /api/v1/blobs/:sha256?caseId=`) by the same user
 * for the same case: the register's record of that is the `blob.upload` entry `uploadBlob` writes
 * to the audit log (after the bytes are stored). Requiring the upload — not merely the hash — keeps
 * a user from filing into a case they may write the bytes of a document they may not read.
 */

type DocumentFile = Extract<SyncMutation, { kind: 'case.document.file' }>;
type Payload = DocumentFile['payload'];

/** The procedural step a filing adds; a judgment or a decision ends the proceeding's merits. */
function stepKindOf(p: Payload): 'decided' | 'ruling_made' | 'minutes_filed' {
  if (p.kind === 'minutes') return 'minutes_filed';
  return p.decisionKind === 'ruling' ? 'ruling_made' : 'decided';
}

/** The payload's own consistency, before anything is read. */
function checkShape(p: Payload): void {
  if (p.kind === 'decision' && (p.decisionKind === null || p.hearingId !== null))
    throw new AppError('invalid_input', 'payload: a decision needs decisionKind and no hearingId');
  if (p.kind === 'minutes' && (p.decisionKind !== null || p.hearingId === null))
    throw new AppError('invalid_input', 'payload: minutes need hearingId and no decisionKind');
}

async function snapshotOf(db: Db, user: SessionUser, caseId: string) {
  const [row] = await db.query<CaseRow>(`${CASE_SELECT} WHERE c.id = $1`, [caseId]);
  return { row: row!, snapshot: await snapshotOfRow(db, row!), readAudit: restrictedRead(user, row!) };
}

/** The same document id filed again under a new mutation id: the first filing's answer, if it is the same file. */
async function alreadyFiled(db: Db, user: SessionUser, p: Payload): Promise<MutationOutcome | null> {
  const [existing] = await db.query<{ case_id: string; number: string; sha256: string }>(
    'SELECT case_id, number, sha256 FROM documents WHERE id = $1',
    [p.documentId],
  );
  if (!existing) return null;
  if (existing.case_id !== p.caseId || existing.sha256 !== p.sha256)
    throw new AppError('conflict', `document id ${p.documentId} is already used; make a new id`);
  const { snapshot, readAudit } = await snapshotOf(db, user, p.caseId);
  await writeAudit(db, readAudit);
  return {
    status: 'applied',
    record: {
      type: 'filed-document',
      documentId: p.documentId,
      documentNumber: existing.number,
      case: snapshot,
    },
  };
}

export async function applyDocumentFile(
  db: Db,
  user: SessionUser,
  m: DocumentFile,
): Promise<MutationOutcome> {
  const p = m.payload;
  checkShape(p);
  const row = await readableCase(db, user, p.caseId, true);
  const action: Action = p.kind === 'decision' ? 'decision.draft' : 'minutes.write';
  if (!authorize(user, action, caseTarget(row)))
    throw new AppError(
      'forbidden',
      `you may not file ${p.kind === 'decision' ? 'decisions' : 'minutes'} in case ${row.number}`,
    );
  const again = await alreadyFiled(db, user, p);
  if (again) return again;
  if (p.hearingId !== null) {
    const [hearing] = await db.query('SELECT 1 FROM hearings WHERE id = $1 AND case_id = $2', [
      p.hearingId,
      p.caseId,
    ]);
    if (!hearing)
      throw new AppError(
        'invalid_input',
        `payload: hearingId: no hearing ${p.hearingId} in case ${row.number}`,
      );
  }
  const [uploaded] = await db.query(
    `SELECT 1 FROM audit_log WHERE object_type = 'blob' AND object_id = $1 AND action = 'blob.upload'
       AND actor_user_id = $2 AND details->>'caseId' = $3 AND (details->>'size')::bigint = $4 LIMIT 1`,
    [p.sha256, user.id, p.caseId, p.size],
  );
  if (!uploaded)
    throw new AppError(
      'invalid_input',
      `payload: sha256: no file of ${p.size} bytes with this SHA-256 was uploaded for case ${row.number}; upload the file first`,
    );

  const number = await nextDocumentNumber(db, p.caseId);
  await db.query(
    `INSERT INTO documents (id, case_id, number, kind, title, media_type, sha256, size, restricted, filed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())`,
    [
      p.documentId,
      p.caseId,
      number,
      p.decisionKind ?? 'minutes',
      p.title,
      p.mediaType,
      p.sha256,
      p.size,
      row.restriction !== 'none',
    ],
  );
  const stepKind = stepKindOf(p);
  const [step] = await db.query<{ id: string }>(
    `INSERT INTO procedural_steps (id, case_id, kind, occurred_at, entered_at, entered_by, description)
     VALUES (gen_random_uuid(), $1, $2, $3, now(), $4, $5) RETURNING id`,
    [p.caseId, stepKind, p.occurredAt, user.id, `${p.title} ${number}`],
  );
  if (p.kind === 'decision') {
    await db.query(
      `INSERT INTO decisions (id, case_id, document_id, proceeding_id, kind, pronounced_at)
       VALUES (gen_random_uuid(), $1, $2,
               (SELECT id FROM proceedings WHERE case_id = $1 ORDER BY seq DESC LIMIT 1), $3, $4)`,
      [p.caseId, p.documentId, p.decisionKind, p.occurredAt],
    );
  }
  if (stepKind === 'decided')
    await db.query(
      `UPDATE cases SET status = 'decided' WHERE id = $1 AND status NOT IN ('decided', 'closed')`,
      [p.caseId],
    );
  // The status update (or, failing it, the document's trigger) has moved the case's version on.
  const { snapshot, readAudit } = await snapshotOf(db, user, p.caseId);
  await writeAudit(db, [
    {
      actor: actorOf(user),
      action: 'document.file',
      objectType: 'document',
      objectId: p.documentId,
      // What was filed and where; the document's text stays out of the log.
      details: {
        mutationId: m.id,
        caseId: p.caseId,
        number: row.number,
        documentNumber: number,
        kind: p.kind,
        decisionKind: p.decisionKind,
        hearingId: p.hearingId,
        stepId: step!.id,
        stepKind,
        sha256: p.sha256,
        size: p.size,
      },
    },
    ...readAudit,
  ]);
  return {
    status: 'applied',
    record: { type: 'filed-document', documentId: p.documentId, documentNumber: number, case: snapshot },
  };
}
