import type { SessionUser } from '../../src-shared/domain/index.js';
import { AppError } from '../../src-shared/contract/result.js';
import type { BlobStore } from '../blobs/blob-store.js';
import type { Db } from '../db/index.js';
import { writeAudit } from './audit.js';
import { readableDocument, restrictedDocumentRead } from './document-access.js';

export interface DocumentContent {
  bytes: Uint8Array;
  mediaType: string;
  sha256: string;
  number: string;
}

/**
 * A document's bytes for a user who may see its case. A document the user may not see answers
 * exactly like one that does not exist, so its existence does not leak. Reading a restricted one
 * is audited.
 */
export async function readDocumentContent(
  db: Db,
  blobs: BlobStore,
  user: SessionUser,
  documentId: string,
): Promise<DocumentContent> {
  const { doc, row } = await readableDocument(db, user, documentId);
  const read = restrictedDocumentRead(user, doc, row);
  if (read) await writeAudit(db, read);
  const bytes = await blobs.get(doc.sha256);
  if (!bytes)
    throw new AppError('unavailable', `the content of document ${doc.number} is not in the blob store`);
  return { bytes, mediaType: doc.media_type, sha256: doc.sha256, number: doc.number };
}
