import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { AppError } from '../../../platform/chambers';
import { applyMinutesOps, minutesKeys, type Minutes, type MinutesOp } from '../api/minutes-queries';
import { enqueue } from '../../../../src-shared/domain/minutes-ops';
import { applyLocal } from '../lib/apply-local';

/** Changes go to the host at most this often: one batch per interval, one batch in flight. */
export const MINUTES_SEND_INTERVAL_MS = 200;
/** A failed batch is sent again after this long (and at once with the next flush). */
export const MINUTES_RETRY_MS = 2_000;
/** The host takes at most this many ops in one `minutes:apply`. */
const MAX_BATCH = 500;

export type MinutesSaveState = 'idle' | 'saving' | 'saved' | 'failed' | 'refused';

export interface MinutesSync {
  /** The minutes as this view has them: the host's copy with every change made here applied. */
  minutes: Minutes;
  /** Applies changes here at once and queues them for the host. */
  apply(...ops: MinutesOp[]): void;
  /** Sends what is queued now (blur, hide, leave). */
  flush(): void;
  /** Resolves once nothing is queued and nothing in flight (before finalising or exporting). */
  settle(): Promise<void>;
  state: MinutesSaveState;
  /** The time of the last durable save (the minutes' own `savedAt` until this view saves). */
  savedAt: string;
  error: unknown;
  /** Ops not yet durable (queued or in flight). */
  pending: number;
}

/** Fields the host owns: taken from a fresher copy even while changes made here wait to be saved. */
const hostFields = (m: Minutes) => ({
  status: m.status,
  revision: m.revision,
  approvedBy: m.approvedBy,
  approvedAt: m.approvedAt,
  deadline: m.deadline,
  filing: m.filing,
  audioFileName: m.audioFileName,
});

/**
 * Never lose a keystroke: every change is applied to the view's copy at once and queued as a
 * MinutesOp; the queue goes to the host (`minutes:apply`, durable on disk when it answers) at most
 * every MINUTES_SEND_INTERVAL_MS, with one batch in flight and whatever was queued meanwhile sent
 * next. A failed batch goes back to the head of the queue and is retried; nothing is dropped.
 * Blur (the caller's), hiding or closing the window and leaving the screen send at once.
 */
export function useMinutesSync(source: Minutes): MinutesSync {
  const queryClient = useQueryClient();
  const [minutes, setMinutes] = useState(source);
  const [seen, setSeen] = useState(source);
  const [state, setState] = useState<MinutesSaveState>('idle');
  const [savedAt, setSavedAt] = useState(source.savedAt);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(0);

  const minutesRef = useRef(source);
  const queueRef = useRef<MinutesOp[]>([]);
  const inFlightRef = useRef<{ promise: Promise<void>; size: number } | null>(null);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastSendRef = useRef(Number.NEGATIVE_INFINITY);
  const urgentRef = useRef(false);
  const refusedRef = useRef(false);
  const lastErrorRef = useRef<unknown>(null);
  const revisionRef = useRef(source.revision);
  const sendRef = useRef<() => Promise<void>>(() => Promise.resolve());

  const countPending = () => queueRef.current.length + (inFlightRef.current?.size ?? 0);

  // A fresher copy from the host (a status change, a refetch): taken whole when nothing waits.
  if (source !== seen) {
    // (Render-time adoption, as React recommends for state derived from a changed prop.)
    setSeen(source);
    // A copy read before our last batch landed is not newer than what this view shows.
    const idle =
      queueRef.current.length === 0 && inFlightRef.current === null && source.revision >= revisionRef.current;
    const next =
      idle || source.id !== minutesRef.current.id ? source : { ...minutesRef.current, ...hostFields(source) };
    minutesRef.current = next;
    setMinutes(next);
    if (idle && Date.parse(source.savedAt) > Date.parse(savedAt)) setSavedAt(source.savedAt);
    if (refusedRef.current && source.status === 'draft') {
      // Reopened: what waited is sent now.
      refusedRef.current = false;
      urgentRef.current = true;
    }
  }

  const clearTimer = () => {
    if (timerRef.current !== null) clearTimeout(timerRef.current);
    timerRef.current = null;
  };

  const later = useCallback((delay: number) => {
    if (timerRef.current !== null) return;
    timerRef.current = setTimeout(() => {
      timerRef.current = null;
      void sendRef.current();
    }, delay);
  }, []);

  const send = useCallback((): Promise<void> => {
    const inFlight = inFlightRef.current;
    if (inFlight) {
      // The batch after it goes as soon as it answers.
      urgentRef.current = true;
      return inFlight.promise;
    }
    clearTimer();
    urgentRef.current = false;
    if (queueRef.current.length === 0 || refusedRef.current) return Promise.resolve();
    const minutesId = minutesRef.current.id;
    const batch = queueRef.current.splice(0, MAX_BATCH);
    lastSendRef.current = Date.now();
    setState('saving');
    const promise = (async () => {
      try {
        const answer = await applyMinutesOps(minutesId, batch);
        inFlightRef.current = null;
        revisionRef.current = Math.max(revisionRef.current, answer.revision);
        setSavedAt(answer.savedAt);
        setError(null);
        if (batch.some((op) => op.op === 'recording'))
          // The audio file name is the host's: read it again once nothing waits.
          void queryClient.invalidateQueries({ queryKey: minutesKeys.detail(minutesId), exact: true });
        if (queueRef.current.length > 0) {
          if (urgentRef.current) void sendRef.current();
          else later(Math.max(0, MINUTES_SEND_INTERVAL_MS - (Date.now() - lastSendRef.current)));
          setState('saving');
        } else setState('saved');
      } catch (failure) {
        // Back to the head of the queue, before anything typed meanwhile: nothing is lost.
        queueRef.current.unshift(...batch);
        inFlightRef.current = null;
        setError(failure);
        lastErrorRef.current = failure;
        if (failure instanceof AppError && failure.code === 'conflict') {
          // The minutes are no longer a draft (finalised elsewhere): waits for "reopen".
          refusedRef.current = true;
          setState('refused');
        } else {
          setState('failed');
          later(MINUTES_RETRY_MS);
        }
      } finally {
        setPending(countPending());
      }
    })();
    inFlightRef.current = { promise, size: batch.length };
    setPending(countPending());
    return promise;
  }, [later, queryClient]);
  sendRef.current = send;

  const apply = useCallback(
    (...ops: MinutesOp[]) => {
      const now = new Date().toISOString();
      let next = minutesRef.current;
      for (const op of ops) {
        next = applyLocal(next, op, now);
        enqueue(queueRef.current, op);
      }
      minutesRef.current = next;
      setMinutes(next);
      setPending(countPending());
      if (refusedRef.current) return;
      if (inFlightRef.current === null) later(MINUTES_SEND_INTERVAL_MS);
      setState((current) => (current === 'failed' ? current : 'saving'));
    },
    [later],
  );

  const flush = useCallback(() => {
    refusedRef.current = false;
    void send();
  }, [send]);

  const settle = useCallback(async () => {
    await send();
    while (inFlightRef.current) await inFlightRef.current.promise;
    if (queueRef.current.length > 0) {
      // One more try now; still failing, the caller must not act on a stale copy.
      await send();
      if (queueRef.current.length > 0)
        throw lastErrorRef.current ?? new AppError('unavailable', 'Not saved.');
    }
  }, [send]);

  useEffect(() => {
    if (urgentRef.current && inFlightRef.current === null && queueRef.current.length > 0) void send();
  }, [seen, send]);

  // Hiding or closing the window, and leaving the screen, send what waits at once.
  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void sendRef.current();
    };
    const onPageHide = () => void sendRef.current();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
      void sendRef.current();
    };
  }, []);

  return { minutes, apply, flush, settle, state, savedAt, error, pending };
}
