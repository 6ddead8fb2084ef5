import { AppError, type DocumentDownload, type DocumentInfo } from '../../src-shared/contract/index.js';
import { type EncryptedBlobStore, blobDirFor, openEncryptedBlobStore } from './blob-store.js';
import { type DownloadContext, createBlobDownloader } from './document-download.js';
import { createPlaintextCache, type PlaintextCache } from './document-plaintext.js';
import { FIND, type FoundRow, REFERENCED, WANTED } from './document-queries.js';
import type { ActiveSession } from './session.js';
import { queueLocalRead } from './store/outbox.js';

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

/** A document's facts and its plaintext, for the byte routes of both hosts. */
export interface ReadDocument {
  info: DocumentInfo;
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
  /** The download `open()` waits for: throttled to ~10 a second, always ending with `done: true`. */
  onDownload?: (download: DocumentDownload) => void;
  /** Plaintext of the documents read last kept in memory, at most this many bytes (default 256 MiB). */
  plaintextCacheBytes?: number;
  /** Least time between two `onDownload` reports of one download (default 100 ms). */
  downloadReportMs?: number;
  /** The register refused the token. */
  onUnauthenticated?: () => void;
  /** A read of a restricted document's local copy was queued for the register's log (push it). */
  onQueued?: () => void;
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
  /**
   * The facts of a document of a cached case; a file not in the store is downloaded first (verified,
   * then stored), reported through `onDownload`.
   */
  open(documentId: string): Promise<DocumentInfo>;
  /** The facts and plaintext of a document already in the store (`open()` it first); never downloads. */
  read(documentId: string): Promise<ReadDocument>;
  progress(): DocumentsProgress;
  /**
   * The signed-in user's encrypted blob store opened by `start()` (filing and push use this same
   * one); null when no session is started.
   */
  store(): EncryptedBlobStore | null;
  /** Aborts the downloads and waits for them. */
  stop(): Promise<void>;
}

const IDLE: DocumentsProgress = { running: false, done: 0, total: 0, failed: 0 };

type Watcher = (received: number) => void;

interface Active {
  session: DocumentSession;
  store: EncryptedBlobStore;
  /** What this session's downloads need: its token, store and stop signal, and who watches bytes. */
  download: DownloadContext;
  controller: AbortController;
  inflight: Map<string, Promise<Buffer>>;
  /** Who waits on a download's bytes (by SHA-256): `open()` reporting its progress. */
  watchers: Map<string, Set<Watcher>>;
  plaintext: PlaintextCache;
  round: Promise<DocumentsProgress> | null;
  again: boolean;
}

export function createDocumentsService(deps: DocumentsDeps): DocumentsService {
  const baseUrl = deps.baseUrl.replace(/\/+$/, '');
  const concurrency = Math.max(deps.concurrency ?? 3, 1);
  const horizonMs = (deps.horizonDays ?? 14) * 86_400_000;
  const now = deps.now ?? (() => new Date());
  const download = createBlobDownloader({
    baseUrl,
    fetch: deps.fetch,
    recordBytes: deps.recordBytes,
    timeoutMs: deps.timeoutMs,
  });
  const reportMs = deps.downloadReportMs ?? 100;
  const logError = deps.logError ?? ((message: string, error: unknown) => console.error(message, error));
  let active: Active | null = null;
  let progress: DocumentsProgress = IDLE;

  function report(a: Active, patch: Partial<DocumentsProgress>): void {
    if (active !== a) return;
    progress = { ...progress, ...patch };
    deps.onProgress?.(progress);
  }

  /** Concurrent asks for one file share one download. */
  function fetchShared(a: Active, sha256: string, size: number | null): Promise<Buffer> {
    const running = a.inflight.get(sha256);
    if (running) return running;
    const started = download(a.download, sha256, size).finally(() => a.inflight.delete(sha256));
    a.inflight.set(sha256, started);
    return started;
  }

  async function round(a: Active): Promise<DocumentsProgress> {
    const db = a.session.cache;
    const referenced = new Set(db.prepare(REFERENCED).pluck().all() as string[]);
    a.store.retainOnly(referenced);
    a.plaintext.retainOnly(referenced);
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

  function find(a: Active, documentId: string): { row: FoundRow; info: DocumentInfo } {
    const row = a.session.cache.prepare(FIND).get(documentId) as FoundRow | undefined;
    if (!row) throw new AppError('not_found', `No document ${documentId} in the cases on this computer.`);
    const info: DocumentInfo = {
      documentId,
      caseId: row.caseId,
      caseNumber: row.caseNumber,
      number: row.number,
      title: row.title,
      mediaType: row.mediaType,
      sha256: row.sha256,
      size: row.size ?? 0,
      pages: row.pages,
      restricted: row.restricted === 1,
    };
    return { row, info };
  }

  /** Downloads a missing file for `open()`, reporting its progress (throttled) and always its end. */
  async function fetchReported(a: Active, documentId: string, row: FoundRow): Promise<Buffer> {
    const total = row.size;
    let last = 0;
    let received = 0;
    const emit = (done: boolean): void => {
      if (active !== a) return;
      try {
        deps.onDownload?.({ documentId, received, total, done });
      } catch (error) {
        logError('A download report failed', error);
      }
    };
    const watch: Watcher = (bytes) => {
      received = bytes;
      const at = Date.now();
      if (at - last < reportMs) return;
      last = at;
      emit(false);
    };
    const watchers = a.watchers.get(row.sha256) ?? new Set<Watcher>();
    a.watchers.set(row.sha256, watchers);
    watchers.add(watch);
    emit(false);
    last = Date.now();
    try {
      const bytes = await fetchShared(a, row.sha256, row.size);
      received = bytes.byteLength;
      return bytes;
    } finally {
      watchers.delete(watch);
      if (watchers.size === 0 && a.watchers.get(row.sha256) === watchers) a.watchers.delete(row.sha256);
      emit(true);
    }
  }

  /**
   * The user opens a document already on this computer: the register saw its download, not this read.
   * A restricted one is reported for the register's read log (§18¹) through the outbox.
   */
  function readLocally(a: Active, info: DocumentInfo): DocumentInfo {
    if (!info.restricted) return info;
    queueLocalRead(a.session.cache, info, now());
    deps.onQueued?.();
    return info;
  }

  async function open(documentId: string): Promise<DocumentInfo> {
    const a = active;
    if (!a) throw new AppError('unauthenticated', 'Sign in to open documents.');
    const { row, info } = find(a, documentId);
    if (a.plaintext.get(row.sha256)) return readLocally(a, info);
    // Present and sound: nothing to fetch. The check decrypts it, so the plaintext is kept for the reads.
    const found = a.store.read(row.sha256);
    if (found.kind === 'ok') {
      a.plaintext.put(row.sha256, found.bytes);
      return readLocally(a, info);
    }
    // A file that fails its check is dropped and fetched again.
    if (found.kind === 'corrupt') a.store.remove(row.sha256);
    try {
      a.plaintext.put(row.sha256, await fetchReported(a, documentId, row));
    } catch (error) {
      if (error instanceof AppError && error.code === 'unavailable')
        throw new AppError(
          'unavailable',
          'This document has not been downloaded to this computer and the register cannot be reached.',
        );
      if (error instanceof AppError && error.code === 'unauthenticated') deps.onUnauthenticated?.();
      throw error;
    }
    return info;
  }

  async function read(documentId: string): Promise<ReadDocument> {
    const a = active;
    if (!a) throw new AppError('unauthenticated', 'Sign in to read documents.');
    const { row, info } = find(a, documentId);
    const held = a.plaintext.get(row.sha256);
    if (held) return { info, bytes: held };
    const found = a.store.read(row.sha256);
    if (found.kind === 'ok') {
      a.plaintext.put(row.sha256, found.bytes);
      return { info, bytes: found.bytes };
    }
    if (found.kind === 'corrupt') a.store.remove(row.sha256);
    throw new AppError(
      'not_found',
      `Document ${info.number} is not on this computer: open it first, which downloads it.`,
    );
  }

  return {
    start(session) {
      const previous = active;
      if (previous) {
        previous.plaintext.clear();
        previous.controller.abort(new AppError('unavailable', 'Documents stopped.'));
      }
      const store = openEncryptedBlobStore(
        blobDirFor(deps.dataDir, session.user.personalCode),
        session.cacheKey,
      );
      const controller = new AbortController();
      const watchers = new Map<string, Set<Watcher>>();
      active = {
        session,
        store,
        download: {
          token: session.token,
          store,
          signal: controller.signal,
          received: (sha256, bytes) => {
            for (const watch of watchers.get(sha256) ?? []) watch(bytes);
          },
        },
        controller,
        inflight: new Map(),
        watchers,
        plaintext: createPlaintextCache(deps.plaintextCacheBytes),
        round: null,
        again: false,
      };
      progress = IDLE;
    },
    afterPull,
    open,
    read,
    progress: () => progress,
    store: () => active?.store ?? null,
    async stop() {
      const a = active;
      if (!a) return;
      // Let go first: downloads slow to stop must not touch the next session's progress.
      active = null;
      progress = IDLE;
      a.plaintext.clear();
      a.controller.abort(new AppError('unavailable', 'Documents stopped.'));
      await a.round?.catch(() => undefined);
      await Promise.allSettled([...a.inflight.values()]);
    },
  };
}
