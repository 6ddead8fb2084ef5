import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type SessionUser, canSeeCase, makePersonalCode } from '../../src-shared/domain/index.js';
import { MeResponse, SessionResponse, SyncPullResponse } from '../../src-shared/register-api/index.js';
import { LATEST_SCHEMA_VERSION } from '../../src-register/db/index.js';
import { type CaseRow, CASE_SELECT } from '../../src-register/domain/case-snapshots.js';
import { accessFacts } from '../../src-register/domain/visibility.js';
import type { RunningRegister } from '../../src-register/server.js';
import { describeOnBothDatabases, startSeededRegister } from './databases.js';
import { call } from './http-client.js';

describeOnBothDatabases('register HTTP API', (dbs) => {
  let reg: RunningRegister;
  const users = new Map<string, { id: string; personalCode: string; role: string }[]>();
  const signIn = async (personalCode: string) => {
    const res = await call(reg.url, '/api/v1/dev/sign-in', { json: { personalCode } });
    expect(res.status).toBe(200);
    return SessionResponse.parse(res.body);
  };
  const firstWith = (role: string, index = 0) => users.get(role)![index]!;
  const me = async (token: string) =>
    MeResponse.parse((await call(reg.url, '/api/v1/me', { token })).body).user;
  const counts = async () =>
    (
      await reg.db.query<Record<string, number>>(
        `SELECT (SELECT count(*)::int FROM sessions) AS sessions, (SELECT count(*)::int FROM audit_log) AS audit,
              (SELECT count(*)::int FROM cases) AS cases, (SELECT max(version)::int FROM cases) AS version`,
      )
    )[0]!;
  const visibleIds = async (user: SessionUser) =>
    new Set(
      (await reg.db.query<CaseRow>(CASE_SELECT))
        .filter((row) => canSeeCase(user, accessFacts(row)))
        .map((r) => r.id),
    );
  const pullAll = async (token: string, limit: number) => {
    const ids: string[] = [];
    let cursor = '0';
    let pages = 0;
    for (;;) {
      const res = await call(reg.url, `/api/v1/sync/pull?cursor=${cursor}&limit=${limit}`, { token });
      expect(res.status).toBe(200);
      const page = SyncPullResponse.parse(res.body);
      pages++;
      for (const change of page.changes) {
        if (change.kind !== 'case') throw new Error('unexpected change kind');
        expect(BigInt(change.case.version)).toBeGreaterThan(BigInt(cursor));
        ids.push(change.case.id);
      }
      expect(page.changes.length).toBeLessThanOrEqual(limit);
      if (page.changes.length > 0) expect(BigInt(page.cursor)).toBeGreaterThan(BigInt(cursor));
      expect(page.hasMore).toBe((page.remaining ?? 0) > 0);
      cursor = page.cursor;
      if (!page.hasMore) return { ids, cursor, pages };
      expect(page.changes.length).toBe(limit);
    }
  };

  beforeAll(async () => {
    reg = await startSeededRegister(dbs(), 'api', 40);
    const rows = await reg.db.query<{ id: string; personal_code: string; role: string }>(
      'SELECT u.id, u.personal_code, r.role FROM users u JOIN role_assignments r ON r.user_id = u.id ORDER BY u.name',
    );
    for (const row of rows) {
      users.set(row.role, [
        ...(users.get(row.role) ?? []),
        { id: row.id, personalCode: row.personal_code, role: row.role },
      ]);
    }
  });
  afterAll(() => reg?.close());

  it('seeds the demo court once and reports health', async () => {
    expect(reg.seed).toMatchObject({ seeded: true, courts: 1, cases: 40 });
    const res = await call(reg.url, '/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      database: dbs().kind,
      schemaVersion: LATEST_SCHEMA_VERSION,
      devSignIn: true,
    });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('serves an OpenAPI 3.1 document of every route, built from the shared schemas', async () => {
    const res = await call<{
      openapi: string;
      paths: Record<string, object>;
      components: { schemas: Record<string, object> };
    }>(reg.url, '/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/api/v1/allocation/log/verify',
        '/api/v1/allocation/log/{seq}/replay',
        '/api/v1/cases/{caseId}/reassign',
        '/api/v1/courts/{court}/absences',
        '/api/v1/courts/{court}/allocation-plan',
        '/api/v1/courts/{court}/judges',
        '/api/v1/courts/{court}/statistics',
        '/api/v1/auth/sign-out',
        '/api/v1/auth/challenge',
        '/api/v1/auth/token',
        '/api/v1/users/{userId}/suspend',
        '/api/v1/users/{userId}/reinstate',
        '/api/v1/dev/sign-in',
        '/api/v1/dev/users',
        '/api/v1/documents/{documentId}/content',
        '/api/v1/health',
        '/api/v1/me',
        '/api/v1/openapi.json',
        '/api/v1/sync/pull',
        '/api/v1/sync/changes',
        '/api/v1/sync/mutations',
        '/api/v1/blobs/{sha256}',
        '/api/v1/audit/verify',
        '/api/v1/audit/entries',
        '/api/v1/cases',
        '/api/v1/cases/by-number/{number}',
        '/api/v1/cases/{caseId}/appeal',
      ].sort(),
    );
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['CaseSnapshot', 'SyncPullResponse', 'ErrorBody', 'SessionUser']),
    );
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) expect(doc.components.schemas).toHaveProperty(ref);
  });

  it('answers bad input with a 4xx and a reason, and changes nothing', async () => {
    const judge = firstWith('judge');
    const { token } = await signIn(judge.personalCode);
    const before = await counts();
    const unknownCode = makePersonalCode(5, new Date(Date.UTC(2001, 0, 1)), 999);
    const cases: [string, Parameters<typeof call>[2], number, RegExp][] = [
      ['/api/v1/sync/pull?cursor=abc', { token }, 400, /cursor/],
      ['/api/v1/sync/pull?cursor=99999999999999999999', { token }, 400, /cursor/],
      ['/api/v1/sync/pull?cursor=9999999999999999999', { token }, 400, /cursor: out of range/],
      ['/api/v1/sync/pull?limit=0', { token }, 400, /limit/],
      ['/api/v1/sync/pull?limit=501', { token }, 400, /limit/],
      ['/api/v1/sync/pull?limit=ten', { token }, 400, /limit/],
      ['/api/v1/sync/pull?cursor=1&cursor=2', { token }, 400, /cursor/],
      ['/api/v1/dev/sign-in', { json: { personalCode: '12345678901' } }, 400, /personalCode/],
      ['/api/v1/dev/sign-in', { json: { personalCode: 38001010000 } }, 400, /personalCode/],
      ['/api/v1/dev/sign-in', { json: {} }, 400, /personalCode/],
      ['/api/v1/dev/sign-in', { rawBody: '{"personalCode":', contentType: 'application/json' }, 400, /JSON/],
      [
        '/api/v1/dev/sign-in',
        { rawBody: '{"__proto__":{"x":1}}', contentType: 'application/json' },
        400,
        /./,
      ],
      [
        '/api/v1/dev/sign-in',
        { rawBody: 'personalCode=1', contentType: 'application/x-www-form-urlencoded' },
        415,
        /content type/,
      ],
      ['/api/v1/dev/sign-in', { method: 'POST' }, 400, /body/],
      ['/api/v1/dev/sign-in', { json: { personalCode: unknownCode } }, 404, /no active user/],
      ['/api/v1/no-such-route', {}, 404, /no route/],
      ['/api/v1/documents/not-a-uuid/content', { token }, 404, /no document/],
      ['/api/v1/documents/%E0%A4%A/content', { token }, 400, /./],
    ];
    for (const [url, options, status, reason] of cases) {
      const res = await call<{ error: { code: string; message: string } }>(reg.url, url, options);
      expect({ url, status: res.status }).toEqual({ url, status });
      expect(res.body.error.code).toBe(status === 404 ? 'not_found' : 'invalid_input');
      expect(res.body.error.message).toMatch(reason);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(await counts()).toEqual(before);
  });

  it('signs in, tells who is signed in, and signs out', async () => {
    const judge = firstWith('judge');
    const session = await signIn(judge.personalCode);
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [stored] = await reg.db.query<{ user_id: string; lifetime: number; method: string }>(
      `SELECT user_id, method, extract(epoch FROM expires_at - created_at)::int AS lifetime FROM sessions WHERE token_hash = $1`,
      [createHash('sha256').update(session.token).digest('hex')],
    );
    expect(stored).toEqual({ user_id: judge.id, method: 'dev', lifetime: 12 * 3600 });
    const user = await me(session.token);
    expect(user).toMatchObject({ id: judge.id, personalCode: judge.personalCode });
    expect(user.roles).toEqual([{ role: 'judge', courtCode: 'HMK', observerScope: null }]);

    const out = await call(reg.url, '/api/v1/auth/sign-out', { method: 'POST', token: session.token });
    expect(out.status).toBe(204);
    expect((await call(reg.url, '/api/v1/me', { token: session.token })).status).toBe(401);
    expect(
      (await call(reg.url, '/api/v1/auth/sign-out', { method: 'POST', token: session.token })).status,
    ).toBe(401);
    const audit = await reg.db.query<{ action: string; actor_personal_code: string }>(
      "SELECT action, actor_personal_code FROM audit_log WHERE actor_user_id = $1 AND action LIKE 'session.%' ORDER BY id",
      [judge.id],
    );
    expect(audit.map((a) => a.action)).toContain('session.sign-out');
    expect(audit.every((a) => a.actor_personal_code === judge.personalCode)).toBe(true);
  });

  it('refuses missing, malformed, unknown and expired tokens with 401', async () => {
    const session = await signIn(firstWith('court_session_secretary').personalCode);
    expect((await call(reg.url, '/api/v1/me', { token: session.token })).status).toBe(200);
    await reg.db.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE token_hash = $1", [
      createHash('sha256').update(session.token).digest('hex'),
    ]);
    for (const token of [session.token, 'x'.repeat(43), 'not a token', undefined]) {
      const res = await call<{ error: { code: string } }>(
        reg.url,
        '/api/v1/me',
        token === undefined ? {} : { token },
      );
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    }
    expect((await call(reg.url, '/api/v1/sync/pull')).status).toBe(401);
  });

  it('pages through exactly the visible cases, each once, with a rising cursor', async () => {
    for (const role of [
      'judge',
      'court_session_secretary',
      'observer',
      'chancery_official',
      'court_president',
    ]) {
      const { token } = await signIn(firstWith(role).personalCode);
      const expected = await visibleIds(await me(token));
      const { ids, cursor, pages } = await pullAll(token, 7);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(ids)).toEqual(expected);
      expect(pages).toBe(Math.floor(expected.size / 7) + 1);
      const again = SyncPullResponse.parse(
        (await call(reg.url, `/api/v1/sync/pull?cursor=${cursor}`, { token })).body,
      );
      expect(again).toEqual({
        changes: [],
        cursor,
        hasMore: false,
        remaining: 0,
        accessEpoch: expect.any(String),
      });
    }
  });

  it('shows a closed case to its judge and the staff of its hearings only, and audits each read', async () => {
    const [closed] = await reg.db.query<{ id: string; judge_id: string; secretary_id: string }>(
      `SELECT c.id, c.judge_id, h.secretary_id FROM cases c JOIN hearings h ON h.case_id = c.id
       WHERE c.restriction = 'closed' ORDER BY c.number LIMIT 1`,
    );
    expect(closed).toBeDefined();
    const all = [...users.values()].flat();
    const byId = (id: string) => all.find((u) => u.id === id)!;
    const otherJudge = users.get('judge')!.find((u) => u.id !== closed!.judge_id)!;
    const otherSecretary = users.get('court_session_secretary')!.find((u) => u.id !== closed!.secretary_id)!;
    const sees = async (personalCode: string) => {
      const { token } = await signIn(personalCode);
      return (await pullAll(token, 500)).ids.includes(closed!.id);
    };
    expect(await sees(byId(closed!.judge_id).personalCode)).toBe(true);
    expect(await sees(byId(closed!.secretary_id).personalCode)).toBe(true);
    expect(await sees(otherJudge.personalCode)).toBe(false);
    const otherHandles = await reg.db.query(
      `SELECT 1 FROM hearings h LEFT JOIN hearing_judges hj ON hj.hearing_id = h.id
       WHERE h.case_id = $1 AND (h.secretary_id = $2 OR hj.user_id = $2)`,
      [closed!.id, otherSecretary.id],
    );
    expect(await sees(otherSecretary.personalCode)).toBe(otherHandles.length > 0);
    expect(await sees(firstWith('observer').personalCode)).toBe(false);

    const reads = await reg.db.query<{ actor_user_id: string; actor_name: string }>(
      "SELECT actor_user_id, actor_name FROM audit_log WHERE action = 'case.read' AND object_id = $1",
      [closed!.id],
    );
    const readers = new Set(reads.map((r) => r.actor_user_id));
    expect(readers).toContain(closed!.judge_id);
    expect(readers).toContain(closed!.secretary_id);
    expect(readers).not.toContain(otherJudge.id);
  });

  it('gives users without cases.read nothing, and inactive users no session', async () => {
    const code = makePersonalCode(4, new Date(Date.UTC(1985, 4, 17)), 123);
    await reg.db.query(
      "INSERT INTO users (id, name, personal_code) VALUES ('99999999-9999-4999-8999-999999999999', 'Analüütik Test', $1)",
      [code],
    );
    await reg.db.query(
      `INSERT INTO role_assignments (id, user_id, role, court_code)
       VALUES ('99999999-9999-4999-8999-999999999998', '99999999-9999-4999-8999-999999999999', 'analyst', 'HMK')`,
    );
    const { token } = await signIn(code);
    const page = SyncPullResponse.parse((await call(reg.url, '/api/v1/sync/pull', { token })).body);
    expect(page).toEqual({
      changes: [],
      cursor: '0',
      hasMore: false,
      remaining: 0,
      accessEpoch: expect.any(String),
    });
    await reg.db.query("UPDATE users SET active = false WHERE id = '99999999-9999-4999-8999-999999999999'");
    expect((await call(reg.url, '/api/v1/me', { token })).status).toBe(401);
    expect((await call(reg.url, '/api/v1/dev/sign-in', { json: { personalCode: code } })).status).toBe(404);
  });

  it('sends a changed case again after the cursor, and only that case', async () => {
    const judge = firstWith('judge', 1);
    const { token } = await signIn(judge.personalCode);
    const { cursor } = await pullAll(token, 100);
    const [target] = await reg.db.query<{ id: string }>(
      "SELECT id FROM cases WHERE judge_id = $1 AND restriction = 'none' ORDER BY number LIMIT 1",
      [judge.id],
    );
    await reg.db.query(
      `INSERT INTO procedural_steps (id, case_id, kind, occurred_at, entered_at, entered_by, description)
       VALUES ('88888888-8888-4888-8888-888888888888', $1, 'note', now(), now(), $2, 'Test note')`,
      [target!.id, judge.id],
    );
    const page = SyncPullResponse.parse(
      (await call(reg.url, `/api/v1/sync/pull?cursor=${cursor}`, { token })).body,
    );
    expect(page.changes).toHaveLength(1);
    const change = page.changes[0]!;
    expect(change.kind === 'case' && change.case.id).toBe(target!.id);
    expect(change.kind === 'case' && change.case.steps.map((s) => s.description)).toContain('Test note');
    expect(BigInt(page.cursor)).toBeGreaterThan(BigInt(cursor));
  });

  it('downloads document content that matches its SHA-256, for users who may see the case', async () => {
    const judgeOfClosed = (
      await reg.db.query<{ judge_id: string }>(
        "SELECT judge_id FROM cases WHERE restriction = 'closed' ORDER BY number LIMIT 1",
      )
    )[0]!.judge_id;
    const judge = users.get('judge')!.find((u) => u.id === judgeOfClosed) ?? firstWith('court_president');
    const otherJudge = users.get('judge')!.find((u) => u.id !== judge.id)!;
    const { token } = await signIn(judge.personalCode);
    const [doc] = await reg.db.query<{ id: string; sha256: string; size: number }>(
      `SELECT d.id, d.sha256, d.size FROM documents d JOIN cases c ON c.id = d.case_id
       WHERE c.judge_id = $1 AND c.restriction = 'none' ORDER BY d.number LIMIT 1`,
      [judge.id],
    );
    const res = await call(reg.url, `/api/v1/documents/${doc!.id}/content`, { token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('etag')).toBe(`"${doc!.sha256}"`);
    expect(res.bytes.byteLength).toBe(doc!.size);
    expect(new TextDecoder().decode(res.bytes.slice(0, 5))).toBe('%PDF-');
    expect(createHash('sha256').update(res.bytes).digest('hex')).toBe(doc!.sha256);

    const [restricted] = await reg.db.query<{ id: string; judge_id: string }>(
      `SELECT d.id, c.judge_id FROM documents d JOIN cases c ON c.id = d.case_id
       WHERE c.restriction = 'closed' AND c.judge_id = $1 ORDER BY d.number LIMIT 1`,
      [judge.id],
    );
    const other = await signIn(otherJudge.personalCode);
    expect(
      (await call(reg.url, `/api/v1/documents/${restricted!.id}/content`, { token: other.token })).status,
    ).toBe(404);
    const auditBefore = await reg.db.query(
      "SELECT id FROM audit_log WHERE action = 'document.read' AND object_id = $1",
      [restricted!.id],
    );
    expect((await call(reg.url, `/api/v1/documents/${restricted!.id}/content`, { token })).status).toBe(200);
    const auditAfter = await reg.db.query<{ actor_user_id: string }>(
      "SELECT actor_user_id FROM audit_log WHERE action = 'document.read' AND object_id = $1",
      [restricted!.id],
    );
    expect(auditAfter.length).toBe(auditBefore.length + 1);
    expect(auditAfter.at(-1)!.actor_user_id).toBe(judge.id);

    expect(
      (await call(reg.url, '/api/v1/documents/00000000-0000-4000-8000-000000000000/content', { token }))
        .status,
    ).toBe(404);
    expect((await call(reg.url, `/api/v1/documents/${doc!.id}/content`)).status).toBe(401);
  });
});
