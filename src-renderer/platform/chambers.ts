// The renderer's only door to the system. The host (Electron preload or the browser host's
// bridge.js) installs `window.chambers` before the app's module runs.
import type { ChambersApi } from '../../src-shared/contract/bridge';
import type { EventName, EventPayload } from '../../src-shared/contract/events';
import { AppError, type Result } from '../../src-shared/contract/result';

declare global {
  interface Window {
    chambers?: ChambersApi;
  }
}

export function hasChambers(): boolean {
  return typeof window !== 'undefined' && window.chambers !== undefined;
}

export function chambers(): ChambersApi {
  const api = window.chambers;
  if (!api)
    throw new AppError(
      'unavailable',
      'window.chambers is missing: the page was not opened by a Chambers host',
    );
  return api;
}

/**
 * A failed Result becomes a thrown AppError, so React Query sees it as an error with its code;
 * `reason` and `details` ride along, so the UI can say what exactly happened (`pin_incorrect`, …).
 */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  const { code, message, reason, details } = result.error;
  throw new AppError(code, message, { reason, details });
}

/** Calls one bridge function and unwraps its Result; feature `api/` modules go through this. */
export async function call<T>(invoke: (api: ChambersApi) => Promise<Result<T>>): Promise<T> {
  return unwrap(await invoke(chambers()));
}

/** Where the page reads a document's bytes (Range requests); `documents:open` it first. */
export function documentUrl(documentId: string): string {
  return chambers().documentUrl(documentId);
}

/** Host events (sync progress, changed cases, session); returns the unsubscribe function. */
export function onHostEvent<E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  return chambers().on(event, listener);
}

export { AppError };
