import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, openDb } from '../../src-register/db/index.js';
import { type RegisterConfig, type RunningRegister, startRegister } from '../../src-register/server.js';
import { SessionResponse, SyncPullResponse } from '../../src-shared/register-api/index.js';
import { describeOnBothDatabases } from './databases.js';
import { call } from './http-client.js';

const config = (db: string, blobDir: string): RegisterConfig => ({
  db,
  host: '127.0.0.1',
  port: 0,
  devSignIn: true,
  production: false,
  blobDir,
  seedDemo: true,
  demoCaseCount: 12,
  logLevel: 'silent',
});

describeOnBothDatabases('several register processes on one database', (dbs) => {
  describe('two registers started together', () => {
    let registers: RunningRegister[] = [];
    let db = '';
    beforeAll(async () => {
      db = await dbs().create('shared');
      if (dbs().kind === 'pglite') {
        // One PGlite folder is one process's: the second start must fail clearly, not corrupt it.
        registers = [await startRegister(config(db, path.join(dbs().scratch, 'blobs')))];
        return;
      }
      const blobDir = path.join(dbs().scratch, 'blobs');
      registers = await Promise.all([startRegister(config(db, blobDir)), startRegister(config(db, blobDir))]);
    });
    afterAll(async () => {
      await Promise.all(registers.map((r) => r.close()));
    });

    it('refuses a second process on a PGlite folder, or serves from both on PostgreSQL', async () => {
      if (dbs().kind === 'pglite') {
        await expect(
          startRegister({ ...config(db, path.join(dbs().scratch, 'blobs')), port: 0 }),
        ).rejects.toThrow(/in use|already open/);
        return;
      }
      const [a, b] = registers as [RunningRegister, RunningRegister];
      for (const reg of registers) {
        expect((await call(reg.url, '/api/v1/health')).body).toMatchObject({
          status: 'ok',
          schemaVersion: LATEST_SCHEMA_VERSION,
        });
      }
      // Migrations ran once and the demo was seeded once, whichever process won.
      const check = await openDb(db);
      try {
        const [row] = await check.query<{ migrations: number; courts: number; cases: number; seeds: number }>(
          `SELECT (SELECT count(*)::int FROM schema_migrations) AS migrations, (SELECT count(*)::int FROM courts) AS courts,
                  (SELECT count(*)::int FROM cases) AS cases,
                  (SELECT count(*)::int FROM audit_log WHERE action = 'seed.demo-court') AS seeds`,
        );
        expect(row).toEqual({ migrations: LATEST_SCHEMA_VERSION, courts: 1, cases: 12, seeds: 1 });
      } finally {
        await check.close();
      }
      expect([a.seed?.seeded, b.seed?.seeded].sort()).toEqual([false, true]);

      // No session state in process memory: a session made through one works through the other.
      const users = (await call<{ users: { personalCode: string }[] }>(a.url, '/api/v1/dev/users')).body
        .users;
      const session = SessionResponse.parse(
        (await call(a.url, '/api/v1/dev/sign-in', { json: { personalCode: users[0]!.personalCode } })).body,
      );
      expect((await call(b.url, '/api/v1/me', { token: session.token })).status).toBe(200);
      const pageA = SyncPullResponse.parse(
        (await call(a.url, '/api/v1/sync/pull?limit=500', { token: session.token })).body,
      );
      const pageB = SyncPullResponse.parse(
        (await call(b.url, '/api/v1/sync/pull?limit=500', { token: session.token })).body,
      );
      expect(pageB).toEqual(pageA);
      expect(pageA.changes.length).toBeGreaterThan(0);
      expect(
        (await call(b.url, '/api/v1/auth/sign-out', { method: 'POST', token: session.token })).status,
      ).toBe(204);
      expect((await call(a.url, '/api/v1/me', { token: session.token })).status).toBe(401);
    });
  });
});
