import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makePersonalCode } from '../../src-shared/domain/index.js';
import type { RunningRegister } from '../../src-register/server.js';
import {
  type OcspResponder,
  type TestPki,
  createTestPki,
  startOcspResponder,
} from '../../scripts/testcards/pki.js';
import {
  type ErrorBody,
  type Person,
  authCert,
  refreshResponder,
  request,
  seededPeople,
  signIn,
  startAuthRegister,
} from './auth-harness.js';
import { describeOnBothDatabases } from './databases.js';

let scratch: string;
let pki: TestPki;
let responder: OcspResponder;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'chambers-suspend-'));
  pki = createTestPki(path.join(scratch, 'pki'));
  responder = await startOcspResponder(pki);
}, 30_000);

afterAll(async () => {
  await responder?.stop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

interface Session {
  token: string;
}

describeOnBothDatabases('suspending a user', (dbs) => {
  let reg: RunningRegister;
  let admin: Person;
  let target: Person;
  let other: Person;
  const signInAs = async (person: Person) => {
    const cert = authCert(pki, person);
    refreshResponder(pki, responder.url);
    return signIn<Session & ErrorBody>(reg.url, cert);
  };
  const act = (verb: 'suspend' | 'reinstate', userId: string, token: string) =>
    request<{ userId: string; active: boolean; sessionsRevoked: number } & ErrorBody>(
      reg.url,
      `/api/v1/users/${userId}/${verb}`,
      { method: 'POST', token },
    );

  beforeAll(async () => {
    reg = await startAuthRegister(dbs().scratch, await dbs().create('suspend'), {
      trustedCaCertificates: [pki.intermediate.certPem],
      ocspUrl: responder.url,
    });
    const people = await seededPeople(reg.db);
    [target, other] = [people[0]!, people[1]!];
    // The demo court has no system administrator (the only role with users.manage): add one.
    admin = {
      id: randomUUID(),
      personalCode: makePersonalCode(4, new Date(Date.UTC(1975, 4, 17)), 421),
      surname: 'HALDUR',
      given: 'ANNE',
    };
    await reg.db.query('INSERT INTO users (id, name, personal_code) VALUES ($1, $2, $3)', [
      admin.id,
      'Anne Haldur',
      admin.personalCode,
    ]);
    await reg.db.query(
      "INSERT INTO role_assignments (id, user_id, role) VALUES ($1, $2, 'system_administrator')",
      [randomUUID(), admin.id],
    );
  }, 60_000);
  afterAll(() => reg?.close());

  it("ends the user's sessions at once, refuses their sign-in, and lets them back after reinstating", async () => {
    const adminSession = await signInAs(admin);
    expect(adminSession.status, JSON.stringify(adminSession.body)).toBe(200);
    const first = await signInAs(target);
    const second = await signInAs(target);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect((await request(reg.url, '/api/v1/me', { token: first.body.token })).status).toBe(200);

    const suspended = await act('suspend', target.id, adminSession.body.token);
    expect(suspended.status, JSON.stringify(suspended.body)).toBe(200);
    expect(suspended.body).toEqual({ userId: target.id, active: false, sessionsRevoked: 2 });
    for (const token of [first.body.token, second.body.token]) {
      const me = await request<ErrorBody>(reg.url, '/api/v1/me', { token });
      expect(me.status).toBe(401);
      expect(me.body.error.code).toBe('unauthenticated');
    }
    const refused = await signInAs(target);
    expect(refused.status).toBe(401);
    expect(refused.body.error.reason).toBe('user_unknown');
    const [entry] = await reg.db.query<{
      action: string;
      actor_user_id: string;
      object_id: string;
      details: { sessionsRevoked: number };
    }>(
      "SELECT action, actor_user_id, object_id, details FROM audit_log WHERE action = 'user.suspend' ORDER BY seq DESC LIMIT 1",
    );
    expect(entry).toMatchObject({
      actor_user_id: admin.id,
      object_id: target.id,
      details: { sessionsRevoked: 2 },
    });

    const reinstated = await act('reinstate', target.id, adminSession.body.token);
    expect(reinstated.body).toEqual({ userId: target.id, active: true, sessionsRevoked: 0 });
    // The old sessions stay ended; a new sign-in works.
    expect((await request(reg.url, '/api/v1/me', { token: first.body.token })).status).toBe(401);
    const again = await signInAs(target);
    expect(again.status).toBe(200);
    expect((await request(reg.url, '/api/v1/me', { token: again.body.token })).status).toBe(200);
    const [reinstate] = await reg.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'user.reinstate' AND object_id = $1",
      [target.id],
    );
    expect(reinstate!.n).toBe(1);
  });

  it('answers 403 to a user without users.manage, and changes nothing', async () => {
    const session = await signInAs(other);
    expect(session.status).toBe(200);
    const victim = await signInAs(target);
    const reply = await act('suspend', target.id, session.body.token);
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('forbidden');
    expect((await request(reg.url, '/api/v1/me', { token: victim.body.token })).status).toBe(200);
    const [row] = await reg.db.query<{ active: boolean }>('SELECT active FROM users WHERE id = $1', [
      target.id,
    ]);
    expect(row!.active).toBe(true);
    expect((await act('suspend', target.id, 'not-a-token')).status).toBe(401);
  });

  it('answers 404 for an unknown user, 400 for a malformed id, 409 for suspending oneself', async () => {
    const session = await signInAs(admin);
    expect((await act('suspend', randomUUID(), session.body.token)).status).toBe(404);
    expect((await act('suspend', 'nobody', session.body.token)).status).toBe(400);
    const self = await act('suspend', admin.id, session.body.token);
    expect(self.status).toBe(409);
    expect((await request(reg.url, '/api/v1/me', { token: session.body.token })).status).toBe(200);
  });
});
