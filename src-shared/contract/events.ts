import { z } from 'zod';
import { SessionEndReason } from './id-card.js';
import { DocumentsProgress } from './notes.js';
import { SyncStatus } from './sync-status.js';
import { draftingEvents } from './drafting.js';
import { minutesEvents } from './minutes.js';
import { viewerEvents } from './viewer.js';

/** Events the desktop host sends to the renderer; each carries only its payload. */
export const events = {
  'sync:status': SyncStatus,
  'cases:changed': z.object({ caseIds: z.array(z.string()) }),
  'session:changed': z.object({ signedIn: z.boolean(), reason: SessionEndReason.optional() }),
  /** A card was inserted or removed, or the reader module changed: ask `card:list` again. */
  'card:changed': z.object({ cards: z.number().int().min(0) }),
  'documents:progress': DocumentsProgress,
  ...viewerEvents,
  ...draftingEvents,
  ...minutesEvents,
} as const satisfies Record<string, z.ZodType>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}
