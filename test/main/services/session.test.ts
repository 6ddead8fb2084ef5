import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventBus } from '../../../src-main/services/events.js';
import { createRegisterClient } from '../../../src-main/services/register-client.js';
import { cacheFileFor, createSessionService } from '../../../src-main/services/session.js';
import { createSyncEngine } from '../../../src-main/services/sync.js';
import { startTestRegister, type TestRegister } from '../support/register.js';

let register: TestRegister;
beforeAll(async () => {
  register = await startTestRegister(40);
});
afterAll(() => register.close());

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

describe('session service', () => {
  it('signs in, opens the user’s cache, never writes the token to a file, and closes it on sign-out', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chambers-session-'));
    const client = createRegisterClient({ baseUrl: register.url });
    const events = createEventBus();
    const changes: boolean[] = [];
    events.subscribe('session:changed', ({ signedIn }) => changes.push(signedIn));
    const sync = createSyncEngine({ client, events });
    const session = createSessionService({
      client,
      events,
      dataDir,
      hooks: { afterSignIn: (active) => sync.start(active), beforeSignOut: () => sync.stop() },
    });
    try {
      const [user] = await session.devUsers();
      const signedIn = await session.devSignIn(user!.personalCode);
      expect(signedIn).toMatchObject({ mode: 'development', user: { personalCode: user!.personalCode } });
      const active = session.current()!;
      expect(active.cache.name).toBe(cacheFileFor(dataDir, user!.personalCode));
      await sync.pull();
      const token = active.token;

      await session.signOut();
      expect(active.cache.open).toBe(false);
      expect(session.get()).toBeNull();
      expect(changes).toEqual([true, false]);
      expect(() => session.require()).toThrow(/Sign in/);
      // Sign-out also revokes the token on the register.
      await expect
        .poll(() =>
          client.syncPull(token, { cursor: '0', limit: 1 }).then(
            () => 'valid',
            (e: { code: string }) => e.code,
          ),
        )
        .toBe('unauthenticated');

      const files = filesUnder(dataDir);
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) expect(readFileSync(file).includes(Buffer.from(token)), file).toBe(false);
    } finally {
      await session.signOut();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('signs the previous user out when another signs in', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chambers-session-'));
    const client = createRegisterClient({ baseUrl: register.url });
    const session = createSessionService({ client, events: createEventBus(), dataDir });
    try {
      const [first, second] = await session.devUsers();
      await session.devSignIn(first!.personalCode);
      const firstCache = session.current()!.cache;
      await session.devSignIn(second!.personalCode);
      expect(firstCache.open).toBe(false);
      expect(session.current()!.cache.name).toBe(cacheFileFor(dataDir, second!.personalCode));
    } finally {
      await session.signOut();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('turns a register that cannot be reached into an unavailable error', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chambers-session-'));
    const session = createSessionService({
      client: createRegisterClient({ baseUrl: 'http://127.0.0.1:9' }),
      events: createEventBus(),
      dataDir,
    });
    await expect(session.devUsers()).rejects.toMatchObject({ code: 'unavailable' });
    await expect(session.devSignIn('38001085718')).rejects.toMatchObject({ code: 'unavailable' });
    expect(session.current()).toBeNull();
    rmSync(dataDir, { recursive: true, force: true });
  });
});
