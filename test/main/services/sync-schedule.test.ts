import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEventBus } from '../../../src-main/services/events.js';
import { createRegisterClient } from '../../../src-main/services/register-client.js';
import type { ActiveSession } from '../../../src-main/services/session.js';
import { openCache } from '../../../src-main/services/store/cache.js';
import { createSyncEngine, type SyncEngine, type SyncScheduler } from '../../../src-main/services/sync.js';
import { devSession, devUsers, startTestRegister, type TestRegister } from '../support/register.js';
import { startTcpGate, type TcpGate } from '../support/tcp-gate.js';

/** Timers that run only when the test fires them, so every delay can be asserted. */
function manualScheduler(): SyncScheduler & { pending(): number[]; fire(): void } {
  const timers = new Map<number, { callback: () => void; ms: number }>();
  let next = 0;
  return {
    setTimeout(callback, ms) {
      timers.set(++next, { callback, ms });
      return next;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
    pending: () => [...timers.values()].map((timer) => timer.ms),
    fire() {
      const first = [...timers][0];
      if (!first) throw new Error('no timer to fire');
      timers.delete(first[0]);
      first[1].callback();
    },
  };
}

let register: TestRegister;
let gate: TcpGate;
let dir: string;
let session: ActiveSession;
let engine: SyncEngine;
let scheduler: ReturnType<typeof manualScheduler>;
let pulls: number;
let signedIn: Awaited<ReturnType<typeof devSession>>;

beforeAll(async () => {
  register = await startTestRegister(12);
  gate = await startTcpGate(register.url);
  signedIn = await devSession(register.url, (await devUsers(register.url))[0]!.personalCode);
});
afterAll(async () => {
  await gate.stop();
  await register.close();
});
beforeEach(async () => {
  await gate.open();
  dir = mkdtempSync(join(tmpdir(), 'chambers-sync-schedule-'));
  session = {
    user: signedIn.user,
    mode: 'id-card',
    connection: 'online',
    cardId: 'test-card',
    token: signedIn.token,
    expiresAt: '2099-01-01T00:00:00Z',
    cache: openCache(join(dir, 'c.sqlite')),
    // This cache is opened without encryption; the key only feeds the document store.
    cacheKey: 'ab'.repeat(32),
  };
  scheduler = manualScheduler();
  pulls = 0;
  engine = createSyncEngine({
    client: createRegisterClient({ baseUrl: gate.url, timeoutMs: 3_000 }),
    events: createEventBus(),
    intervalMs: 60_000,
    backoff: { baseMs: 2_000, capMs: 10_000 },
    random: () => 0.5,
    scheduler,
    onPulled: () => pulls++,
    logError: () => undefined,
  });
});
afterEach(async () => {
  await engine.stop();
  session.cache.close();
  rmSync(dir, { recursive: true, force: true });
});

const settlesTo = (delays: number[]) =>
  vi.waitFor(() => expect(scheduler.pending()).toEqual(delays), { timeout: 5_000, interval: 20 });

describe('sync schedule', () => {
  it('backs off with full jitter while offline, caps it, and resets after a successful pull', async () => {
    engine.start(session);
    await settlesTo([60_000]);
    expect(pulls).toBe(1);
    expect(engine.status().connectivity).toBe('online');

    await gate.close();
    scheduler.fire(); // the periodic pull fails
    await settlesTo([1_000]); // 0.5 × 2 s
    expect(engine.status().connectivity).toBe('offline');
    scheduler.fire(); // a probe fails
    await settlesTo([2_000]);
    scheduler.fire();
    await settlesTo([4_000]);
    scheduler.fire();
    await settlesTo([5_000]); // 0.5 × the 10 s cap
    scheduler.fire();
    await settlesTo([5_000]);
    expect(pulls).toBe(1);

    await gate.open();
    scheduler.fire(); // the probe answers: the pull runs at once
    await settlesTo([60_000]);
    expect(pulls).toBe(2);
    expect(engine.status().connectivity).toBe('online');

    await gate.close();
    scheduler.fire();
    await settlesTo([1_000]); // the backoff started over
  });

  it('pulls at once when the network comes back, without waiting out the backoff', async () => {
    engine.start(session);
    await settlesTo([60_000]);
    await gate.close();
    await engine.pull();
    await settlesTo([1_000]);
    engine.networkChanged(); // still offline: the probe fails and the backoff grows
    await settlesTo([2_000]);
    await gate.open();
    engine.networkChanged();
    await settlesTo([60_000]);
    expect(pulls).toBe(2);
    expect(engine.status().lastError).toBeNull();
    engine.networkChanged(); // online: nothing to do
    expect(scheduler.pending()).toEqual([60_000]);
  });
});
