import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRegisterClient,
  RegisterUnreachableError,
} from '../../../src-main/services/register-client.js';
import { devSession, devUsers, startTestRegister, type TestRegister } from '../support/register.js';

let register: TestRegister;
beforeAll(async () => {
  register = await startTestRegister(40);
});
afterAll(() => register.close());

/** A misbehaving server for what a real register never does on purpose: hang, or answer nonsense. */
async function oddServer(
  handler: Parameters<typeof createServer>[1],
): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('register client', () => {
  it('reads health, the signed-in user and the feed from the real register', async () => {
    const client = createRegisterClient({ baseUrl: `${register.url}/` });
    expect(await client.health()).toMatchObject({ status: 'ok' });
    const users = await devUsers(register.url);
    const session = await devSession(register.url, users[0]!.personalCode);
    expect(await client.me(session.token)).toMatchObject({ user: { personalCode: users[0]!.personalCode } });
    const page = await client.syncPull(session.token, { cursor: '0', limit: 5 });
    expect(page.changes.length).toBeLessThanOrEqual(5);
  });

  it('carries the register’s refusal reason: a 503 with a reason is an answer, not "unreachable"', async () => {
    // This register has no ID-card sign-in configured (the sign-in itself is tested in session.test.ts).
    const client = createRegisterClient({ baseUrl: register.url });
    for (const call of [
      () => client.authChallenge(),
      () =>
        client.authToken(
          {
            authToken: {
              unverifiedCertificate: 'AA==',
              algorithm: 'ES384',
              signature: 'AA==',
              format: 'web-eid:1.0',
            },
            nonce: Buffer.alloc(32).toString('base64'),
          },
          new URL(register.url).origin,
        ),
    ]) {
      const refused = await call().catch((e: unknown) => e);
      expect(refused).toMatchObject({ code: 'unavailable', reason: 'sign_in_not_configured' });
      expect(refused).not.toBeInstanceOf(RegisterUnreachableError);
    }
  });

  it('reads the change feed and leaves out the user’s notes, moving the cursor past them', async () => {
    const client = createRegisterClient({ baseUrl: register.url });
    const users = await devUsers(register.url);
    const session = await devSession(
      register.url,
      users.find((u) => /judge/i.test(u.roleLabel))!.personalCode,
    );
    let cursor = '0';
    let caseId: string | null = null;
    for (;;) {
      const page = await client.syncPull(session.token, { cursor, limit: 100 });
      caseId ??= page.changes.find((c) => c.kind === 'case')?.case.id ?? null;
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    const put = await fetch(`${register.url}/api/v1/sync/mutations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        mutations: [
          {
            id: randomUUID(),
            kind: 'case.note.put',
            baseVersion: null,
            payload: { caseId, text: 'oma märge' },
          },
        ],
      }),
    });
    expect(put.status).toBe(200);
    const page = await client.syncPull(session.token, { cursor, limit: 100 });
    expect(page).toMatchObject({ changes: [], hasMore: false, remaining: 0 });
    expect(BigInt(page.cursor)).toBeGreaterThan(BigInt(cursor));
  });

  it('maps 401 to unauthenticated and a 4xx to the register’s code and message', async () => {
    const client = createRegisterClient({ baseUrl: register.url });
    await expect(client.syncPull('bogus', { cursor: '0', limit: 5 })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    const refused = await client
      .syncPull((await devSession(register.url, (await devUsers(register.url))[0]!.personalCode)).token, {
        cursor: 'not-a-cursor',
        limit: 5,
      })
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'invalid_input' });
    expect(refused).not.toBeInstanceOf(RegisterUnreachableError);
  });

  it('reports a register that cannot be reached as unavailable', async () => {
    const client = createRegisterClient({ baseUrl: 'http://127.0.0.1:9' });
    const error = await client.health().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/cannot be reached/) });
    expect(error).toBeInstanceOf(RegisterUnreachableError);
  });

  it('gives up on a register that does not answer in time', async () => {
    const { url, server } = await oddServer(() => undefined);
    try {
      const client = createRegisterClient({ baseUrl: url, timeoutMs: 300 });
      await expect(client.health()).rejects.toMatchObject({
        code: 'unavailable',
        message: expect.stringMatching(/did not answer/),
      });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('refuses an answer that does not match the schema, and a 5xx without a body', async () => {
    let status = 200;
    const { url, server } = await oddServer((_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(status === 200 ? '{"status":"ok"}' : 'oops');
    });
    try {
      const client = createRegisterClient({ baseUrl: url });
      await expect(client.health()).rejects.toMatchObject({
        code: 'internal',
        message: expect.stringMatching(/not what Chambers expects/),
      });
      status = 503;
      const gateway = await client.health().catch((e: unknown) => e);
      expect(gateway).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/HTTP 503/) });
      // A 503 without the register's own error body is a gateway for a register that is down.
      expect(gateway).toBeInstanceOf(RegisterUnreachableError);
      status = 500;
      await expect(client.health()).rejects.toMatchObject({ code: 'unavailable' });
    } finally {
      server.close();
    }
  });

  it('stops when the caller aborts', async () => {
    const { url, server } = await oddServer(() => undefined);
    try {
      const controller = new AbortController();
      const client = createRegisterClient({ baseUrl: url });
      const pending = client.syncPull('t', { cursor: '0', limit: 1 }, controller.signal);
      controller.abort(new Error('stopped by test'));
      await expect(pending).rejects.toThrow('stopped by test');
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
