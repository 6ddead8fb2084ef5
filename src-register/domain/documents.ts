import { AppError } from '../../src-shared/contract/result.js';
import { type SessionUser, authorize } from '../../src-shared/domain/index.js';
import type { BlobStore } from '../blobs/blob-store.js';
import type { Db } from '../db/index.js';
import { actorOf, writeAudit } from './audit.js';
import { type CaseRow, CASE_SELECT } from './case-snapshots.js';
import { caseTarget } from './visibility.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface DocumentContent {
  bytes: Uint8Array;
  mediaType: string;
  sha256: string;
  number: string;
}

/**
 * A document's bytes for a user who may see its case. A document the user may not see answers
 * exactly like one that does not exist, so its existence does not leak.
 */
export async function readDocumentContent(
  db: Db,
  blobs: BlobStore,
  user: SessionUser,
  documentId: string,
): Promise<DocumentContent> {
  const notFound = new AppError('not_found', `no document ${documentId}`);
  if (!UUID.test(documentId)) throw notFound;
  const [doc] = await db.query<{
    case_id: string;
    number: string;
    media_type: string;
    sha256: string;
    restricted: boolean;
  }>('SELECT case_id, number, media_type, sha256, restricted FROM documents WHERE id = $1', [documentId]);
  if (!doc) throw notFound;
  const [row] = await db.query<CaseRow>(`${CASE_SELECT} WHERE c.id = $1`, [doc.case_id]);
  if (!row || !authorize(user, 'case.read', caseTarget(row))) throw notFound;
  if (row.restriction !== 'none' || doc.restricted) {
    await writeAudit(db, {
      actor: actorOf(user),
      action: 'document.read',
      objectType: 'document',
      objectId: documentId,
      details: {
        number: doc.number,
        caseId: row.id,
        restriction: row.restriction,
        restricted: doc.restricted,
      },
    });
  }
  const bytes = await blobs.get(doc.sha256);
  if (!bytes)
    throw new AppError('unavailable', `the content of document ${doc.number} is not in the blob store`);
  return { bytes, mediaType: doc.media_type, sha256: doc.sha256, number: doc.number };
}
