import { constants, randomUUID, sign } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { WebEidAlgorithm, WebEidToken } from '../../src-shared/register-api/index.js';
import { hashOf, signedData } from '../../src-register/auth/token.js';
import type { Db } from '../../src-register/db/index.js';
import { type RegisterConfig, type RunningRegister, startRegister } from '../../src-register/server.js';
import {
  type Issued,
  type PersonCertOptions,
  type TestPki,
  issuePersonCertificate,
} from '../../scripts/testcards/pki.js';

/** A port nothing listens on (free a moment ago). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A mutable clock for the register's `auth.now`. */
export function testClock(): { now: () => Date; advance(ms: number): void; reset(): void } {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance: (ms) => (offset += ms),
    reset: () => (offset = 0),
  };
}

export async function startAuthRegister(
  scratch: string,
  db: string,
  auth: RegisterConfig['auth'],
  options: { seedDemo?: boolean } = {},
): Promise<RunningRegister> {
  return startRegister({
    db,
    host: '127.0.0.1',
    port: 0,
    production: false,
    blobDir: path.join(scratch, `blobs-${randomUUID()}`),
    seedDemo: options.seedDemo ?? true,
    demoCaseCount: 3,
    logLevel: 'silent',
    ...(auth ? { auth } : {}),
  });
}

export interface Person {
  id: string;
  personalCode: string;
  surname: string;
  given: string;
}

/** Seeded users with a role in force, first names and surnames split for their certificates. */
export async function seededPeople(db: Db): Promise<Person[]> {
  const rows = await db.query<{ id: string; name: string; personal_code: string }>(
    `SELECT DISTINCT u.id, u.name, u.personal_code FROM users u JOIN role_assignments r ON r.user_id = u.id
     WHERE u.active AND r.valid_from <= current_date AND (r.valid_to IS NULL OR r.valid_to >= current_date)
     ORDER BY u.personal_code`,
  );
  return rows.map((row) => {
    const parts = row.name.split(' ');
    return {
      id: row.id,
      personalCode: row.personal_code,
      surname: parts.slice(1).join(' ') || parts[0]!,
      given: parts[0]!,
    };
  });
}

/**
 * `openssl ocsp` (3.0) answers the first request after `openssl ca` issued a certificate from the
 * index it had before (the new certificate is "unknown"), and the next one from the new index. One
 * throw-away request after each issuance makes the next real one see it.
 */
export function refreshResponder(pki: TestPki, url: string): void {
  execFileSync(
    'openssl',
    [
      'ocsp',
      '-issuer',
      pki.intermediate.certPath,
      '-cert',
      pki.ocspResponder.certPath,
      '-url',
      url,
      '-noverify',
    ],
    { stdio: 'ignore', timeout: 5000 },
  );
}

export function authCert(
  pki: TestPki,
  person: Pick<Person, 'personalCode' | 'surname' | 'given'>,
  options: Partial<PersonCertOptions> = {},
): Issued {
  return issuePersonCertificate(pki, {
    surname: person.surname,
    given: person.given,
    personalCode: person.personalCode,
    kind: 'authentication',
    ...options,
  });
}

/** What the card does: signs H(origin) ‖ H(nonce) with the certificate's key (here, in software). */
export function makeToken(
  cert: Issued,
  origin: string,
  nonce: string,
  options: { algorithm?: WebEidAlgorithm; keyPath?: string } = {},
): WebEidToken {
  const algorithm = options.algorithm ?? 'ES384';
  const key = readFileSync(options.keyPath ?? cert.keyPath, 'utf8');
  const data = signedData(algorithm, origin, nonce);
  const hash = hashOf(algorithm);
  const signature = algorithm.startsWith('ES')
    ? sign(hash, data, { key, dsaEncoding: 'ieee-p1363' })
    : algorithm.startsWith('PS')
      ? sign(hash, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: hashBytes(hash) })
      : sign(hash, data, { key, padding: constants.RSA_PKCS1_PADDING });
  return {
    unverifiedCertificate: cert.certDer.toString('base64'),
    algorithm,
    signature: signature.toString('base64'),
    format: 'web-eid:1.0',
    appVersion: 'https://web-eid.eu/web-eid-app/releases/2.5.0+0',
  };
}

const hashBytes = (hash: string) => ({ sha256: 32, sha384: 48, sha512: 64 })[hash] ?? 32;

export interface Reply<T = unknown> {
  status: number;
  body: T;
}

export interface ErrorBody {
  error: { code: string; message: string; reason?: string };
}

/** A JSON request with optional bearer token and Origin header. */
export async function request<T = unknown>(
  baseUrl: string,
  url: string,
  options: { json?: unknown; raw?: string; token?: string; origin?: string; method?: string } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.origin) headers.origin = options.origin;
  const body = options.raw ?? (options.json === undefined ? undefined : JSON.stringify(options.json));
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${url}`, {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export async function challenge(baseUrl: string): Promise<string> {
  const reply = await request<{ nonce: string }>(baseUrl, '/api/v1/auth/challenge', { method: 'POST' });
  if (reply.status !== 200) throw new Error(`challenge: HTTP ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.nonce;
}

/** Challenge, sign for the register's own origin, send: the whole client side of a sign-in. */
export async function signIn<T = { token: string }>(
  baseUrl: string,
  cert: Issued,
  options: { algorithm?: WebEidAlgorithm; keyPath?: string; origin?: string } = {},
): Promise<Reply<T>> {
  const nonce = await challenge(baseUrl);
  const origin = options.origin ?? new URL(baseUrl).origin;
  return request<T>(baseUrl, '/api/v1/auth/token', {
    json: { authToken: makeToken(cert, origin, nonce, options), nonce },
    origin,
  });
}

/** Counts what a sign-in writes: sessions and sign-in audit entries. */
export async function signInState(db: Db): Promise<{ sessions: number; signIns: number }> {
  const [row] = await db.query<{ sessions: number; sign_ins: number }>(
    `SELECT (SELECT count(*)::int FROM sessions) AS sessions,
            (SELECT count(*)::int FROM audit_log WHERE action = 'session.sign-in') AS sign_ins`,
  );
  return { sessions: row!.sessions, signIns: row!.sign_ins };
}
