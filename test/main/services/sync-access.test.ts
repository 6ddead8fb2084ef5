import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningRegister, startRegister } from '../../../src-register/server.js';
import { createEventBus } from '../../../src-main/services/events.js';
import { createRegisterClient } from '../../../src-main/services/register-client.js';
import type { ActiveSession } from '../../../src-main/services/session.js';
import { readSyncState } from '../../../src-main/services/store/access-sweep.js';
import { openCache } from '../../../src-main/services/store/cache.js';
import { createSyncEngine } from '../../../src-main/services/sync.js';
import { devSession } from '../support/register.js';

let register: RunningRegister;
let dir: string;
let session: ActiveSession;
let court: string;
let userId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chambers-sync-access-'));
  register = await startRegister({
    db: 'pglite:memory',
    host: '127.0.0.1',
    port: 0,
    devSignIn: true,
    production: false,
    blobDir: join(dir, 'blobs'),
    seedDemo: true,
    demoCaseCount: 12,
    logLevel: 'warn',
  });
  const [president] = await register.db.query<{ id: string; personal_code: string; court_code: string }>(
    `SELECT u.id, u.personal_code, r.court_code FROM users u JOIN role_assignments r ON r.user_id = u.id
     WHERE r.role = 'court_president' LIMIT 1`,
  );
  userId = president!.id;
  court = president!.court_code;
  // A role elsewhere keeps the user signed in while the demo court's roles come and go.
  await register.db.query(
    "INSERT INTO courts (code, name, level, ecli_code) VALUES ('TSTX', 'Test Court', 1, 'TSTX')",
  );
  await register.db.query(
    "INSERT INTO role_assignments (id, user_id, role, court_code, valid_from) VALUES ($1, $2, 'judge', 'TSTX', current_date - 30)",
    [randomUUID(), userId],
  );
  const signedIn = await devSession(register.url, president!.personal_code);
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
});
afterAll(async () => {
  session?.cache.close();
  await register?.close();
  rmSync(dir, { recursive: true, force: true });
});

const courtCases = () =>
  session.cache.prepare('SELECT count(*) FROM cases WHERE court_code = ?').pluck().get(court) as number;

describe('sync when the user gains or loses access', () => {
  it("empties the cache of a court's cases when the role there ends, and refills it when granted again", async () => {
    const events = createEventBus();
    const changed: string[] = [];
    events.subscribe('cases:changed', ({ caseIds }) => changed.push(...caseIds));
    const sync = createSyncEngine({
      client: createRegisterClient({ baseUrl: register.url }),
      events,
      pageSize: 5,
      logError: () => undefined,
    });
    sync.start(session);
    try {
      expect((await sync.pull()).lastError).toBeNull();
      const full = courtCases();
      expect(full).toBeGreaterThan(5);
      const epoch = readSyncState(session.cache).accessEpoch;
      expect(epoch).not.toBeNull();

      await register.db.query('DELETE FROM role_assignments WHERE user_id = $1 AND court_code = $2', [
        userId,
        court,
      ]);
      changed.length = 0;
      expect((await sync.pull()).lastError).toBeNull();
      expect(courtCases()).toBe(0);
      expect(changed.length).toBe(full);
      const after = readSyncState(session.cache);
      expect(after.sweeping).toBe(false);
      expect(after.accessEpoch).not.toBe(epoch);
      expect(session.cache.prepare('SELECT count(*) FROM sweep_seen').pluck().get()).toBe(0);

      await register.db.query(
        "INSERT INTO role_assignments (id, user_id, role, court_code, valid_from) VALUES ($1, $2, 'court_president', $3, current_date - 30)",
        [randomUUID(), userId, court],
      );
      expect((await sync.pull()).lastError).toBeNull();
      expect(courtCases()).toBe(full);
    } finally {
      await sync.stop();
    }
  });
});
