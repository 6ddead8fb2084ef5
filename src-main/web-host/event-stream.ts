import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventBus } from '../services/events.js';

const HEARTBEAT_MS = 15_000;

/** Forwards every host event to one page as Server-Sent Events until the page goes away. */
export function openEventStream(req: IncomingMessage, res: ServerResponse, events: EventBus): () => void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  res.write('retry: 2000\n: connected\n\n');

  const unsubscribe = events.subscribeAll((event, payload) => {
    res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  // Comments keep idle proxies and the browser from deciding the stream is dead.
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
  heartbeat.unref();

  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    res.end();
  };
  req.on('close', close);
  res.on('close', close);
  return close;
}
