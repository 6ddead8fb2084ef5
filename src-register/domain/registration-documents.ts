import { randomUUID } from 'node:crypto';
import { AppError } from '../../src-shared/contract/result.js';
import type { RegistrationDocument } from '../../src-shared/register-api/index.js';
import type { BlobStore } from '../blobs/blob-store.js';
import type { Db } from '../db/index.js';
import { nextDocumentNumber } from './numbering.js';

export interface StoredDocument {
  title: string;
  kind: string;
  mediaType: string;
  restricted: boolean;
  sha256: string;
  size: number;
}

/**
 * Puts inline files into the blob store and checks that referenced ones are there, before any row is
 * written. The store is content-addressed, so a registration that later rolls back leaves at most an
 * unreferenced file, never a document row without its bytes.
 */
export async function storeDocuments(
  blobs: BlobStore,
  documents: readonly RegistrationDocument[],
): Promise<StoredDocument[]> {
  const stored: StoredDocument[] = [];
  for (const [index, doc] of documents.entries()) {
    const base = { title: doc.title, kind: doc.kind, mediaType: doc.mediaType, restricted: doc.restricted };
    if (doc.content !== undefined) {
      const { sha256, size } = await blobs.put(new Uint8Array(Buffer.from(doc.content, 'base64')));
      stored.push({ ...base, sha256, size });
      continue;
    }
    const bytes = await blobs.get(doc.sha256!);
    if (!bytes)
      throw new AppError(
        'invalid_input',
        `body: documents.${index}.sha256: no uploaded file has this SHA-256; upload it first`,
      );
    stored.push({ ...base, sha256: doc.sha256!, size: bytes.byteLength });
  }
  return stored;
}

/** Files the documents in the case in order, each with the case's next `/D`; returns their ids. */
export async function insertDocuments(
  tx: Db,
  caseId: string,
  documents: readonly StoredDocument[],
  filedAt: Date,
): Promise<{ id: string; number: string }[]> {
  const filed: { id: string; number: string }[] = [];
  for (const doc of documents) {
    const id = randomUUID();
    const number = await nextDocumentNumber(tx, caseId);
    await tx.query(
      `INSERT INTO documents (id, case_id, number, kind, title, media_type, sha256, size, restricted, filed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [id, caseId, number, doc.kind, doc.title, doc.mediaType, doc.sha256, doc.size, doc.restricted, filedAt],
    );
    filed.push({ id, number });
  }
  return filed;
}
