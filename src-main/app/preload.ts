// Runs sandboxed before the page: it exposes a frozen object of named functions generated from the
// contract, and never `ipcRenderer` itself. Bundled to one CommonJS file that requires only electron.
import { contextBridge, ipcRenderer } from 'electron';
import {
  type BridgeTransport,
  createBridge,
  DOCUMENT_SCHEME,
  type EventName,
  err,
  isEventName,
  type Result,
} from '../../src-shared/contract/index.js';
import { EVENT_CHANNEL } from './event-channel.js';

const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

// One IPC listener for all events; the page's listeners get only the payload, never the IPC event.
ipcRenderer.on(EVENT_CHANNEL, (_event, message: unknown) => {
  if (typeof message !== 'object' || message === null) return;
  const { event, payload } = message as { event?: unknown; payload?: unknown };
  if (typeof event !== 'string' || !isEventName(event)) return;
  for (const listener of [...(listeners.get(event) ?? [])]) {
    try {
      listener(payload);
    } catch (error) {
      console.error(`A listener of ${event} failed`, error);
    }
  }
});

const transport: BridgeTransport = {
  async invoke(channel, input) {
    try {
      return (await ipcRenderer.invoke(channel, input)) as Result<unknown>;
    } catch {
      return err('unavailable', 'Chambers did not answer. Restart it if this keeps happening.');
    }
  },
  subscribe(event, listener) {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    // A listener added twice is two subscriptions, each with its own unsubscribe.
    const wrapped = (payload: unknown) => listener(payload);
    set.add(wrapped);
    return () => void set.delete(wrapped);
  },
  documentUrl: (documentId) => `${DOCUMENT_SCHEME}://document/${encodeURIComponent(documentId)}`,
};

contextBridge.exposeInMainWorld('chambers', createBridge(transport));
