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
