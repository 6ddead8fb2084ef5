// A fault-injecting TCP proxy for tests: it relays HTTP/1.1 connections (keep-alive included) to a
// target and, per request/response exchange, drops the connection, delays the response, resets the
// connection mid-response or ends it after part of the response — drawn from a seeded PRNG.
import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';
import { mulberry32 } from './determinism.js';

export interface Faults {
  /** Chance that the connection is closed when a request arrives, before it reaches the target. */
  dropRate: number;
  /** Chance that the connection is reset (TCP RST) after part of the response was forwarded. */
  resetRate: number;
  /** Chance that only part of the response is forwarded and the connection then ends (FIN). */
  truncateRate: number;
  /** Chance that the chunks of a response are each held back by a delay from `delayMs`. */
  delayRate: number;
  /** Bounds of a delay in milliseconds. */
  delayMs: readonly [number, number];
  /** Faults only hit requests whose request line (`GET /path HTTP/1.1`) matches; default: all. */
  match?: RegExp;
}

export interface FaultStats {
  connections: number;
  /** Requests seen (a keep-alive connection carries several). */
  exchanges: number;
  drops: number;
  resets: number;
  truncations: number;
  /** Responses whose chunks were delayed, and the chunks. */
  delayedExchanges: number;
  delayedChunks: number;
  bytesToClient: number;
}

export interface FaultProxy {
  url: string;
  readonly stats: FaultStats;
  /** Replaces some of the fault settings; exchanges that already started keep their plan. */
  setFaults(faults: Partial<Faults>): void;
  /** Changes where new connections go. */
  setTarget(target: URL): void;
  close(): Promise<void>;
}

export interface FaultProxyOptions {
  target: URL;
  seed: number;
  faults?: Partial<Faults>;
  /** The port to listen on (127.0.0.1); 0 picks a free one. */
  port?: number;
}

export const NO_FAULTS: Faults = {
  dropRate: 0,
  resetRate: 0,
  truncateRate: 0,
  delayRate: 0,
  delayMs: [0, 0],
};

type Cut = 'reset' | 'truncate';

interface Plan {
  cut: Cut | null;
  delay: boolean;
  /** Bytes of the response forwarded before the cut; fixed when the response head is seen. */
  cutAt: number | null;
  forwarded: number;
  head: Buffer;
}

function checkFaults(faults: Faults): Faults {
  const rates = [faults.dropRate, faults.resetRate, faults.truncateRate, faults.delayRate];
  if (rates.some((r) => !Number.isFinite(r) || r < 0 || r > 1))
    throw new RangeError(`fault rates must be within [0, 1]: ${rates.join(', ')}`);
  if (faults.dropRate + faults.resetRate + faults.truncateRate > 1)
    throw new RangeError('drop, reset and truncate rates must add up to at most 1');
  const [min, max] = faults.delayMs;
  if (!(min >= 0 && max >= min)) throw new RangeError(`bad delay bounds [${min}, ${max}]`);
  return faults;
}

/** The length of the whole response when its head is complete and names a Content-Length. */
function responseLength(head: Buffer): number | null {
  const end = head.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const match = /\r\ncontent-length:\s*(\d+)\r\n/i.exec(head.subarray(0, end + 2).toString('latin1'));
  return match ? end + 4 + Number(match[1]) : null;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const random = mulberry32(options.seed);
  // Delays draw from a stream of their own: how a response is split into chunks varies from run to
  // run, and must not shift the fates of the requests that follow.
  const delayRandom = mulberry32(options.seed ^ 0x9e3779b9);
  let faults = checkFaults({ ...NO_FAULTS, ...options.faults });
  let target = options.target;
  const sockets = new Set<Socket>();
  const stats: FaultStats = {
    connections: 0,
    exchanges: 0,
    drops: 0,
    resets: 0,
    truncations: 0,
    delayedExchanges: 0,
    delayedChunks: 0,
    bytesToClient: 0,
  };
  const between = ([min, max]: readonly [number, number]) =>
    min + Math.floor(delayRandom() * (max - min + 1));

  function relay(client: Socket): void {
    stats.connections += 1;
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    let plan: Plan | null = null;
    let awaitingRequest = true;
    /** Nothing more goes to the client: the connection is being cut or is gone. */
    let cut = false;
    let gone = false;
    const destroy = (): void => {
      cut = true;
      if (gone) return;
      gone = true;
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', destroy).on('close', destroy);
    upstream.on('error', destroy).on('close', () => {
      // After a truncation the client still gets its part and a clean end; it closes on its own.
      if (!cut) destroy();
    });
    upstream.on('end', () => {
      if (!cut) client.end();
    });

    // Requests go through untouched, apart from the drop decided when one begins. A client speaks
    // only after the previous response (no pipelining), so data after a response starts a new one.
    client.on('data', (chunk: Buffer) => {
      if (cut) return;
      if (awaitingRequest) {
        awaitingRequest = false;
        stats.exchanges += 1;
        plan = planExchange(chunk);
        if (plan === null) {
          stats.drops += 1;
          destroy();
          return;
        }
      }
      if (!upstream.write(chunk)) {
        client.pause();
        upstream.once('drain', () => client.resume());
      }
    });

    let queue = Promise.resolve();
    upstream.on('data', (chunk: Buffer) => {
      awaitingRequest = true;
      const current = plan;
      if (!current || cut) return;
      upstream.pause();
      queue = queue
        .then(() => forward(current, chunk))
        .then(() => {
          if (!cut) upstream.resume();
        });
    });

    async function forward(current: Plan, chunk: Buffer): Promise<void> {
      if (cut) return;
      if (current.delay) {
        stats.delayedChunks += 1;
        await sleep(between(faults.delayMs));
        if (cut) return;
      }
      if (current.cut && current.cutAt === null) {
        current.head = Buffer.concat([current.head, chunk]);
        // Cut strictly inside the response: within its whole length when the head names it, else
        // within what has arrived so far.
        const total = responseLength(current.head) ?? current.forwarded + chunk.length;
        if (total > 1) current.cutAt = 1 + Math.floor(random() * (total - 1));
      }
      const { cutAt } = current;
      if (cutAt !== null && current.forwarded + chunk.length >= cutAt) {
        const part = chunk.subarray(0, cutAt - current.forwarded);
        stats.bytesToClient += part.length;
        cut = true;
        upstream.destroy();
        if (current.cut === 'reset') {
          stats.resets += 1;
          client.write(part, () => {
            if (!client.destroyed) client.resetAndDestroy();
            destroy();
          });
        } else {
          stats.truncations += 1;
          client.end(part);
        }
        return;
      }
      current.forwarded += chunk.length;
      stats.bytesToClient += chunk.length;
      if (!client.write(chunk)) await new Promise<void>((resolve) => client.once('drain', resolve));
    }
  }

  /** The fate of a request: null to drop it, else what happens to its response. */
  function planExchange(firstChunk: Buffer): Plan | null {
    const none: Plan = { cut: null, delay: false, cutAt: null, forwarded: 0, head: Buffer.alloc(0) };
    if (faults.match) {
      const line = firstChunk.subarray(0, Math.max(0, firstChunk.indexOf('\r\n'))).toString('latin1');
      if (!faults.match.test(line)) return none;
    }
    const roll = random();
    const delay = random() < faults.delayRate;
    if (roll < faults.dropRate) return null;
    if (delay) stats.delayedExchanges += 1;
    let edge = faults.dropRate + faults.resetRate;
    if (roll < edge) return { ...none, cut: 'reset', delay };
    edge += faults.truncateRate;
    if (roll < edge) return { ...none, cut: 'truncate', delay };
    return { ...none, delay };
  }

  const server: Server = createServer(relay);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    setFaults(next) {
      faults = checkFaults({ ...faults, ...next });
    },
    setTarget(next) {
      target = next;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
