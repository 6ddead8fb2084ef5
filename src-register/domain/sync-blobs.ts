import { createHash } from 'node:crypto';
import { AppError } from '../../src-shared/contract/result.js';
import { type SessionUser, authorize } from '../../src-shared/domain/index.js';
import type { BlobUploadResponse } from '../../src-shared/register-api/index.js';
import type { BlobStore } from '../blobs/blob-store.js';
import type { Db } from '../db/index.js';
import { actorOf, writeAudit } from './audit.js';
import { restrictedDocumentRead } from './document-access.js';
import { type CaseRow, CASE_SELECT } from './case-snapshots.js';
import { caseTarget } from './visibility.js';

/**
 * Stores a file for a case the user may add documents to. The bytes must hash to the SHA-256 in
 * the address, so a truncated or altered upload is refused and stores nothing.
 */
export async function uploadBlob(
  db: Db,
  blobs: BlobStore,
  user: SessionUser,
  input: { caseId: string; sha256: string; bytes: Uint8Array },
): Promise<BlobUploadResponse> {
  const [row] = await db.query<CaseRow>(`${CASE_SELECT} WHERE c.id = $1`, [input.caseId]);
  if (!row || !authorize(user, 'case.read', caseTarget(row)))
    throw new AppError('not_found', `no case ${input.caseId}`);
  // A decision or minutes are uploaded by who drafts or writes them (then filed: document-filing.ts).
  const target = caseTarget(row);
  if (
    !authorize(user, 'document.upload', target) &&
    !authorize(user, 'decision.draft', target) &&
    !authorize(user, 'minutes.write', target)
  )
    throw new AppError('forbidden', `you may not add files to case ${row.number}`);
  const actual = createHash('sha256').update(input.bytes).digest('hex');
  if (actual !== input.sha256) {
    throw new AppError(
      'invalid_input',
      `body: the ${input.bytes.byteLength} bytes have SHA-256 ${actual}, not ${input.sha256} as the address says`,
    );
  }
  const created = !(await blobs.has(actual));
  await blobs.put(input.bytes);
  await writeAudit(db, {
    actor: actorOf(user),
    action: 'blob.upload',
    objectType: 'blob',
    objectId: actual,
    details: { caseId: row.id, number: row.number, size: input.bytes.byteLength, created },
  });
  return { sha256: actual, size: input.bytes.byteLength, created };
}

export interface BlobContent {
  bytes: Uint8Array;
  mediaType: string;
}

/**
 * A file by its hash, for a user who may see a case with a document of that content. Any other
 * hash answers as unknown, so nobody can probe which files the register holds.
 */
export async function readBlob(
  db: Db,
  blobs: BlobStore,
  user: SessionUser,
  sha256: string,
): Promise<BlobContent> {
  const docs = await db.query<
    CaseRow & { document_id: string; document_number: string; media_type: string; restricted: boolean }
  >(
    `SELECT cs.*, d.id AS document_id, d.number AS document_number, d.media_type, d.restricted
     FROM documents d JOIN (${CASE_SELECT}) cs ON cs.id = d.case_id
     WHERE d.sha256 = $1 ORDER BY d.restricted, cs.restriction = 'none' DESC, d.number`,
    [sha256],
  );
  const doc = docs.find((d) => authorize(user, 'case.read', caseTarget(d)));
  if (!doc) throw new AppError('not_found', `no file ${sha256}`);
  const document = { id: doc.document_id, number: doc.document_number, restricted: doc.restricted };
  const read = restrictedDocumentRead(user, document, doc, { via: 'blob' });
  if (read) await writeAudit(db, read);
  const bytes = await blobs.get(sha256);
  if (!bytes) throw new AppError('unavailable', `the file ${sha256} is not in the blob store`);
  return { bytes, mediaType: doc.media_type };
}
