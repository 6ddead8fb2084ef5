import { AppError } from '../../src-shared/contract/index.js';
import { API_PREFIX, ErrorBody } from '../../src-shared/register-api/index.js';
import { type EncryptedBlobStore, blobDirFor, openEncryptedBlobStore, sha256Hex } from './blob-store.js';
import { type Deadline, startDeadline } from './deadline.js';
import type { ActiveSession } from './session.js';

/** What the documents need of a session: its user, token, cache, and the cache key (for the blob key). */
export type DocumentSession = Pick<ActiveSession, 'user' | 'token' | 'cache'> & { readonly cacheKey: string };

export interface DocumentsProgress {
  /** A background download round is running. */
  running: boolean;
  /** Files of this round: fetched, to fetch in all, and failed. */
  done: number;
  total: number;
  failed: number;
}

export interface OpenedDocument {
  documentId: string;
  number: string;
  title: string;
  mediaType: string;
  sha256: string;
  bytes: Buffer;
}

export interface DocumentsDeps {
  baseUrl: string;
  dataDir: string;
  /** Downloads at the same time. */
  concurrency?: number;
  /** Documents of cases with a hearing in this many days are fetched in the background. */
  horizonDays?: number;
  /**
   * Restricted documents (and those of restricted cases) are fetched in the background too. Off by
   * default: the register records each read of them, and a prefetch is not a read by the user.
   */
  prefetchRestricted?: boolean;
  /** Each download's bytes are sealed to disk in records of this size, so an interruption keeps them. */
  recordBytes?: number;
  /** How long a download may go without an answer or a byte before it gives up (default 30 s). */
  timeoutMs?: number;
  now?: () => Date;
  fetch?: typeof fetch;
  onProgress?: (progress: DocumentsProgress) => void;
  /** The register refused the token. */
  onUnauthenticated?: () => void;
  logError?: (message: string, error: unknown) => void;
}

export interface DocumentsService {
  /** Opens the signed-in user's blob store; nothing is downloaded until `afterPull()`. */
  start(session: DocumentSession): void;
  /**
   * After a successful pull: removes the files no cached case names any more, then fetches those of
   * the user's own cases and of the coming hearings, a few at a time. Resolves when the round ends.
   */
  afterPull(): Promise<DocumentsProgress>;
  /** A document of a cached case: from the store, else downloaded now (verified, then stored). */
  open(documentId: string): Promise<OpenedDocument>;
  progress(): DocumentsProgress;
  /** Aborts the downloads and waits for them. */
  stop(): Promise<void>;
}

const IDLE: DocumentsProgress = { running: false, done: 0, total: 0, failed: 0 };

const REFERENCED = `SELECT DISTINCT json_extract(d.value, '$.sha256')
  FROM cases c, json_each(c.snapshot, '$.documents') d`;

// The user's own cases (judge, or judge or secretary of a hearing) and the cases heard soon.
const WANTED = `SELECT json_extract(d.value, '$.sha256') AS sha256, max(json_extract(d.value, '$.size')) AS size
  FROM cases c, json_each(c.snapshot, '$.documents') d
  WHERE (@restricted = 1 OR (c.restriction = 'none' AND json_extract(d.value, '$.restricted') = 0))
    AND (json_extract(c.snapshot, '$.judge.id') = @user
      OR EXISTS (SELECT 1 FROM json_each(c.snapshot, '$.hearings') h
        WHERE json_extract(h.value, '$.secretary.id') = @user
          OR EXISTS (SELECT 1 FROM json_each(h.value, '$.judges') j WHERE json_extract(j.value, '$.id') = @user)
          OR unixepoch(json_extract(h.value, '$.startsAt')) BETWEEN @from AND @to))
  GROUP BY 1`;

const FIND = `SELECT json_extract(d.value, '$.sha256') AS sha256, json_extract(d.value, '$.size') AS size,
    json_extract(d.value, '$.number') AS number, json_extract(d.value, '$.title') AS title,
    json_extract(d.value, '$.mediaType') AS mediaType
  FROM cases c, json_each(c.snapshot, '$.documents') d
  WHERE json_extract(d.value, '$.id') = ? LIMIT 1`;

interface Active {
  session: DocumentSession;
  store: EncryptedBlobStore;
  controller: AbortController;
  inflight: Map<string, Promise<Buffer>>;
  round: Promise<DocumentsProgress> | null;
  again: boolean;
}

export function createDocumentsService(deps: DocumentsDeps): DocumentsService {
  const baseUrl = deps.baseUrl.replace(/\/+$/, '');
  const concurrency = Math.max(deps.concurrency ?? 3, 1);
  const horizonMs = (deps.horizonDays ?? 14) * 86_400_000;
  const recordBytes = deps.recordBytes ?? 256 * 1024;
  const timeoutMs = deps.timeoutMs ?? 30_000;
  const now = deps.now ?? (() => new Date());
  const fetchImpl = deps.fetch ?? fetch;
  const logError = deps.logError ?? ((message: string, error: unknown) => console.error(message, error));
  let active: Active | null = null;
  let progress: DocumentsProgress = IDLE;

  function report(a: Active, patch: Partial<DocumentsProgress>): void {
    if (active !== a) return;
    progress = { ...progress, ...patch };
    deps.onProgress?.(progress);
  }

  async function request(
    a: Active,
    sha256: string,
    headers: Record<string, string>,
    deadline: Deadline,
  ): Promise<Response> {
    try {
      return await deadline.race(
        fetchImpl(`${baseUrl}${API_PREFIX}/blobs/${sha256}`, {
          headers: { ...headers, authorization: `Bearer ${a.session.token}` },
          signal: deadline.signal,
          redirect: 'error',
        }),
      );
    } catch (error) {
      if (a.controller.signal.aborted) throw a.controller.signal.reason ?? error;
      throw new AppError('unavailable', `The register at ${baseUrl} cannot be reached for a document.`);
    }
  }

  async function refusal(response: Response): Promise<AppError> {
    const text = await response.text().catch(() => '');
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    const parsed = ErrorBody.safeParse(body);
    if (response.status === 401)
      return new AppError('unauthenticated', 'The session has ended. Sign in again.');
    if (parsed.success)
      return new AppError(parsed.data.error.code, parsed.data.error.message, parsed.data.error);
    const code = response.status >= 500 ? 'unavailable' : response.status === 404 ? 'not_found' : 'internal';
    return new AppError(code, `The register answered a document download with HTTP ${response.status}.`);
  }

  /** One download: resumes a partial one with Range/If-Range, restarts when the register says so. */
  async function download(a: Active, sha256: string, size: number | null): Promise<Buffer> {
    // A download that goes silent (no headers, or no bytes) for the limit gives up; a slow one goes on.
    const deadline = startDeadline(timeoutMs, a.controller.signal);
    try {
      return await downloadWithin(a, sha256, size, deadline);
    } finally {
      deadline.dispose();
    }
  }

  async function downloadWithin(
    a: Active,
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
        if (a.controller.signal.aborted) throw a.controller.signal.reason ?? error;
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

  /** Concurrent asks for one file share one download. */
  function fetchShared(a: Active, sha256: string, size: number | null): Promise<Buffer> {
    const running = a.inflight.get(sha256);
    if (running) return running;
    const started = download(a, sha256, size).finally(() => a.inflight.delete(sha256));
    a.inflight.set(sha256, started);
    return started;
  }

  async function round(a: Active): Promise<DocumentsProgress> {
    const db = a.session.cache;
    const referenced = new Set(db.prepare(REFERENCED).pluck().all() as string[]);
    a.store.retainOnly(referenced);
    const at = now().getTime();
    const wanted = (
      db.prepare(WANTED).all({
        user: a.session.user.id,
        restricted: deps.prefetchRestricted ? 1 : 0,
        from: Math.floor(at / 1000),
        to: Math.floor((at + horizonMs) / 1000),
      }) as Array<{ sha256: string; size: number | null }>
    ).filter((row) => !a.store.has(row.sha256));
    report(a, { running: true, done: 0, total: wanted.length, failed: 0 });
    let done = 0;
    let failed = 0;
    let stopped = false;
    const worker = async (): Promise<void> => {
      for (let next = wanted.shift(); next && !stopped; next = wanted.shift()) {
        try {
          await fetchShared(a, next.sha256, next.size);
          done++;
        } catch (error) {
          if (a.controller.signal.aborted) return;
          failed++;
          if (error instanceof AppError && error.code === 'unauthenticated') {
            stopped = true;
            deps.onUnauthenticated?.();
          } else if (error instanceof AppError && error.code === 'unavailable') {
            // Offline: the rest waits for the next pull.
            stopped = true;
          } else {
            logError(`A document (${next.sha256}) could not be downloaded`, error);
          }
        }
        report(a, { done, failed });
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    report(a, { running: false });
    return progress;
  }

  function afterPull(): Promise<DocumentsProgress> {
    const a = active;
    if (!a) return Promise.resolve(progress);
    if (a.round) {
      a.again = true;
      return a.round;
    }
    const loop = async (): Promise<DocumentsProgress> => {
      let last = progress;
      do {
        a.again = false;
        if (a.controller.signal.aborted || active !== a) break;
        last = await round(a);
      } while (a.again);
      return last;
    };
    a.round = loop()
      .catch((error: unknown) => {
        if (!a.controller.signal.aborted) logError('The document downloads failed', error);
        return progress;
      })
      .finally(() => {
        a.round = null;
      });
    return a.round;
  }

  async function open(documentId: string): Promise<OpenedDocument> {
    const a = active;
    if (!a) throw new AppError('unauthenticated', 'Sign in to open documents.');
    const row = a.session.cache.prepare(FIND).get(documentId) as
      { sha256: string; size: number | null; number: string; title: string; mediaType: string } | undefined;
    if (!row) throw new AppError('not_found', `No document ${documentId} in the cases on this computer.`);
    const found = a.store.read(row.sha256);
    let bytes: Buffer;
    if (found.kind === 'ok') bytes = found.bytes;
    else {
      // A file that fails its check is dropped and fetched again.
      if (found.kind === 'corrupt') a.store.remove(row.sha256);
      try {
        bytes = await fetchShared(a, row.sha256, row.size);
      } catch (error) {
        if (error instanceof AppError && error.code === 'unavailable')
          throw new AppError(
            'unavailable',
            'This document has not been downloaded to this computer and the register cannot be reached.',
          );
        if (error instanceof AppError && error.code === 'unauthenticated') deps.onUnauthenticated?.();
        throw error;
      }
    }
    return {
      documentId,
      number: row.number,
      title: row.title,
      mediaType: row.mediaType,
      sha256: row.sha256,
      bytes,
    };
  }

  return {
    start(session) {
      const previous = active;
      if (previous) previous.controller.abort(new AppError('unavailable', 'Documents stopped.'));
      active = {
        session,
        store: openEncryptedBlobStore(blobDirFor(deps.dataDir, session.user.personalCode), session.cacheKey),
        controller: new AbortController(),
        inflight: new Map(),
        round: null,
        again: false,
      };
      progress = IDLE;
    },
    afterPull,
    open,
    progress: () => progress,
    async stop() {
      const a = active;
      if (!a) return;
      // Let go first: downloads slow to stop must not touch the next session's progress.
      active = null;
      progress = IDLE;
      a.controller.abort(new AppError('unavailable', 'Documents stopped.'));
      await a.round?.catch(() => undefined);
      await Promise.allSettled([...a.inflight.values()]);
    },
  };
}
