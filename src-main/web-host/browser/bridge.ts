// bridge.js: window.chambers for the browser host, over fetch and Server-Sent Events.
// It runs before the renderer's own scripts (the host injects it first in <head>).
import { z } from 'zod';
import {
  AppErrorShape,
  type BridgeTransport,
  createBridge,
  DOCUMENT_PATH_PREFIX,
  type EventName,
  events,
  type Result,
} from '../../../src-shared/contract/index.js';
import './global.js';

const ResultBody = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: AppErrorShape }),
]);

const unavailable = (message: string): Result<never> => ({
  ok: false,
  error: { code: 'unavailable', message },
});

async function invoke(channel: string, input: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/ipc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input }),
    });
  } catch {
    return unavailable('Chambers is not reachable. Is it still running?');
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return unavailable(`Chambers answered with HTTP ${response.status} and no result.`);
  }
  const parsed = ResultBody.safeParse(body);
  return parsed.success
    ? (parsed.data as Result<unknown>)
    : unavailable('Chambers sent an answer the page cannot read.');
}

/** One EventSource for the whole page, with listeners per event; reopened if the browser gives up. */
function createEventChannel() {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;
  let retryMs = 1000;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const deliver = (event: EventName) => (message: MessageEvent<string>) => {
    let data: unknown;
    try {
      data = JSON.parse(message.data);
    } catch {
      return;
    }
    const payload = events[event].safeParse(data);
    if (!payload.success) return;
    for (const listener of [...(listeners.get(event) ?? [])]) listener(payload.data);
  };

  function open(): void {
    const next = new EventSource('/events');
    source = next;
    for (const event of listeners.keys()) next.addEventListener(event, deliver(event));
    next.onopen = () => {
      retryMs = 1000;
    };
    // The browser retries by itself unless the stream was refused; then try again with backoff.
    next.onerror = () => {
      if (next.readyState !== EventSource.CLOSED || source !== next) return;
      source = null;
      retryTimer = setTimeout(open, retryMs);
      retryMs = Math.min(retryMs * 2, 30_000);
    };
  }

  return (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    let set = listeners.get(event);
    if (!set) {
      set = new Set();
      listeners.set(event, set);
      source?.addEventListener(event, deliver(event));
    }
    set.add(listener);
    if (!source && retryTimer === undefined) open();
    return () => {
      set.delete(listener);
    };
  };
}

const subscribe = createEventChannel();
const transport: BridgeTransport = {
  invoke,
  subscribe,
  documentUrl: (documentId) => DOCUMENT_PATH_PREFIX + encodeURIComponent(documentId),
};

Object.defineProperty(window, 'chambers', {
  value: createBridge(transport),
  writable: false,
  configurable: false,
  enumerable: true,
});
