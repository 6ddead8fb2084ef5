import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DOCUMENT_PATH_PREFIX, err } from '../../src-shared/contract/index.js';
import { createInvoker } from '../ipc/handler-registry.js';
import type { Services } from '../services/index.js';
import { serveDocument } from './document-route.js';
import { openEventStream } from './event-stream.js';
import { handleCall, sendResult } from './ipc-route.js';
import {
  checkCaller,
  newToken,
  readCookie,
  SECURITY_HEADERS,
  sameSecret,
  TOKEN_COOKIE,
  tokenCookie,
} from './security.js';
import { serveStatic } from './static-files.js';

export interface WebHostOptions {
  services: Services;
  /** The renderer build (`dist/renderer`). */
  rendererDir: string;
  /** 0 or undefined: any free port. */
  port?: number;
}

export interface WebHost {
  /** `http://127.0.0.1:PORT/?token=…`: opening it once lets that browser in. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

/** The browser host: the services' contract over loopback HTTP for any Chromium. */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = newToken();
  const invoke = createInvoker(opts.services.handlers);
  const streams = new Set<() => void>();
  let port = 0;

  function refuse(res: ServerResponse, pathname: string, status: number, message: string): void {
    if (pathname.startsWith('/ipc/')) {
      return sendResult(res, err(status === 401 ? 'unauthenticated' : 'forbidden', message), status);
    }
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end(message);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    const caller = checkCaller(req, port);
    if ('status' in caller) return refuse(res, rawPath, caller.status, caller.message);
    const url = new URL(req.url ?? '/', caller.origin);

    const offered = url.searchParams.get('token');
    if (req.method === 'GET' && url.pathname === '/' && offered !== null) {
      if (!sameSecret(offered, token))
        return refuse(res, url.pathname, 401, 'This access token is not valid.');
      res.writeHead(303, { location: '/', 'set-cookie': tokenCookie(token), 'cache-control': 'no-store' });
      return void res.end();
    }
    const cookie = readCookie(req, TOKEN_COOKIE);
    if (cookie === undefined || !sameSecret(cookie, token)) {
      return refuse(
        res,
        url.pathname,
        401,
        'Open Chambers with the address it printed at start; it carries the access token.',
      );
    }

    if (url.pathname.startsWith('/ipc/')) {
      let channel: string;
      try {
        channel = decodeURIComponent(url.pathname.slice('/ipc/'.length));
      } catch {
        return sendResult(res, err('invalid_input', 'Malformed channel name.'));
      }
      return handleCall(req, res, channel, invoke);
    }
    if (url.pathname.startsWith(DOCUMENT_PATH_PREFIX)) {
      return serveDocument(req, res, url.pathname, opts.services.documents);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return refuse(res, url.pathname, 405, 'Method not allowed.');
    }
    if (url.pathname === '/events') {
      const close = openEventStream(req, res, opts.services.events);
      streams.add(close);
      res.on('close', () => streams.delete(close));
      return;
    }
    return serveStatic(req, res, opts.rendererDir, url.pathname);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('Web host request failed', error);
      if (!res.headersSent) refuse(res, req.url ?? '/', 500, 'Internal error.');
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    async close() {
      for (const close of [...streams]) close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
