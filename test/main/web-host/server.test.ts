import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/contract/index.js';
import { createEventBus, type EventBus } from '../../../src-main/services/events.js';
import type { Services } from '../../../src-main/services/index.js';
import { startWebHost, type WebHost } from '../../../src-main/web-host/server.js';
import { noDocuments, testHandlers } from '../support/handlers.js';
import { rawRequest } from '../support/http.js';

let dir: string;
let host: WebHost;
let cookie: string;
let listeners = 0;
let events: EventBus;

/** The bus with a count of live subscriptions, to see that a closed stream lets go of its listener. */
function countingBus(): EventBus {
  const bus = createEventBus();
  return {
    ...bus,
    subscribeAll(listener) {
      listeners += 1;
      const off = bus.subscribeAll(listener);
      return () => {
        listeners -= 1;
        off();
      };
    },
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chambers-web-host-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>T</title><script type="module" src="/assets/app.js"></script></head><body></body></html>',
  );
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(rendererDir, 'bridge.js'), '// bridge');
  writeFileSync(join(dir, 'secret.txt'), 'TOP SECRET');
  events = countingBus();
  const services: Services = {
    handlers: testHandlers({
      'cases:get': async ({ caseId }) => {
        throw new AppError('not_found', `Case ${caseId} is not in the local cache.`);
      },
    }),
    events,
    documents: noDocuments,
    close: async () => undefined,
  };
  host = await startWebHost({ services, rendererDir });
  const token = new URL(host.url).searchParams.get('token')!;
  const exchange = await rawRequest(`${host.origin}/?token=${encodeURIComponent(token)}`);
  cookie = String(exchange.headers['set-cookie']).split(';')[0]!;
});

afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  rawRequest(`${host.origin}/ipc/${channel}`, {
    method: 'POST',
    headers: { cookie, origin: host.origin, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('access', () => {
  it('listens on 127.0.0.1 and hands out a 32-byte token', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(new URL(host.url).searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('exchanges the token for an HttpOnly SameSite=Strict cookie and redirects to /', async () => {
    const token = new URL(host.url).searchParams.get('token')!;
    const response = await rawRequest(`${host.origin}/?token=${token}`);
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/');
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/^chambers_token=[^;]+; HttpOnly; SameSite=Strict; Path=\/$/);
    const page = await rawRequest(`${host.origin}/`, { headers: { cookie: setCookie.split(';')[0]! } });
    expect(page.status).toBe(200);
  });

  it('refuses requests without the cookie, with a wrong token or a wrong cookie', async () => {
    expect((await rawRequest(`${host.origin}/`)).status).toBe(401);
    expect((await rawRequest(`${host.origin}/assets/app.js`)).status).toBe(401);
    expect((await rawRequest(`${host.origin}/events`)).status).toBe(401);
    expect((await rawRequest(`${host.origin}/?token=wrong`)).status).toBe(401);
    expect(
      (await rawRequest(`${host.origin}/`, { headers: { cookie: 'chambers_token=wrong' } })).status,
    ).toBe(401);
    const refused = await call('app:info', {}, { cookie: '' });
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('refuses a foreign Host header (DNS rebinding), even with a valid cookie', async () => {
    const port = new URL(host.origin).port;
    for (const foreign of [
      `evil.example:${port}`,
      `127.0.0.1:${Number(port) + 1}`,
      '127.0.0.1',
      `localhost.evil:${port}`,
    ]) {
      const response = await rawRequest(`${host.origin}/`, { headers: { host: foreign, cookie } });
      expect(response.status, foreign).toBe(421);
      expect(response.body).not.toContain('<html');
    }
    expect(
      (await rawRequest(`${host.origin}/`, { headers: { host: `localhost:${port}`, cookie } })).status,
    ).toBe(200);
  });

  it('refuses a foreign Origin and a POST without Origin', async () => {
    expect((await call('app:info', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await call('app:info', {}, { origin: 'null' })).status).toBe(403);
    expect(
      (await call('app:info', {}, { origin: `http://localhost:${new URL(host.origin).port}` })).status,
    ).toBe(403);
    expect(
      (await rawRequest(`${host.origin}/`, { headers: { cookie, origin: 'http://evil.example' } })).status,
    ).toBe(403);
    const noOrigin = await rawRequest(`${host.origin}/ipc/app:info`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(noOrigin.status).toBe(403);
    expect(JSON.parse(noOrigin.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses cross-site fetch metadata', async () => {
    expect((await call('app:info', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await call('app:info', {}, { 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await call('app:info', {}, { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });
});

describe('calls', () => {
  it('returns the Result of a valid call', async () => {
    const response = await call('app:info', {});
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(response.body)).toEqual({
      ok: true,
      value: {
        version: 'test',
        host: 'browser',
        registerUrl: 'http://127.0.0.1:1',
        cardModule: '/usr/lib/softhsm/libsofthsm2.so',
      },
    });
  });

  it('answers invalid input with 400 and the reason', async () => {
    const response = await call('session:signIn', { input: { cardId: 'card-1', pin: '12' } });
    expect(response.status).toBe(400);
    const body = JSON.parse(response.body) as { ok: false; error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toMatch(/^pin: /);
  });

  it('maps error codes to statuses with the Result as body', async () => {
    const notFound = await call('cases:get', { input: { caseId: 'c-9' } });
    expect(notFound.status).toBe(404);
    expect(JSON.parse(notFound.body)).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'Case c-9 is not in the local cache.' },
    });
    expect((await call('sync:now', {})).status).toBe(503);
    expect((await call('nope:nothing', {})).status).toBe(400);
  });

  it('refuses bodies that are not a JSON object sent as JSON', async () => {
    expect((await call('app:info', '{}', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await call('app:info', '{not json')).status).toBe(400);
    expect((await call('app:info', '[1]')).status).toBe(400);
    const get = await rawRequest(`${host.origin}/ipc/app:info`, { headers: { cookie } });
    expect(get.status).toBe(405);
  });

  it('refuses a body over 1 MiB', async () => {
    const response = await call('cases:list', { input: { text: 'x'.repeat(1024 * 1024 + 10) } });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('events', () => {
  it('streams events as SSE and lets go of the listener on disconnect', async () => {
    const before = listeners;
    const received = await new Promise<string>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: new URL(host.origin).port, path: '/events', headers: { cookie } },
        (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            if (text.includes(': connected')) events.emit('cases:changed', { caseIds: ['c-1'] });
            if (text.includes('\n\nevent: cases:changed')) {
              const end = text.indexOf('\n\n', text.indexOf('event: cases:changed'));
              if (end < 0) return;
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('event: cases:changed\ndata: {"caseIds":["c-1"]}\n\n');
    await expect.poll(() => listeners).toBe(before);
  });
});

describe('static files', () => {
  const get = (path: string) => rawRequest(host.origin, { path, headers: { cookie } });

  it('serves index.html with the bridge first in <head> and the security headers', async () => {
    const response = await get('/');
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toMatch(
      /^<!doctype html><html><head><script type="module" src="\/bridge\.js"><\/script><meta/,
    );
    expect(response.headers['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('serves files with their content type and falls back to index.html for app routes', async () => {
    const script = await get('/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toBe('console.log("app")');
    const route = await get('/cases/abc');
    expect(route.status).toBe(200);
    expect(route.body).toContain('/bridge.js');
    expect((await get('/assets/missing.js')).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of [
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/../secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
      '/x%00.js',
    ]) {
      const response = await get(path);
      expect(response.body, path).not.toContain('TOP SECRET');
      expect(
        response.status === 403 ||
          response.status === 404 ||
          response.status === 400 ||
          response.body.includes('/bridge.js'),
        path,
      ).toBe(true);
    }
    expect((await get('/..%2fsecret.txt')).status).toBe(403);
  });
});
