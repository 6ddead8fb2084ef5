import type { EventName, EventPayload } from '../../src-shared/contract/index.js';

export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;
export type AnyEventListener = (event: EventName, payload: unknown) => void;

/** Typed events of the desktop host; each host forwards them to its renderer. */
export interface EventBus {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  subscribe<E extends EventName>(event: E, listener: EventListener<E>): () => void;
  /** Every event, for hosts that forward them all (the SSE stream, the Electron window). */
  subscribeAll(listener: AnyEventListener): () => void;
}

export function createEventBus(
  logError = (message: string, error: unknown) => console.error(message, error),
): EventBus {
  const byEvent = new Map<EventName, Set<(payload: unknown) => void>>();
  const all = new Set<AnyEventListener>();

  // One failing listener (a closed connection, a bug) must not starve the others.
  const call = (event: EventName, fn: () => void) => {
    try {
      fn();
    } catch (error) {
      logError(`A listener of ${event} failed`, error);
    }
  };

  return {
    emit(event, payload) {
      for (const listener of [...(byEvent.get(event) ?? [])]) call(event, () => listener(payload));
      for (const listener of [...all]) call(event, () => listener(event, payload));
    },
    subscribe(event, listener) {
      const set = byEvent.get(event) ?? new Set();
      byEvent.set(event, set);
      const wrapped = (payload: unknown) => listener(payload as EventPayload<typeof event>);
      set.add(wrapped);
      return () => void set.delete(wrapped);
    },
    subscribeAll(listener) {
      const wrapped: AnyEventListener = (event, payload) => listener(event, payload);
      all.add(wrapped);
      return () => void all.delete(wrapped);
    },
  };
}
