import { useEffect, useRef } from 'react';
import type { ReaderState } from '../lib/viewer-types';

const REPORT_EVERY_MS = 500;

/**
 * Calls `onStateChange` with the reader's state when it changes, at most every 500 ms (the last
 * state of a burst always gets through), and once more when the viewer goes away.
 */
export function useStateReport(
  state: ReaderState,
  onStateChange: ((state: ReaderState) => void) | undefined,
) {
  const latest = useRef(state);
  const callback = useRef(onStateChange);
  const timer = useRef<number | null>(null);
  const lastSent = useRef(JSON.stringify(state));
  const key = JSON.stringify(state);

  useEffect(() => {
    latest.current = state;
    callback.current = onStateChange;
  });

  useEffect(() => {
    if (key === lastSent.current || timer.current !== null) return;
    timer.current = window.setTimeout(() => {
      timer.current = null;
      lastSent.current = JSON.stringify(latest.current);
      callback.current?.(latest.current);
    }, REPORT_EVERY_MS);
  }, [key]);

  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = null;
      lastSent.current = JSON.stringify(latest.current);
      callback.current?.(latest.current);
    },
    [],
  );
}
