import { AppError, type ErrorCode } from '../../src-shared/contract/index.js';
import type { EncryptedBlobStore } from './blob-store.js';
import type { Filing } from './filing-types.js';
import type { RegisterClient } from './register-client.js';
import type { CacheDb } from './store/cache.js';
import { DOCUMENT_FILE, failFiling } from './store/filings-store.js';
import type { OutboxRow } from './store/outbox.js';

/**
 * The push engine's step before it sends `case.document.file` mutations: each one's bytes go to
 * the register first (`PUT /blobs/:sha256?caseId=`), since the register files only what was
 * uploaded. Uploading is idempotent (content-addressed), so a row sent again after a crash or an
 * aborted request simply uploads again.
 */

export interface FilingUploadDeps {
  client: Pick<RegisterClient, 'uploadBlob'>;
  /** The user's encrypted blob store for a cache; without one a filing cannot be sent. */
  blobStoreFor?: (cache: CacheDb) => EncryptedBlobStore | null;
}

/**
 * Refusals of a whole request that will not change by sending it again: the push engine fails its
 * rows, and an upload refused so fails its filing. (Here, not in push.ts, which imports this file.)
 */
export const PERMANENT: ReadonlySet<ErrorCode> = new Set([
  'invalid_input',
  'forbidden',
  'not_found',
  'conflict',
]);

export interface FilingUploads {
  /** Outbox seqs refused for good (already marked failed with their filing): not to be sent. */
  refused: Set<number>;
  /** The filings that failed here. */
  failed: Filing[];
}

function readBytes(deps: FilingUploadDeps, cache: CacheDb, sha256: string): Uint8Array | string {
  const store = deps.blobStoreFor?.(cache) ?? null;
  if (!store) return 'the document store is not open on this computer';
  const read = store.read(sha256);
  if (read.kind === 'ok') return read.bytes;
  return read.kind === 'missing'
    ? 'the file to upload is missing on this computer; file the document again'
    : 'the file to upload is damaged on this computer; file the document again';
}

/**
 * Uploads the files of the filing rows among `rows`. A missing local file or a permanent refusal
 * marks that row (and its filing) failed with the reason; an unreachable register, a timeout or
 * an expired session is thrown as it came, for the engine to treat like a failed request.
 */
export async function uploadFilings(
  deps: FilingUploadDeps,
  session: { token: string; cache: CacheDb },
  rows: readonly OutboxRow[],
  signal?: AbortSignal,
): Promise<FilingUploads> {
  const result: FilingUploads = { refused: new Set(), failed: [] };
  const fail = (row: OutboxRow, reason: string) => {
    result.refused.add(row.seq);
    const filing = failFiling(session.cache, row, reason);
    if (filing) result.failed.push(filing);
  };
  for (const row of rows) {
    if (row.kind !== DOCUMENT_FILE || !('sha256' in row.payload)) continue;
    const { caseId, sha256 } = row.payload;
    const bytes = readBytes(deps, session.cache, sha256);
    if (typeof bytes === 'string') {
      fail(row, `missing_file: ${bytes}`);
      continue;
    }
    try {
      await deps.client.uploadBlob(session.token, { caseId, sha256, bytes }, signal);
    } catch (error) {
      if (error instanceof AppError && PERMANENT.has(error.code)) {
        fail(row, `${error.code}: the register refused the file: ${error.message}`);
        continue;
      }
      throw error;
    }
  }
  return result;
}
