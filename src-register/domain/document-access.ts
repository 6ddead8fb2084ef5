import { AppError } from '../../src-shared/contract/result.js';
import { type SessionUser, authorize } from '../../src-shared/domain/index.js';
import type { Db } from '../db/index.js';
import { actorOf, type AuditEntry } from './audit.js';
import { type CaseRow, CASE_SELECT } from './case-snapshots.js';
import { caseTarget } from './visibility.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface DocumentRow {
  id: string;
  case_id: string;
  number: string;
  media_type: string;
  sha256: string;
  restricted: boolean;
}

/**
 * A document and its case, for a user who may read that case. A document the user may not see
 * answers exactly like one that does not exist (`not_found`), so its existence does not leak. A
 * restricted document follows the register's one rule for them: whoever may read its case may read it.
 */
export async function readableDocument(
  db: Db,
  user: SessionUser,
  documentId: string,
): Promise<{ doc: DocumentRow; row: CaseRow }> {
  const notFound = new AppError('not_found', `no document ${documentId}`);
  if (!UUID.test(documentId)) throw notFound;
  const [doc] = await db.query<DocumentRow>(
    'SELECT id, case_id, number, media_type, sha256, restricted FROM documents WHERE id = $1',
    [documentId],
  );
  if (!doc) throw notFound;
  const [row] = await db.query<CaseRow>(`${CASE_SELECT} WHERE c.id = $1`, [doc.case_id]);
  if (!row || !authorize(user, 'case.read', caseTarget(row))) throw notFound;
  return { doc, row };
}

/**
 * The audit entry for reading a document's content, or none when neither the document nor its
 * case is restricted (§18¹ asks for the reads of restricted data). `details` says how it was read.
 */
export function restrictedDocumentRead(
  user: SessionUser,
  doc: Pick<DocumentRow, 'id' | 'number' | 'restricted'>,
  row: CaseRow,
  details: Record<string, unknown> = {},
): AuditEntry | null {
  if (row.restriction === 'none' && !doc.restricted) return null;
  return {
    actor: actorOf(user),
    action: 'document.read',
    objectType: 'document',
    objectId: doc.id,
    details: {
      number: doc.number,
      caseId: row.id,
      restriction: row.restriction,
      restricted: doc.restricted,
      ...details,
    },
  };
}
