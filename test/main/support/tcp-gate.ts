import { createServer, type Server, type Socket, connect } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP relay in front of a real register, on a port of its own: `close()` makes the register
 * unreachable for the desktop (connection refused, like a cut network) without stopping it, and
 * `open()` brings it back on the same address, so the origin the desktop signs for stays the same.
 */
export interface TcpGate {
  url: string;
  /** Where connections go; set once the register listens. */
  target: string | null;
  close(): Promise<void>;
  open(): Promise<void>;
  stop(): Promise<void>;
}

export async function startTcpGate(targetUrl: string | null = null): Promise<TcpGate> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;

  const listen = async (): Promise<void> => {
    const created = createServer((client) => {
      if (!gate.target) {
        client.destroy();
        return;
      }
      const target = new URL(gate.target);
      const upstream = connect(Number(target.port), target.hostname);
      sockets.add(client).add(upstream);
      const drop = (): void => {
        client.destroy();
        upstream.destroy();
        sockets.delete(client);
        sockets.delete(upstream);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      created.once('error', reject);
      created.listen(port, '127.0.0.1', () => resolve());
    });
    port = (created.address() as AddressInfo).port;
    server = created;
  };
  const close = async (): Promise<void> => {
    const running = server;
    if (!running) return;
    server = null;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    await new Promise<void>((resolve) => running.close(() => resolve()));
  };

  await listen();
  const gate: TcpGate = {
    url: `http://127.0.0.1:${port}`,
    target: targetUrl,
    close,
    open: async () => {
      if (!server) await listen();
    },
    stop: close,
  };
  return gate;
}
