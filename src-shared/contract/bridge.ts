import { type Channel, CHANNEL_NAMES, type ChannelInput, type ChannelOutput } from './channels.js';
import { EVENT_NAMES, type EventName, type EventPayload } from './events.js';
import type { Result } from './result.js';

/** How a host carries calls and events; the preload and the browser bridge each supply one. */
export interface BridgeTransport {
  invoke(channel: Channel, input: unknown): Promise<Result<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
  /** Where the page reads a document's bytes (see DOCUMENT_PATH_PREFIX / DOCUMENT_SCHEME in viewer.ts). */
  documentUrl(documentId: string): string;
}

type Camel<S extends string> = S extends `${infer A}:${infer B}` ? `${A}${Capitalize<B>}` : S;

/** `window.chambers`: one named function per channel, plus typed event subscriptions. */
export type ChambersApi = {
  readonly [C in Channel as Camel<C>]: ChannelInput<C> extends undefined | void
    ? (input?: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>
    : (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
} & {
  readonly on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => () => void;
  /** The URL of a document's bytes for pdf.js (GET with Range); `documents:open` it first. */
  readonly documentUrl: (documentId: string) => string;
};

export function methodName(channel: Channel): string {
  return channel.replace(/:(\w)/, (_, c: string) => c.toUpperCase());
}

/** Builds the frozen API object from the contract; no channel name is written by hand. */
export function createBridge(transport: BridgeTransport): ChambersApi {
  const api: Record<string, unknown> = {};
  for (const channel of CHANNEL_NAMES) {
    api[methodName(channel)] = (input?: unknown) => transport.invoke(channel, input);
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event ${String(event)}`);
    return transport.subscribe(event, listener);
  };
  api.documentUrl = (documentId: string) => transport.documentUrl(documentId);
  return Object.freeze(api) as ChambersApi;
}
