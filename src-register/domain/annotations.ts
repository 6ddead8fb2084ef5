import { AppError } from '../../src-shared/contract/result.js';
import type { SessionUser } from '../../src-shared/domain/index.js';
import type { DocumentAnnotation, SyncMutation } from '../../src-shared/register-api/index.js';
import type { Db } from '../db/index.js';
import { actorOf, writeAudit } from './audit.js';
import { readableDocument } from './document-access.js';
import type { MutationOutcome } from './sync-mutations.js';

/**
 * The user's private notes and highlights on documents (issue 7), as sync mutations. Only the
 * author ever reads or changes one: an id of someone else's annotation answers like an unknown
 * document, so neither its existence nor its owner leaks. The text never goes into the audit log.
 */

type AnnotationPut = Extract<SyncMutation, { kind: 'annotation.put' }>;
type AnnotationDelete = Extract<SyncMutation, { kind: 'annotation.delete' }>;

export interface AnnotationRow {
  id: string;
  user_id: string;
  document_id: string;
  case_id: string;
  page: number;
  rect_x: number;
  rect_y: number;
  rect_width: number;
  rect_height: number;
  kind: DocumentAnnotation['kind'];
  text: string;
  color: DocumentAnnotation['color'];
  deleted: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export const ANNOTATION_COLUMNS = `id, user_id, document_id, case_id, page, rect_x, rect_y, rect_width,
  rect_height, kind, text, color, deleted, version, created_at, updated_at`;

export const toAnnotation = (row: AnnotationRow): DocumentAnnotation => ({
  id: row.id,
  documentId: row.document_id,
  caseId: row.case_id,
  page: row.page,
  rect: { x: row.rect_x, y: row.rect_y, width: row.rect_width, height: row.rect_height },
  kind: row.kind,
  text: row.text,
  color: row.color,
  deleted: row.deleted,
  version: row.version,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

/** The user's annotations with these ids (tombstones too), by id. */
export async function annotationsOf(
  db: Db,
  userId: string,
  ids: readonly string[],
): Promise<Map<string, DocumentAnnotation>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<AnnotationRow>(
    `SELECT ${ANNOTATION_COLUMNS} FROM document_annotations WHERE user_id = $1 AND id = ANY($2::uuid[])`,
    [userId, ids],
  );
  return new Map(rows.map((row) => [row.id, toAnnotation(row)]));
}

/** The annotation with this id, locked; someone else's answers as not found. */
async function ownAnnotation(db: Db, user: SessionUser, id: string): Promise<AnnotationRow | null> {
  const [row] = await db.query<AnnotationRow>(
    `SELECT ${ANNOTATION_COLUMNS} FROM document_annotations WHERE id = $1 FOR UPDATE`,
    [id],
  );
  if (row && row.user_id !== user.id) throw new AppError('not_found', `no annotation ${id}`);
  return row ?? null;
}

async function audit(
  db: Db,
  user: SessionUser,
  action: 'annotation.put' | 'annotation.delete',
  row: AnnotationRow,
  mutationId: string,
): Promise<void> {
  await writeAudit(db, {
    actor: actorOf(user),
    action,
    objectType: 'document',
    objectId: row.document_id,
    // The annotation is private: its text stays out of the log.
    details: { mutationId, annotationId: row.id, caseId: row.case_id, version: row.version },
  });
}

const conflict = (m: { baseVersion: number | null }, current: AnnotationRow | null): MutationOutcome => ({
  status: 'conflict',
  reason: `the annotation was based on version ${m.baseVersion ?? 'none'}, the register has ${
    current ? `${current.version}${current.deleted ? ' (deleted)' : ''}` : 'none'
  }`,
  record: { type: 'annotation', annotation: current ? toAnnotation(current) : null },
});

export async function applyAnnotationPut(
  db: Db,
  user: SessionUser,
  m: AnnotationPut,
): Promise<MutationOutcome> {
  const { annotationId, documentId, page, rect, kind, text, color } = m.payload;
  // Annotating reads no content, so no read is audited here.
  const { doc } = await readableDocument(db, user, documentId);
  const values = [annotationId, page, rect.x, rect.y, rect.width, rect.height, kind, text, color];
  // One statement each way, so two devices putting at once cannot both pass the version check.
  const written =
    m.baseVersion === null
      ? await db.query<AnnotationRow>(
          `INSERT INTO document_annotations (id, page, rect_x, rect_y, rect_width, rect_height, kind, text,
             color, user_id, document_id, case_id, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, next_change_version())
           ON CONFLICT (id) DO NOTHING RETURNING ${ANNOTATION_COLUMNS}`,
          [...values, user.id, documentId, doc.case_id],
        )
      : await db.query<AnnotationRow>(
          `UPDATE document_annotations SET page = $2, rect_x = $3, rect_y = $4, rect_width = $5,
             rect_height = $6, kind = $7, text = $8, color = $9, version = next_change_version(),
             updated_at = now()
           WHERE id = $1 AND user_id = $10 AND document_id = $11 AND version = $12 AND NOT deleted
           RETURNING ${ANNOTATION_COLUMNS}`,
          [...values, user.id, documentId, m.baseVersion],
        );
  if (written[0]) {
    await audit(db, user, 'annotation.put', written[0], m.id);
    return { status: 'applied', record: { type: 'annotation', annotation: toAnnotation(written[0]) } };
  }
  const current = await ownAnnotation(db, user, annotationId);
  if (current && current.document_id !== documentId)
    throw new AppError('invalid_input', `annotation ${annotationId} belongs to another document`);
  return conflict(m, current);
}

/**
 * Deletes the user's annotation: it becomes a tombstone with its text emptied and a new version.
 * Deleting one the register does not have, or one already deleted, changes nothing and answers
 * with what the register holds.
 */
export async function applyAnnotationDelete(
  db: Db,
  user: SessionUser,
  m: AnnotationDelete,
): Promise<MutationOutcome> {
  const { annotationId } = m.payload;
  const current = await ownAnnotation(db, user, annotationId);
  if (!current) return { status: 'applied', record: { type: 'annotation', annotation: null } };
  await readableDocument(db, user, current.document_id);
  if (current.deleted)
    return { status: 'applied', record: { type: 'annotation', annotation: toAnnotation(current) } };
  if (m.baseVersion !== current.version) return conflict(m, current);
  const [row] = await db.query<AnnotationRow>(
    `UPDATE document_annotations SET deleted = true, text = '', version = next_change_version(),
       updated_at = now() WHERE id = $1 RETURNING ${ANNOTATION_COLUMNS}`,
    [annotationId],
  );
  await audit(db, user, 'annotation.delete', row!, m.id);
  return { status: 'applied', record: { type: 'annotation', annotation: toAnnotation(row!) } };
}
