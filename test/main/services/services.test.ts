import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../src-shared/contract/index.js';
import { createInvoker, type Invoker } from '../../../src-main/ipc/handler-registry.js';
import { createServices, type Services } from '../../../src-main/services/index.js';
import { createRegisterClient } from '../../../src-main/services/register-client.js';
import { cacheFileFor } from '../../../src-main/services/session.js';
import { nextEvent } from '../support/events.js';
import { registerView, startTestRegister, type TestRegister } from '../support/register.js';

let register: TestRegister;
let dataDir: string;
let services: Services;
let invoke: Invoker;
let users: Array<{ personalCode: string; name: string; roleLabel: string }>;

beforeAll(async () => {
  register = await startTestRegister();
});
afterAll(() => register.close());

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'chambers-services-'));
  services = await createServices({ registerUrl: register.url, dataDir, host: 'browser', version: '9.9.9' });
  invoke = createInvoker(services.handlers);
  const result = await invoke('session:devUsers', undefined);
  if (!result.ok) throw new Error(result.error.message);
  users = result.value as typeof users;
});
afterEach(async () => {
  await services.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function value<T>(channel: string, input?: unknown): Promise<T> {
  const result = await invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function signInAndSync(personalCode: string) {
  const synced = nextEvent(
    services.events,
    'sync:status',
    (s) => s.connectivity !== 'syncing' && s.lastSuccessAt !== null,
  );
  const session = await value<{ user: { personalCode: string }; mode: string }>('session:devSignIn', {
    personalCode,
  });
  await synced;
  return session;
}

describe('createServices', () => {
  it('reports app info with the register’s development sign-in flag', async () => {
    expect(await value('app:info')).toEqual({
      version: '9.9.9',
      host: 'browser',
      registerUrl: register.url,
      devSignIn: true,
    });
  });

  it('refuses case reads before sign-in', async () => {
    expect(await value('session:get')).toBeNull();
    expect(await invoke('cases:list', undefined)).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    expect(await invoke('sync:now', undefined)).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
  });

  it('signs in, pulls, lists and searches the cache, and signs out', async () => {
    const seen: EventName[] = [];
    services.events.subscribeAll((event) => seen.push(event));
    const user = users[0]!;
    const session = await signInAndSync(user.personalCode);
    expect(session).toMatchObject({ user: { personalCode: user.personalCode }, mode: 'development' });
    expect(await value('session:get')).toMatchObject({ mode: 'development' });
    expect(existsSync(cacheFileFor(dataDir, user.personalCode))).toBe(true);
    expect(cacheFileFor(dataDir, user.personalCode)).toMatch(/[/\\]cache[/\\][0-9a-f]{16}\.sqlite$/);

    const client = createRegisterClient({ baseUrl: register.url });
    const view = await registerView(client, (await client.devSignIn(user.personalCode)).token);
    const listed = await value<Array<{ id: string; registeredAt: string }>>('cases:list', { limit: 500 });
    expect(new Set(listed.map((c) => c.id))).toEqual(new Set(view.cases.keys()));
    const dates = listed.map((c) => Date.parse(c.registeredAt));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));

    const sample = [...view.cases.values()][3]!;
    expect(await value('cases:get', { caseId: sample.id })).toEqual(sample);
    expect(await invoke('cases:get', { caseId: 'no-such-case' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const found = await value<Array<{ id: string }>>('cases:list', { text: sample.number });
    expect(found[0]?.id).toBe(sample.id);

    const status = await value<{ connectivity: string; cachedCases: number }>('sync:now');
    expect(status).toMatchObject({ connectivity: 'online', cachedCases: view.cases.size });
    expect(seen).toContain('session:changed');
    expect(seen).toContain('cases:changed');

    expect(await value('session:signOut')).toBeNull();
    expect(await value('session:get')).toBeNull();
    expect(await invoke('cases:list', undefined)).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
  });

  it('keeps one cache per user', async () => {
    const [first, second] = users;
    await signInAndSync(first!.personalCode);
    await signInAndSync(second!.personalCode);
    expect(cacheFileFor(dataDir, first!.personalCode)).not.toBe(cacheFileFor(dataDir, second!.personalCode));
    expect(existsSync(cacheFileFor(dataDir, second!.personalCode))).toBe(true);
    expect(await value('session:get')).toMatchObject({ user: { personalCode: second!.personalCode } });
  });

  it('keeps cached cases usable when the register goes away', async () => {
    const own = await startTestRegister(40);
    const offlineDir = mkdtempSync(join(tmpdir(), 'chambers-offline-'));
    const local = await createServices({
      registerUrl: own.url,
      dataDir: offlineDir,
      host: 'browser',
      version: 'x',
    });
    const call = createInvoker(local.handlers);
    try {
      const devUsers = await call('session:devUsers', undefined);
      if (!devUsers.ok) throw new Error(devUsers.error.message);
      const code = (devUsers.value as typeof users)[0]!.personalCode;
      const synced = nextEvent(local.events, 'sync:status', (s) => s.connectivity === 'online');
      await call('session:devSignIn', { personalCode: code });
      const online = await synced;
      expect(await call('app:info', undefined)).toMatchObject({ ok: true, value: { devSignIn: true } });
      await own.close();

      const offline = nextEvent(local.events, 'sync:status', (s) => s.connectivity === 'offline');
      const now = await call('sync:now', undefined);
      expect(now).toMatchObject({
        ok: true,
        value: { connectivity: 'offline', cachedCases: online.cachedCases },
      });
      expect((await offline).lastError).toMatch(/cannot be reached/);
      const listed = await call('cases:list', { limit: 500 });
      expect(listed.ok && (listed.value as unknown[]).length).toBe(online.cachedCases);
      // Offline, app:info reports what the register said last.
      expect(await call('app:info', undefined)).toMatchObject({ ok: true, value: { devSignIn: true } });
    } finally {
      await local.close();
      await own.close();
      rmSync(offlineDir, { recursive: true, force: true });
    }
  });
});
