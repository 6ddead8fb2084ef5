import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentInfo } from '../../../src-shared/contract/index.js';
import type { CaseSnapshot } from '../../../src-shared/domain/index.js';
import { createRegisterClient } from '../../../src-main/services/register-client.js';
import { startWebHost, type WebHost } from '../../../src-main/web-host/server.js';
import { rawRequest } from '../support/http.js';
import { idCardFixture, type IdCardFixture } from '../support/id-card.js';
import { devSession, registerView } from '../support/register.js';
import { signedInServices, type SignedInServices } from '../support/signed-in.js';

let fx: IdCardFixture;
let desktop: SignedInServices;
let host: WebHost;
let cookie: string;
let dir: string;
let doc: CaseSnapshot['documents'][number];

/** A GET/HEAD with the raw body as bytes (rawRequest decodes to text). */
function fetchBytes(
  path: string,
  opts: { method?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const target = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: target.hostname, port: target.port, method: opts.method ?? 'GET', path, headers: opts.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const signedIn = (headers: Record<string, string> = {}) => ({ cookie, ...headers });
const path = (id: string) => `/documents/${encodeURIComponent(id)}`;

beforeAll(async () => {
  fx = await idCardFixture({ caseCount: 40 });
  const judge = fx.staff.find((s) => s.name === 'Triin Lepik')!;
  desktop = await signedInServices(fx, judge);
  dir = mkdtempSync(join(tmpdir(), 'chambers-document-route-'));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>T</title>');
  host = await startWebHost({ services: desktop.services, rendererDir: join(dir, 'renderer') });
  const token = new URL(host.url).searchParams.get('token')!;
  const exchange = await rawRequest(`${host.origin}/?token=${encodeURIComponent(token)}`);
  cookie = String(exchange.headers['set-cookie']).split(';')[0]!;
  const session = await devSession(fx.register.url, judge.personalCode);
  const view = await registerView(createRegisterClient({ baseUrl: fx.register.url }), session.token);
  doc = [...view.cases.values()]
    .filter((c) => c.restriction === 'none' && c.judge?.id === session.user.id)
    .flatMap((c) => c.documents)
    .find((d) => !d.restricted && d.pages !== null && d.pages < 10)!;
}, 300_000);

afterAll(async () => {
  await host?.close();
  await desktop?.close();
  await fx?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('GET /documents/<id>', () => {
  it('serves an opened document whole, in ranges, as HEAD, and 416 outside it', async () => {
    const info = await desktop.value<DocumentInfo>('documents:open', { documentId: doc.id });
    expect(info).toMatchObject({ documentId: doc.id, sha256: doc.sha256, size: doc.size });

    const whole = await fetchBytes(path(doc.id), { headers: signedIn() });
    expect(whole.status).toBe(200);
    expect(createHash('sha256').update(whole.body).digest('hex')).toBe(doc.sha256);
    expect(whole.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(doc.size),
      'accept-ranges': 'bytes',
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    });
    expect(String(whole.headers['content-disposition'])).toMatch(/^inline; filename="[^"/]+\.pdf"/);

    const first = await fetchBytes(path(doc.id), { headers: signedIn({ range: 'bytes=0-99' }) });
    expect(first.status).toBe(206);
    expect(first.headers['content-range']).toBe(`bytes 0-99/${doc.size}`);
    expect(first.body.equals(whole.body.subarray(0, 100))).toBe(true);
    expect(first.body.subarray(0, 5).toString()).toBe('%PDF-');

    const tail = await fetchBytes(path(doc.id), { headers: signedIn({ range: 'bytes=-64' }) });
    expect(tail.status).toBe(206);
    expect(tail.headers['content-range']).toBe(`bytes ${doc.size - 64}-${doc.size - 1}/${doc.size}`);
    expect(tail.body.equals(whole.body.subarray(doc.size - 64))).toBe(true);

    const outside = await fetchBytes(path(doc.id), { headers: signedIn({ range: `bytes=${doc.size}-` }) });
    expect(outside.status).toBe(416);
    expect(outside.headers['content-range']).toBe(`bytes */${doc.size}`);
    expect(outside.body.toString()).toMatch(/outside/);

    const head = await fetchBytes(path(doc.id), {
      method: 'HEAD',
      headers: signedIn({ range: 'bytes=0-99' }),
    });
    expect(head.status).toBe(206);
    expect(head.headers['content-length']).toBe('100');
    expect(head.body.byteLength).toBe(0);
  });

  it('refuses without the cookie, from another origin or site, and other methods', async () => {
    expect((await rawRequest(`${host.origin}${path(doc.id)}`)).status).toBe(401);
    const foreign = await rawRequest(`${host.origin}${path(doc.id)}`, {
      headers: signedIn({ origin: 'http://evil.example' }),
    });
    expect(foreign.status).toBe(403);
    const crossSite = await rawRequest(`${host.origin}${path(doc.id)}`, {
      headers: signedIn({ 'sec-fetch-site': 'cross-site' }),
    });
    expect(crossSite.status).toBe(403);
    const post = await rawRequest(`${host.origin}${path(doc.id)}`, {
      method: 'POST',
      headers: signedIn({ origin: host.origin }),
    });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('answers an unknown or malformed id with 404 and a reason, never 500', async () => {
    for (const raw of [
      '/documents/00000000-0000-4000-8000-000000000000',
      '/documents/%E0%A4%A',
      '/documents/a%2Fb',
      '/documents/',
      `/documents/${'x'.repeat(65)}`,
    ]) {
      const answer = await rawRequest(host.origin, { path: raw, headers: signedIn() });
      expect(answer.status, raw).toBe(404);
      expect(answer.body.length, raw).toBeGreaterThan(0);
    }
  });

  it('answers 401 once the user has signed out', async () => {
    await desktop.value('session:signOut');
    const answer = await rawRequest(`${host.origin}${path(doc.id)}`, { headers: signedIn() });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatch(/sign in/i);
  });
});
