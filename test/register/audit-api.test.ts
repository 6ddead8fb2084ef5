import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makePersonalCode } from '../../src-shared/domain/index.js';
import {
  AuditEntriesResponse,
  AuditVerifyResponse,
  SessionResponse,
} from '../../src-shared/register-api/index.js';
import type { RunningRegister } from '../../src-register/server.js';
import { describeOnBothDatabases, startSeededRegister } from './databases.js';
import { call } from './http-client.js';

describeOnBothDatabases('audit log endpoints', (dbs) => {
  let reg: RunningRegister;
  let admin: { token: string; personalCode: string };
  let judgeToken: string;
  const signIn = async (personalCode: string) => {
    const res = await call(reg.url, '/api/v1/dev/sign-in', { json: { personalCode } });
    expect(res.status).toBe(200);
    return SessionResponse.parse(res.body).token;
  };
  const auditCount = async () =>
    (await reg.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0]!.n;

  beforeAll(async () => {
    reg = await startSeededRegister(dbs(), 'audit_api', 4);
    const personalCode = makePersonalCode(4, new Date(Date.UTC(1980, 4, 17)), 777);
    const id = randomUUID();
    await reg.db.query("INSERT INTO users (id, name, personal_code) VALUES ($1, 'Ada Admin', $2)", [
      id,
      personalCode,
    ]);
    await reg.db.query(
      "INSERT INTO role_assignments (id, user_id, role) VALUES ($1, $2, 'system_administrator')",
      [randomUUID(), id],
    );
    admin = { token: await signIn(personalCode), personalCode };
    const [judge] = await reg.db.query<{ personal_code: string }>(
      "SELECT u.personal_code FROM users u JOIN role_assignments r ON r.user_id = u.id WHERE r.role = 'judge' LIMIT 1",
    );
    judgeToken = await signIn(judge!.personal_code);
  });
  afterAll(() => reg?.close());

  it('lets only the system administrator verify the log', async () => {
    expect((await call(reg.url, '/api/v1/audit/verify')).status).toBe(401);
    const denied = await call<{ error: { code: string } }>(reg.url, '/api/v1/audit/verify', {
      token: judgeToken,
    });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('forbidden');
    const res = await call(reg.url, '/api/v1/audit/verify', { token: admin.token });
    expect(res.status).toBe(200);
    const body = AuditVerifyResponse.parse(res.body);
    expect(body).toMatchObject({ ok: true, firstBrokenSeq: null, reason: null });
    expect(body.checked).toBeGreaterThan(0);
  });

  it('lists records newest first, pages with a cursor, filters by object, and logs the read', async () => {
    const first = await call(reg.url, '/api/v1/audit/entries?limit=2', { token: admin.token });
    expect(first.status).toBe(200);
    const page = AuditEntriesResponse.parse(first.body);
    expect(page.entries).toHaveLength(2);
    expect(page.hasMore).toBe(true);
    expect(Number(page.entries[0]!.id)).toBeGreaterThan(Number(page.entries[1]!.id));
    const next = AuditEntriesResponse.parse(
      (await call(reg.url, `/api/v1/audit/entries?limit=2&cursor=${page.cursor}`, { token: admin.token }))
        .body,
    );
    expect(Number(next.entries[0]!.id)).toBeLessThan(Number(page.entries[1]!.id));

    const seeded = AuditEntriesResponse.parse(
      (await call(reg.url, '/api/v1/audit/entries?objectType=court&objectId=HMK', { token: admin.token }))
        .body,
    );
    expect(seeded.entries.map((e) => e.action)).toContain('seed.demo-court');
    expect(seeded.entries.every((e) => e.objectType === 'court' && e.objectId === 'HMK')).toBe(true);

    const logged = await reg.db.query<{ actor_personal_code: string; chain: string; object_type: string }>(
      "SELECT actor_personal_code, chain, object_type FROM audit_log WHERE action = 'audit.read' ORDER BY id",
    );
    expect(logged).toHaveLength(3);
    expect(logged.every((r) => r.actor_personal_code === admin.personalCode && r.chain === 'read')).toBe(
      true,
    );
    expect(logged.at(-1)!.object_type).toBe('court');
    expect((await call(reg.url, '/api/v1/audit/entries', { token: judgeToken })).status).toBe(403);
  });

  it('answers bad query parameters with 400 and writes nothing', async () => {
    const before = await auditCount();
    for (const query of [
      'limit=0',
      'limit=501',
      'limit=abc',
      'cursor=-1',
      'cursor=99999999999999999999',
      'cursor=9223372036854775808',
      'objectId=abc',
      'objectType=Bad%20Type',
      'unknown=1',
      // Repeated parameters and bytes that are not UTF-8 (found by the malformed-requests test).
      'cursor=%FF%FE&limit=0&limit=abc',
      'cursor=%C3%28',
      'limit=1&limit=2',
      'objectType=case&objectType=document',
    ]) {
      const res = await call<{ error: { code: string; message: string } }>(
        reg.url,
        `/api/v1/audit/entries?${query}`,
        { token: admin.token },
      );
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
    }
    expect(await auditCount()).toBe(before);
  });
});
