import type { EventName, EventPayload } from '../../../src-shared/contract/index.js';
import type { EventBus } from '../../../src-main/services/events.js';

/** Resolves with the first payload of `event` that satisfies `accept` (current or future). */
export function nextEvent<E extends EventName>(
  events: EventBus,
  event: E,
  accept: (payload: EventPayload<E>) => boolean = () => true,
): Promise<EventPayload<E>> {
  return new Promise((resolve) => {
    const off = events.subscribe(event, (payload) => {
      if (!accept(payload)) return;
      off();
      resolve(payload);
    });
  });
}

/**
 * `nextEvent` with a deadline: past `ms` it fails with what the bus carried meanwhile, so a test that
 * waits in vain says what happened instead of timing out silently.
 */
export function nextEventWithin<E extends EventName>(
  events: EventBus,
  event: E,
  ms: number,
  accept: (payload: EventPayload<E>) => boolean = () => true,
): Promise<EventPayload<E>> {
  const seen: string[] = [];
  const started = Date.now();
  const stopRecording = events.subscribeAll((name, payload) => {
    seen.push(`+${Date.now() - started} ms ${name} ${JSON.stringify(payload).slice(0, 300)}`);
    if (seen.length > 30) seen.shift();
  });
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(`no ${event} event as awaited within ${ms} ms; the bus carried:\n${seen.join('\n')}`),
        ),
      ms,
    );
  });
  return Promise.race([nextEvent(events, event, accept), late]).finally(() => {
    clearTimeout(timer);
    stopRecording();
  });
}
