import { AppError } from '../../src-shared/contract/index.js';
import { type EncryptedBlobStore, sha256Hex } from './blob-store.js';
import type { Filing, FilingRequest, FilingService } from './filing-types.js';
import type { CacheDb } from './store/cache.js';
import { latestFiling, queueFiling, refuseIfFiled } from './store/filings-store.js';

export interface FilingDeps {
  /**
   * The signed-in user's encrypted blob store for this cache (the one downloads go to, so a filed
   * document opens without a download); null when none is open.
   */
  blobStoreFor(cache: CacheDb): EncryptedBlobStore | null;
  /** A filing was queued (the push engine's `notify`). */
  onQueued?: () => void;
  now?: () => Date;
}

/** The register takes at most 64 MiB in one upload (src-register/http/routes/documents.ts). */
export const MAX_FILING_BYTES = 64 * 1024 * 1024;

/**
 * Files decisions and minutes local first: the bytes are sealed into the blob store (atomic,
 * content-addressed, so writing them again is harmless), then the filing row and its outbox row
 * are written in one SQLite transaction. A crash between the two leaves at most an unreferenced
 * blob, which the store's clean-up removes; never a queued filing without its bytes.
 */
export function createFilingService(deps: FilingDeps): FilingService {
  const now = deps.now ?? (() => new Date());
  return {
    file(cache: CacheDb, request: FilingRequest): Filing {
      const size = request.bytes.byteLength;
      if (size === 0) throw new AppError('invalid_input', 'The document to file is empty.');
      if (size > MAX_FILING_BYTES)
        throw new AppError(
          'invalid_input',
          `The document is ${size} bytes; the register takes at most 64 MiB.`,
        );
      const store = deps.blobStoreFor(cache);
      if (!store) throw new AppError('unavailable', 'The document store is not open; sign in again.');
      // Checked before the bytes are written too (and again in the transaction), so a refused
      // second filing stores nothing.
      refuseIfFiled(cache, request.sourceKind, request.sourceId);
      const sha256 = sha256Hex(request.bytes);
      store.write(sha256, request.bytes);
      const filing = cache.transaction(() => queueFiling(cache, request, { sha256, size }, now()))();
      deps.onQueued?.();
      return filing;
    },
    get: (cache, sourceKind, sourceId) => latestFiling(cache, sourceKind, sourceId),
  };
}
