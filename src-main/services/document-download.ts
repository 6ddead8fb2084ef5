// One document file from the register's blob route into the encrypted store: resumed from what an
// interrupted download left (Range/If-Range), sealed to disk record by record, verified by its SHA-256.
import { AppError } from '../../src-shared/contract/index.js';
import { API_PREFIX } from '../../src-shared/register-api/index.js';
import { type EncryptedBlobStore, sha256Hex } from './blob-store.js';
import { type Deadline, startDeadline } from './deadline.js';
import { refusal } from './document-queries.js';

/** What one session's downloads need. */
export interface DownloadContext {
  readonly token: string;
  readonly store: EncryptedBlobStore;
  /** Aborted when the session's documents stop. */
  readonly signal: AbortSignal;
  /** Bytes of a file received so far, as they arrive (for progress). */
  received(sha256: string, bytes: number): void;
}

export interface BlobDownloaderOptions {
  baseUrl: string;
  fetch?: typeof fetch;
  /** Bytes are sealed to disk in records of this size, so an interruption keeps them (default 256 KiB). */
  recordBytes?: number;
  /** How long a download may go without an answer or a byte before it gives up (default 30 s). */
  timeoutMs?: number;
}

/** Downloads one file (`size` null when the case does not say) and stores it; returns its bytes. */
export type BlobDownloader = (a: DownloadContext, sha256: string, size: number | null) => Promise<Buffer>;

export function createBlobDownloader(options: BlobDownloaderOptions): BlobDownloader {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? fetch;
  const recordBytes = options.recordBytes ?? 256 * 1024;
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function request(
    a: DownloadContext,
    sha256: string,
    headers: Record<string, string>,
    deadline: Deadline,
  ): Promise<Response> {
    try {
      return await deadline.race(
        fetchImpl(`${baseUrl}${API_PREFIX}/blobs/${sha256}`, {
          headers: { ...headers, authorization: `Bearer ${a.token}` },
          signal: deadline.signal,
          redirect: 'error',
        }),
      );
    } catch (error) {
      if (a.signal.aborted) throw a.signal.reason ?? error;
      throw new AppError('unavailable', `The register at ${baseUrl} cannot be reached for a document.`);
    }
  }

  /** One download: resumes a partial one with Range/If-Range, restarts when the register says so. */
  async function download(a: DownloadContext, sha256: string, size: number | null): Promise<Buffer> {
    // A download that goes silent (no headers, or no bytes) for the limit gives up; a slow one goes on.
    const deadline = startDeadline(timeoutMs, a.signal);
    try {
      return await downloadWithin(a, sha256, size, deadline);
    } finally {
      deadline.dispose();
    }
  }

  async function downloadWithin(
    a: DownloadContext,
    sha256: string,
    size: number | null,
    deadline: Deadline,
  ): Promise<Buffer> {
    for (let attempt = 0; attempt < 2; attempt++) {
      let have = a.store.partial(sha256);
      const headers: Record<string, string> = { accept: '*/*' };
      if (have.byteLength > 0) {
        headers.range = `bytes=${have.byteLength}-`;
        headers['if-range'] = `"${sha256}"`;
      }
      const response = await request(a, sha256, headers, deadline);
      if (response.status === 416) {
        await response.body?.cancel();
        a.store.discardPartial(sha256);
        continue;
      }
      if (!response.ok) throw await deadline.race(refusal(response));
      const resumed =
        response.status === 206 &&
        (response.headers.get('content-range') ?? '').startsWith(`bytes ${have.byteLength}-`);
      if (!resumed) {
        a.store.discardPartial(sha256);
        have = Buffer.alloc(0);
      }
      const pieces: Buffer[] = [have];
      let offset = have.byteLength;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      const flush = (): void => {
        if (pendingBytes === 0) return;
        const chunk = Buffer.concat(pending);
        a.store.appendPartial(sha256, offset, chunk);
        offset += chunk.byteLength;
        pieces.push(chunk);
        pending = [];
        pendingBytes = 0;
      };
      const reader = response.body?.getReader();
      try {
        for (;;) {
          if (!reader) break;
          const { done, value } = await deadline.race(reader.read());
          if (done) break;
          deadline.refresh();
          pending.push(Buffer.from(value));
          pendingBytes += value.byteLength;
          a.received(sha256, offset + pendingBytes);
          if (size !== null && offset + pendingBytes > size) {
            await reader.cancel();
            a.store.discardPartial(sha256);
            throw new AppError('internal', `The register sent more than the ${size} bytes of ${sha256}.`);
          }
          if (pendingBytes >= recordBytes) flush();
        }
      } catch (error) {
        // What arrived is kept (sealed) so the next try asks only for the rest.
        if (!(error instanceof AppError && error.code === 'internal')) flush();
        if (a.signal.aborted) throw a.signal.reason ?? error;
        if (error instanceof AppError) throw error;
        throw new AppError(
          'unavailable',
          `The download of a document broke off: ${(error as Error).message}`,
        );
      }
      flush();
      const bytes = Buffer.concat(pieces);
      a.store.discardPartial(sha256);
      if (sha256Hex(bytes) === sha256) {
        a.store.write(sha256, bytes);
        return bytes;
      }
      // Corrupt or spliced: the next attempt starts from nothing.
    }
    throw new AppError(
      'internal',
      `The register's file does not match the SHA-256 ${sha256} the case names.`,
    );
  }

  return download;
}
