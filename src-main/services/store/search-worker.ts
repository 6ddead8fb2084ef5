import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { AppError } from '../../../src-shared/contract/index.js';
import { type CacheDb, type CacheSource, cacheSource, onCacheClose } from './cache.js';

/**
 * Runs read-only queries (the case search) on a worker thread with its own read-only connection to
 * the same encrypted cache file, so a slow search never blocks the main thread. WAL lets it read
 * while the main connection writes; each query sees the last committed state.
 *
 * The worker is a short CommonJS script run with `eval`, so it loads the same way under tsx, Vitest
 * and the bundled Electron host; it is given the driver's resolved path, the file and the key.
 */
export interface SearchWorker {
  /** Runs one SELECT on the worker's connection and returns its rows. */
  all(sql: string, params: Readonly<Record<string, string | number>>): Promise<unknown[]>;
  /** False once the worker crashed or was closed: the caller starts another. */
  alive(): boolean;
  /** Ends the worker; queries still running are refused. */
  close(): Promise<void>;
}

const WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
let db = null;
let openError = null;
try {
  const Database = require(workerData.driver);
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  if (workerData.key !== undefined) {
    db.pragma("cipher = 'sqlcipher'");
    db.pragma("key = '" + workerData.key.replaceAll("'", "''") + "'");
  }
  db.pragma('busy_timeout = 5000');
  db.pragma('temp_store = MEMORY');
  db.prepare('SELECT count(*) FROM sqlite_master').get();
} catch (error) {
  openError = 'The search cannot open the local cache: ' + (error && error.message);
}
parentPort.on('message', (message) => {
  if (openError !== null) return parentPort.postMessage({ id: message.id, error: openError });
  try {
    parentPort.postMessage({ id: message.id, rows: db.prepare(message.sql).all(message.params) });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: String(error && error.message) });
  }
});
`;

const Reply = z.union([
  z.object({ id: z.number().int(), rows: z.array(z.unknown()) }),
  z.object({ id: z.number().int(), error: z.string() }),
]);

interface Pending {
  resolve(rows: unknown[]): void;
  reject(error: Error): void;
}

const driverPath = (): string => createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');

export function startSearchWorker(source: CacheSource): SearchWorker {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driver: driverPath(), file: resolve(source.file), key: source.key },
  });
  // An idle worker does not keep the process alive.
  worker.unref();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let ended: AppError | null = null;

  const failAll = (error: AppError): void => {
    ended ??= error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };

  worker.on('message', (message: unknown) => {
    const reply = Reply.safeParse(message);
    if (!reply.success) {
      failAll(new AppError('internal', 'The search worker sent a message that is not a reply.'));
      void worker.terminate();
      return;
    }
    const waiting = pending.get(reply.data.id);
    if (!waiting) return;
    pending.delete(reply.data.id);
    if ('error' in reply.data) waiting.reject(new AppError('internal', reply.data.error));
    else waiting.resolve(reply.data.rows);
  });
  worker.on('error', (error) =>
    failAll(new AppError('internal', `The search worker failed: ${error.message}`)),
  );
  worker.on('exit', () => failAll(new AppError('unavailable', 'The search was stopped.')));

  return {
    alive: () => ended === null,
    all(sql, params) {
      if (ended) return Promise.reject(ended);
      const id = nextId++;
      return new Promise<unknown[]>((resolvePromise, reject) => {
        pending.set(id, { resolve: resolvePromise, reject });
        worker.ref();
        worker.postMessage({ id, sql, params });
      }).finally(() => {
        if (pending.size === 0) worker.unref();
      });
    },
    async close() {
      failAll(new AppError('unavailable', 'The search was stopped: the session ended.'));
      await worker.terminate();
    },
  };
}

/** One search worker per open cache, shared by whatever searches it (the case list, the search screen). */
export interface SearchWorkers {
  /** The worker of this cache, started on first use; null for an in-memory cache or a closed one. */
  workerFor(cache: CacheDb): SearchWorker | null;
  /**
   * Runs a read on the cache's worker, or on this thread when there is none or it failed (that costs
   * speed, not the answer). `stillCurrent` is asked after the worker answered: the session may have
   * ended or changed hands meanwhile, and then nothing is returned.
   */
  read(
    cache: CacheDb,
    query: { sql: string; params: Readonly<Record<string, string | number>> },
    stillCurrent: () => boolean,
  ): Promise<unknown[]>;
}

/**
 * Keeps the worker of the current cache: a crashed worker, or one left from another cache, is
 * replaced; the worker ends when its cache closes (sign-out, expiry, shutdown).
 */
export function createSearchWorkers(
  start: (source: CacheSource) => SearchWorker = startSearchWorker,
): SearchWorkers {
  let current: { cache: CacheDb; worker: SearchWorker } | null = null;
  function workerFor(cache: CacheDb): SearchWorker | null {
    if (current?.cache === cache && current.worker.alive()) return current.worker;
    if (current) void current.worker.close();
    current = null;
    const source = cacheSource(cache);
    if (!source || !cache.open) return null;
    const entry = { cache, worker: start(source) };
    current = entry;
    onCacheClose(cache, () => {
      void entry.worker.close();
      if (current === entry) current = null;
    });
    return entry.worker;
  }
  return {
    workerFor,
    async read(cache, query, stillCurrent) {
      const worker = workerFor(cache);
      if (!worker) return cache.prepare(query.sql).all(query.params);
      let rows: unknown[] | null = null;
      let failure: unknown = null;
      try {
        rows = await worker.all(query.sql, query.params);
      } catch (error) {
        failure = error;
      }
      if (!stillCurrent() || !cache.open)
        throw new AppError('unauthenticated', 'The session ended during the search.');
      if (rows !== null) return rows;
      console.error('The search worker failed; searching on the main thread.', failure);
      return cache.prepare(query.sql).all(query.params);
    },
  };
}
