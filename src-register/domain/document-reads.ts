import type { SessionUser } from '../../src-shared/domain/index.js';
import type { SyncMutation } from '../../src-shared/register-api/index.js';
import type { Db } from '../db/index.js';
import { writeAudit } from './audit.js';
import { readableDocument, restrictedDocumentRead } from './document-access.js';
import type { MutationOutcome } from './sync-mutations.js';

type DocumentRead = Extract<SyncMutation, { kind: 'document.read' }>;

/**
 * A read of a document's local copy on the user's computer, reported afterwards: logged like a read
 * from the register when the document or its case is restricted, with the time the desktop gives
 * (the entry's own time is when the register heard of it). The register's view of the restriction
 * decides, not the desktop's.
 */
export async function applyDocumentRead(
  db: Db,
  user: SessionUser,
  m: DocumentRead,
): Promise<MutationOutcome> {
  const { documentId, readAt } = m.payload;
  const { doc, row } = await readableDocument(db, user, documentId);
  const read = restrictedDocumentRead(user, doc, row, { via: 'local copy', readAt, mutationId: m.id });
  if (read) await writeAudit(db, read);
  return { status: 'applied', record: { type: 'read-logged', documentId: doc.id, logged: read !== null } };
}
