import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEventBus, type EventBus } from '../../../src-main/services/events.js';
import { createRegisterClient, type RegisterClient } from '../../../src-main/services/register-client.js';
import type { ActiveSession } from '../../../src-main/services/session.js';
import { openCache } from '../../../src-main/services/store/cache.js';
import { getCaseSnapshot } from '../../../src-main/services/store/case-queries.js';
import { readCursor } from '../../../src-main/services/store/case-store.js';
import { createSyncEngine, type SyncEngine } from '../../../src-main/services/sync.js';
import {
  devSession,
  devUsers,
  registerView,
  startTestRegister,
  type TestRegister,
} from '../support/register.js';

let register: TestRegister;
let client: RegisterClient;
let token: string;
let user: ActiveSession['user'];
let dir: string;
let session: ActiveSession;
let events: EventBus;
const engines: SyncEngine[] = [];

beforeAll(async () => {
  register = await startTestRegister();
  client = createRegisterClient({ baseUrl: register.url });
  const users = await devUsers(register.url);
  const signedIn = await devSession(register.url, users[0]!.personalCode);
  token = signedIn.token;
  user = signedIn.user;
});
afterAll(() => register.close());

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'chambers-sync-'));
  session = {
    user,
    mode: 'id-card',
    connection: 'online',
    cardId: 'test-card',
    token,
    expiresAt: '2099-01-01T00:00:00Z',
    cache: openCache(join(dir, 'c.sqlite')),
    // This cache is opened without encryption; the key only feeds the document store.
    cacheKey: 'ab'.repeat(32),
  };
  events = createEventBus();
});
afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.stop();
  session.cache.close();
  rmSync(dir, { recursive: true, force: true });
});

function engine(options: { pageSize?: number; onUnauthenticated?: () => void } = {}): SyncEngine {
  const created = createSyncEngine({ client, events, ...options, logError: () => undefined });
  engines.push(created);
  return created;
}

function cachedVersions(): Map<string, number> {
  const rows = session.cache.prepare('SELECT id, version FROM cases').all() as Array<{
    id: string;
    version: number;
  }>;
  return new Map(rows.map((row) => [row.id, row.version]));
}

function versionsOf(view: Awaited<ReturnType<typeof registerView>>): Map<string, number> {
  return new Map([...view.cases].map(([id, snapshot]) => [id, snapshot.version]));
}

describe('sync pull against a real register', () => {
  it('leaves the cache holding exactly the cases the register sends, page by page', async () => {
    const view = await registerView(client, token);
    expect(view.cases.size).toBeGreaterThan(50);

    const sync = engine({ pageSize: 37 });
    const statuses: Array<{ connectivity: string; done: number | undefined; revision: number }> = [];
    const changed: string[] = [];
    events.subscribe('sync:status', (s) =>
      statuses.push({ connectivity: s.connectivity, done: s.progress?.done, revision: s.revision }),
    );
    events.subscribe('cases:changed', ({ caseIds }) => changed.push(...caseIds));
    sync.start(session);
    const status = await sync.pull();

    expect(status).toMatchObject({
      connectivity: 'online',
      progress: null,
      lastError: null,
      pending: 0,
      cachedCases: view.cases.size,
    });
    expect(status.lastSuccessAt).not.toBeNull();
    expect(cachedVersions()).toEqual(versionsOf(view));
    const some = [...view.cases.values()][7]!;
    expect(getCaseSnapshot(session.cache, some.id)).toEqual(some);
    expect(new Set(changed)).toEqual(new Set(view.cases.keys()));
    expect(statuses[0]?.connectivity).toBe('syncing');
    const progress = statuses.map((s) => s.done).filter((d) => d !== undefined);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => a! - b!));
    // Each status is newer than the one before, and the answer is the newest of all.
    const revisions = statuses.map((s) => s.revision);
    expect(new Set(revisions).size).toBe(revisions.length);
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
    expect(status.revision).toBe(revisions.at(-1));
    expect(readCursor(session.cache)).toBe(view.pages.at(-1)!.cursor);
  });

  it('shares one running pull between concurrent callers', async () => {
    const sync = engine();
    sync.start(session);
    const first = sync.pull();
    expect(sync.pull()).toBe(first);
    await first;
    expect(sync.pull()).not.toBe(first);
  });

  it('resumes after an interruption with cursor and cases consistent', async () => {
    const limit = 40;
    const view = await registerView(client, token, limit);
    expect(view.pages.length).toBeGreaterThan(2);

    const sync = engine({ pageSize: limit });
    let pages = 0;
    let stopping: Promise<void> | undefined;
    const off = events.subscribe('cases:changed', () => {
      pages += 1;
      if (pages === 2) stopping = sync.stop();
    });
    sync.start(session);
    // (poll would await a promise it is handed, so it watches a flag)
    await expect.poll(() => pages >= 2).toBe(true);
    await stopping;
    off();

    // Exactly the first two pages and their cursor: nothing of the third, nothing missing.
    expect(readCursor(session.cache)).toBe(view.pages[1]!.cursor);
    expect(new Set(cachedVersions().keys())).toEqual(new Set([...view.pages[0]!.ids, ...view.pages[1]!.ids]));

    const resumed = engine({ pageSize: limit });
    resumed.start(session);
    const status = await resumed.pull();
    expect(status.connectivity).toBe('online');
    expect(cachedVersions()).toEqual(versionsOf(view));
  });

  it('rolls back a page whose write fails and completes on the next pull', async () => {
    const limit = 50;
    const view = await registerView(client, token, limit);
    const victim = view.pages[1]!.ids[10]!;
    session.cache.exec(
      `CREATE TEMP TRIGGER fail_once BEFORE INSERT ON main.cases WHEN NEW.id = '${victim}' BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    const sync = engine({ pageSize: limit });
    sync.start(session);
    const failed = await sync.pull();
    expect(failed.connectivity).toBe('online');
    expect(failed.lastError).toMatch(/disk full/);
    expect(readCursor(session.cache)).toBe(view.pages[0]!.cursor);
    expect(new Set(cachedVersions().keys())).toEqual(new Set(view.pages[0]!.ids));

    session.cache.exec('DROP TRIGGER fail_once');
    const status = await sync.pull();
    expect(status).toMatchObject({ connectivity: 'online', lastError: null });
    expect(cachedVersions()).toEqual(versionsOf(view));
  });

  it('asks for sign-in again when the register refuses the token', async () => {
    let expired = false;
    session = { ...session, token: 'not-a-token' };
    const sync = engine({ onUnauthenticated: () => (expired = true) });
    sync.start(session);
    const status = await sync.pull();
    expect(status.lastError).toMatch(/sign in again/i);
    await expect.poll(() => expired).toBe(true);
  });

  it('reports offline with the reason when the register cannot be reached, keeping the cache', async () => {
    const sync = engine();
    sync.start(session);
    await sync.pull();
    const cached = cachedVersions();

    const offline = createSyncEngine({
      client: createRegisterClient({ baseUrl: 'http://127.0.0.1:9' }),
      events,
    });
    engines.push(offline);
    offline.start(session);
    const status = await offline.pull();
    expect(status).toMatchObject({ connectivity: 'offline', progress: null, cachedCases: cached.size });
    expect(status.lastError).toMatch(/cannot be reached/);
    expect(status.lastSuccessAt).not.toBeNull();
    expect(cachedVersions()).toEqual(cached);
  });
});
