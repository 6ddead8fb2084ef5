import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SessionResponse } from '../../src-shared/register-api/index.js';
import type { RunningRegister } from '../../src-register/server.js';
import { describeOnBothDatabases, startSeededRegister } from './databases.js';
import { call } from './http-client.js';
import {
  type BodyChoice,
  type Operation,
  type RawResponse,
  bodyArb,
  fingerprint,
  operationsOf,
  queryArb,
  segmentArb,
  send,
} from './malformed-requests-fixture.js';

/** How many operations the register had when this test was written; fewer means the list broke. */
const KNOWN_OPERATIONS = 27;
const RUNS_PER_OPERATION = 50;

type Auth = 'session' | 'none' | 'garbage';

interface Attempt {
  auth: Auth;
  path: string;
  query: string;
  body: BodyChoice;
  range: string | undefined;
}

const isJsonText = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

function attemptArb(op: Operation, ids: Record<string, string>): fc.Arbitrary<Attempt> {
  const read = op.method === 'GET';
  const real = Object.values(ids);
  // A parameter's own kind of identifier is drawn most often, so reads reach real records.
  const segments = op.pathParams.map((name) => {
    const own = ids[name];
    return segmentArb(own ? [own, own, own, ...real] : real, read);
  });
  const pathArb = fc
    .tuple(...segments)
    .map((values) => op.pathParams.reduce((p, name, i) => p.replace(`{${name}}`, values[i]!), op.path));
  const body = read ? fc.constant<BodyChoice>({}) : bodyArb(op.bodyFields);
  const range = fc.option(
    fc.oneof(
      fc.constantFrom('bytes=0-0', 'bytes=-1', 'bytes=5-1', 'bytes=0-99999999999', 'bytes=x', 'lines=1-2'),
      fc.string(),
    ),
    { nil: undefined },
  );
  const attempt = fc.record({
    auth: fc.constantFrom<Auth>('session', 'session', 'none', 'garbage'),
    path: op.pathParams.length ? pathArb : fc.constant(op.path),
    query: queryArb(op.queryParams, real, read),
    body,
    range: op.binary ? range : fc.constant(undefined),
  });
  // An operation that takes no input at all (sign-out) has nothing to get wrong but its transport:
  // with a valid session it only gets non-empty bodies that are no JSON.
  const inputless = !read && !op.pathParams.length && !op.queryParams.length && !op.hasBody;
  if (!inputless) return attempt;
  return attempt.filter(
    (a) =>
      a.auth !== 'session' ||
      (a.body.body !== undefined && a.body.body.trim() !== '' && !isJsonText(a.body.body)),
  );
}

function checkAnswer(op: Operation, attempt: Attempt, res: RawResponse): void {
  const what = `${op.method} ${attempt.path}?${attempt.query} (${attempt.auth}) → ${res.status} ${res.body.slice(0, 300)}`;
  expect(res.status, what).toBeLessThan(500);
  if (res.status < 400 || (op.binary && res.status === 416)) return;
  expect(res.contentType, what).toMatch(/^application\/json/);
  const body = JSON.parse(res.body) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof body.error?.code, what).toBe('string');
  expect(typeof body.error?.message, what).toBe('string');
}

describeOnBothDatabases('malformed requests at every endpoint', (dbs) => {
  let reg: RunningRegister;
  let token: string;
  let operations: Operation[];
  let ids: Record<string, string>;

  beforeAll(async () => {
    reg = await startSeededRegister(dbs(), 'malformed', 6);
    const [president] = await reg.db.query<{ personal_code: string }>(
      `SELECT u.personal_code FROM users u JOIN role_assignments r ON r.user_id = u.id
       WHERE r.role = 'court_president' LIMIT 1`,
    );
    const signIn = await call(reg.url, '/api/v1/dev/sign-in', {
      json: { personalCode: president!.personal_code },
    });
    token = SessionResponse.parse(signIn.body).token;
    const [row] = await reg.db.query<Record<string, string>>(
      // Named after the path parameters they fit.
      `SELECT c.id::text AS "caseId", c.number, d.id::text AS "documentId", d.sha256, d.number AS "docNumber",
              c.court_code AS court, (SELECT max(seq)::text FROM allocation_log) AS seq
       FROM cases c JOIN documents d ON d.case_id = c.id
       WHERE c.restriction = 'none' AND NOT d.restricted ORDER BY c.number LIMIT 1`,
    );
    ids = row!;
    const doc = await call<Record<string, unknown>>(reg.url, '/api/v1/openapi.json');
    operations = operationsOf(doc.body);
  });
  afterAll(() => reg?.close());

  it('lists every operation in the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(KNOWN_OPERATIONS);
    expect(Object.values(ids).every((v) => typeof v === 'string' && v.length > 0)).toBe(true);
  });

  it('answers malformed requests with a 4xx in the shared shape and changes nothing', async () => {
    const before = await fingerprint(reg.db);
    let sent = 0;
    for (const [index, op] of operations.entries()) {
      // Answers to the signed-in user that got past authentication: the session must stay alive.
      let pastAuth = 0;
      await fc.assert(
        fc.asyncProperty(attemptArb(op, ids), async (attempt) => {
          const headers: Record<string, string> = {};
          if (attempt.auth === 'session') headers.authorization = `Bearer ${token}`;
          if (attempt.auth === 'garbage') headers.authorization = 'Bearer \u00ff not-a-token';
          if (attempt.body.contentType !== undefined) headers['content-type'] = attempt.body.contentType;
          if (attempt.range !== undefined) headers.range = encodeURI(attempt.range).slice(0, 200);
          const query = attempt.query ? `?${attempt.query}` : '';
          const res = await send(reg.url, {
            method: op.method,
            path: attempt.path + query,
            headers,
            body: attempt.body.body,
          });
          sent += 1;
          if (attempt.auth === 'session' && res.status !== 401) pastAuth += 1;
          checkAnswer(op, attempt, res);
        }),
        { numRuns: RUNS_PER_OPERATION, seed: 9_000 + index, endOnFailure: true },
      );
      expect(pastAuth, `${op.method} ${op.path}: the session never got past authentication`).toBeGreaterThan(
        0,
      );
      expect(await fingerprint(reg.db), `${op.method} ${op.path} changed the database`).toEqual(before);
    }
    expect(sent).toBeGreaterThanOrEqual(KNOWN_OPERATIONS * RUNS_PER_OPERATION);
    // The session survived: nothing above signed it out.
    expect((await call(reg.url, '/api/v1/me', { token })).status).toBe(200);
  });
});
