import { AppError } from '../../src-shared/contract/index.js';
import { type BackoffPolicy, fullJitterDelay } from './backoff.js';
import type { SyncMutationResult } from '../../src-shared/register-api/index.js';
import type { EventBus } from './events.js';
import type { Filing } from './filing-types.js';
import { type FilingUploadDeps, PERMANENT, uploadFilings } from './filing-upload.js';
import type { RegisterClient } from './register-client.js';
import type { CacheDb } from './store/cache.js';
import { applyAnnotationResult } from './store/annotation-results.js';
import { DOCUMENT_FILE, applyFilingResult, failFiling } from './store/filings-store.js';
import { notePutApplied, notePutConflicted } from './store/notes-store.js';
import {
  DOCUMENT_READ,
  type OutboxRow,
  type OutboxStatus,
  markSending,
  noteTemporaryError,
  outboxStatus,
  pruneDone,
  sendable,
  setState,
  toMutation,
} from './store/outbox.js';

/** What the push needs of a session: the register token and the user's cache. */
export interface PushSession {
  readonly token: string;
  readonly cache: CacheDb;
}

export type PushStop = 'offline' | 'unauthenticated' | 'aborted';

export interface PushReport {
  /** Mutations the register answered in this round. */
  sent: number;
  applied: number;
  conflicts: number;
  failed: number;
  /** Why the round ended before the outbox was empty; null when it was emptied. */
  stopped: PushStop | null;
  lastError: string | null;
  /** When the engine tries again after a temporary error (monotonic timer), else null. */
  retryInMs: number | null;
  status: OutboxStatus;
}

export interface PushDeps {
  client: Pick<RegisterClient, 'syncMutations' | 'uploadBlob'>;
  /**
   * `cases:changed` is sent for the cases whose note met a conflict or where a document was filed,
   * `annotations:changed` for the documents whose annotations an answer changed.
   */
  events?: EventBus;
  /** Mutations per request (the register takes at most 100). */
  batchSize?: number;
  /** First retry delay and its cap; each retry draws uniformly below base·2ⁿ (full jitter). */
  backoff?: BackoffPolicy;
  random?: () => number;
  /** The register refused the token. */
  onUnauthenticated?: () => void;
  /** The outbox counts changed: pending, failed, conflicts. */
  onStatus?: (status: OutboxStatus) => void;
  /** Where a filing's bytes are read from before they are uploaded (FilingDeps' `blobStoreFor`). */
  blobStoreFor?: FilingUploadDeps['blobStoreFor'];
  /** A filing reached its end: `filed` with its number, or `failed` with the register's reason. */
  onFiled?: (filing: Filing) => void;
}

export interface PushEngine {
  /** One round: sends until the outbox is empty or a stop. Concurrent callers share the round. */
  push(session: PushSession, signal?: AbortSignal): Promise<PushReport>;
  /** Pushes for this session now, after each `notify()`, and again after backoff on temporary errors. */
  start(session: PushSession): void;
  /** A change was queued: push soon (not before a running backoff ends). */
  notify(): void;
  /** Ends the schedule and aborts the running round; rows left 'sending' go again next time. */
  stop(): Promise<void>;
}

const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };

/**
 * At most one put per note, and one mutation per annotation, in a request: the second is based on
 * the first's answer.
 */
function takeBatch(rows: readonly OutboxRow[], size: number): OutboxRow[] {
  const batch: OutboxRow[] = [];
  const notes = new Set<string>();
  const annotations = new Set<string>();
  for (const row of rows) {
    if (batch.length >= size) break;
    if (row.kind === 'case.note.put') {
      if (notes.has(row.caseId)) break;
      notes.add(row.caseId);
    }
    if ('annotationId' in row.payload) {
      if (annotations.has(row.payload.annotationId)) break;
      annotations.add(row.payload.annotationId);
    }
    batch.push(row);
  }
  return batch;
}

type Outcome = 'applied' | 'conflict' | 'failed';

/** What a round's answers touched, for the events and hooks sent at its end. */
interface Touched {
  cases: Set<string>;
  documents: Set<string>;
  filings: Filing[];
}

function applyResult(db: CacheDb, row: OutboxRow, result: SyncMutationResult, touched: Touched): Outcome {
  if (row.kind === DOCUMENT_FILE) {
    const effect = applyFilingResult(db, row, result);
    if (effect.filing) touched.filings.push(effect.filing);
    if (effect.caseId) touched.cases.add(effect.caseId);
    return effect.outcome;
  }
  if (row.kind === DOCUMENT_READ) {
    // A read report the register refuses (the case is no longer the user's) is nothing to mend or
    // retry: the row ends, with the reason kept.
    const refused = result.status === 'rejected' ? `${result.code}: ${result.reason}` : null;
    setState(db, row.seq, 'done', refused);
    return refused ? 'failed' : 'applied';
  }
  if (row.kind === 'annotation.put' || row.kind === 'annotation.delete') {
    const effect = applyAnnotationResult(db, row, result);
    for (const id of effect.documentIds) touched.documents.add(id);
    return effect.outcome;
  }
  if (result.status === 'rejected') {
    setState(db, row.seq, 'failed', `${result.code}: ${result.reason}`);
    return 'failed';
  }
  const note = result.record.type === 'case-note' ? result.record.note : null;
  if (result.status === 'applied') {
    if (row.kind === 'case.note.put') notePutApplied(db, row, note);
    else setState(db, row.seq, 'done');
    return 'applied';
  }
  if (row.kind === 'case.note.put') {
    notePutConflicted(db, row, note, result.reason);
    return 'conflict';
  }
  // A step based on a case that changed: shown as a failure with the reason; nothing is lost.
  setState(db, row.seq, 'failed', `conflict: ${result.reason}`);
  return 'failed';
}

export function createPushEngine(deps: PushDeps): PushEngine {
  const { client, events } = deps;
  const batchSize = Math.min(Math.max(deps.batchSize ?? 50, 1), 100);
  const backoff = deps.backoff ?? DEFAULT_BACKOFF;
  const random = deps.random ?? Math.random;
  /** Temporary failures in a row; reset by a round that reaches the register. */
  let failures = 0;
  const running = new WeakMap<PushSession, Promise<PushReport>>();

  const retryDelay = (): number => fullJitterDelay(backoff, failures, random);

  async function round(session: PushSession, signal: AbortSignal | undefined): Promise<PushReport> {
    const db = session.cache;
    const report: PushReport = {
      sent: 0,
      applied: 0,
      conflicts: 0,
      failed: 0,
      stopped: null,
      lastError: null,
      retryInMs: null,
      status: outboxStatus(db),
    };
    const touched: Touched = { cases: new Set(), documents: new Set(), filings: [] };
    // After a permanent refusal of a whole request, its rows go one by one to find the bad one.
    let isolateThrough = 0;
    for (;;) {
      if (signal?.aborted) {
        report.stopped = 'aborted';
        break;
      }
      const rows = sendable(db, batchSize);
      const first = rows[0];
      if (!first) break;
      let batch = takeBatch(rows, first.seq <= isolateThrough ? 1 : batchSize);
      markSending(
        db,
        batch.map((row) => row.seq),
      );
      let results: SyncMutationResult[];
      try {
        // A filing's bytes go first; a file refused for good takes only its own row out.
        const uploads = await uploadFilings(deps, session, batch, signal);
        if (uploads.refused.size > 0) {
          touched.filings.push(...uploads.failed);
          report.failed += uploads.refused.size;
          batch = batch.filter((row) => !uploads.refused.has(row.seq));
          deps.onStatus?.(outboxStatus(db));
          if (batch.length === 0) continue;
        }
        ({ results } = await client.syncMutations(
          session.token,
          { mutations: batch.map(toMutation) },
          signal,
        ));
      } catch (error) {
        if (signal?.aborted) {
          report.stopped = 'aborted';
          break;
        }
        const appError =
          error instanceof AppError ? error : new AppError('internal', `Push failed: ${String(error)}`);
        report.lastError = appError.message;
        if (appError.code === 'unauthenticated') {
          report.stopped = 'unauthenticated';
          break;
        }
        if (PERMANENT.has(appError.code)) {
          if (batch.length > 1) {
            isolateThrough = batch.at(-1)!.seq;
            continue;
          }
          const reason = `${appError.code}: ${appError.message}`;
          if (first.kind === DOCUMENT_FILE) {
            const filing = failFiling(db, first, reason);
            if (filing) touched.filings.push(filing);
          } else setState(db, first.seq, 'failed', reason);
          report.failed++;
          continue;
        }
        // Network, timeout, 5xx, an answer that does not parse: the rows wait for the next try.
        noteTemporaryError(
          db,
          batch.map((row) => row.seq),
          appError.message,
        );
        report.stopped = 'offline';
        break;
      }
      const byId = new Map(results.map((result) => [result.id.toLowerCase(), result]));
      let missing = false;
      for (const row of batch) {
        const result = byId.get(row.id);
        if (!result) {
          missing = true;
          continue;
        }
        report.sent++;
        const outcome = applyResult(db, row, result, touched);
        report[outcome === 'applied' ? 'applied' : outcome === 'conflict' ? 'conflicts' : 'failed']++;
        if (outcome === 'conflict' && row.kind === 'case.note.put') touched.cases.add(row.caseId);
      }
      deps.onStatus?.(outboxStatus(db));
      if (missing) {
        // The rows without an answer stay 'sending' and go again with the same id.
        report.lastError = 'The register did not answer every change sent.';
        report.stopped = 'offline';
        break;
      }
    }
    pruneDone(db);
    if (report.stopped === 'offline') {
      failures++;
      report.retryInMs = retryDelay();
    } else if (report.stopped === null) {
      failures = 0;
    }
    if (touched.cases.size > 0) events?.emit('cases:changed', { caseIds: [...touched.cases] });
    if (touched.documents.size > 0)
      events?.emit('annotations:changed', { documentIds: [...touched.documents] });
    for (const filing of touched.filings) deps.onFiled?.(filing);
    report.status = outboxStatus(db);
    deps.onStatus?.(report.status);
    return report;
  }

  function push(session: PushSession, signal?: AbortSignal): Promise<PushReport> {
    const existing = running.get(session);
    if (existing) return existing;
    const started = round(session, signal).finally(() => running.delete(session));
    running.set(session, started);
    return started;
  }

  interface Schedule {
    session: PushSession;
    controller: AbortController;
    timer: NodeJS.Timeout | null;
    /** A backoff is running: notifications wait for it. */
    backingOff: boolean;
    again: boolean;
    current: Promise<PushReport> | null;
  }
  let schedule: Schedule | null = null;

  function run(s: Schedule): void {
    if (schedule !== s || s.current) {
      s.again = true;
      return;
    }
    s.again = false;
    s.backingOff = false;
    s.current = push(s.session, s.controller.signal)
      .then((report) => {
        if (schedule !== s) return report;
        if (report.stopped === 'unauthenticated') {
          deps.onUnauthenticated?.();
        } else if (report.retryInMs !== null) {
          s.backingOff = true;
          s.timer = setTimeout(() => run(s), report.retryInMs);
          s.timer.unref();
        }
        return report;
      })
      .finally(() => {
        s.current = null;
        if (schedule === s && s.again && !s.backingOff) run(s);
      });
    s.current.catch(() => undefined);
  }

  async function stop(): Promise<void> {
    const s = schedule;
    if (!s) return;
    schedule = null;
    if (s.timer) clearTimeout(s.timer);
    s.controller.abort(new AppError('unavailable', 'Push stopped.'));
    await s.current?.catch(() => undefined);
  }

  return {
    push,
    start(session) {
      void stop();
      const s: Schedule = {
        session,
        controller: new AbortController(),
        timer: null,
        backingOff: false,
        again: false,
        current: null,
      };
      schedule = s;
      failures = 0;
      run(s);
    },
    notify() {
      const s = schedule;
      if (!s) return;
      if (s.backingOff || s.current) s.again = true;
      else run(s);
    },
    stop,
  };
}
