import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { AuthRefusalReason } from '../../src-shared/register-api/index.js';
import type { RunningRegister } from '../../src-register/server.js';
import {
  type Issued,
  type OcspResponder,
  type TestPki,
  createTestPki,
  revokeCertificate,
  startOcspResponder,
} from '../../scripts/testcards/pki.js';
import {
  type ErrorBody,
  type Person,
  type Reply,
  authCert as issueCert,
  challenge,
  freePort,
  makeToken,
  refreshResponder,
  request,
  seededPeople,
  signIn,
  signInState,
  startAuthRegister,
  testClock,
} from './auth-harness.js';
import { describeOnBothDatabases } from './databases.js';

const DAY = 24 * 60 * 60 * 1000;
const clock = testClock();
let scratch: string;
let pki: TestPki;
let untrusted: TestPki;
let responder: OcspResponder;
/** Accepts connections and never answers: an OCSP responder that hangs. */
let silent: Server;
let silentPort: number;
const silentSockets = new Set<Socket>();

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'chambers-auth-'));
  const port = await freePort();
  pki = createTestPki(path.join(scratch, 'pki'), { ocspUrl: `http://127.0.0.1:${port}` });
  untrusted = createTestPki(path.join(scratch, 'untrusted'), {
    caName: 'TEST of UNTRUSTED CA',
    ocspUrl: `http://127.0.0.1:${port}`,
  });
  responder = await startOcspResponder(pki, { port });
  silent = createServer((socket) => silentSockets.add(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentPort = (silent.address() as { port: number }).port;
}, 30_000);

afterAll(async () => {
  await responder?.stop();
  for (const socket of silentSockets) socket.destroy();
  await new Promise((resolve) => (silent ? silent.close(resolve) : resolve(undefined)));
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

afterEach(() => clock.reset());

/** Issues a certificate and lets the responder catch up with its index (see refreshResponder). */
function authCert(
  from: TestPki,
  person: Parameters<typeof issueCert>[1],
  options: Parameters<typeof issueCert>[2] = {},
): Issued {
  const cert = issueCert(from, person, options);
  if (from === pki) refreshResponder(pki, responder.url);
  return cert;
}

const tokenUrl = '/api/v1/auth/token';

describeOnBothDatabases('ID-card sign-in', (dbs) => {
  let reg: RunningRegister;
  let people: Person[];
  let holder: Person;
  let holderCert: Issued;
  let closedPort: number;

  beforeAll(async () => {
    reg = await startAuthRegister(dbs().scratch, await dbs().create('auth'), {
      trustedCaCertificates: [pki.intermediate.certPem],
      ocspTimeoutMs: 400,
      now: clock.now,
    });
    people = await seededPeople(reg.db);
    holder = people[0]!;
    holderCert = authCert(pki, holder);
    closedPort = await freePort();
  }, 60_000);
  afterAll(() => reg?.close());

  /** Sends, then checks the refusal and that nothing was written (no session, no sign-in entry). */
  async function expectRefused(
    send: () => Promise<Reply>,
    status: number,
    code: string,
    reason?: AuthRefusalReason,
  ): Promise<void> {
    const before = await signInState(reg.db);
    const reply = (await send()) as Reply<ErrorBody>;
    expect(reply.status, JSON.stringify(reply.body)).toBe(status);
    expect(reply.body.error.code).toBe(code);
    if (reason) expect(reply.body.error.reason).toBe(reason);
    expect(await signInState(reg.db)).toEqual(before);
  }

  it('signs in with a valid card: challenge, token, then /me works, with an audit entry', async () => {
    const before = await signInState(reg.db);
    const reply = await signIn<{ token: string; expiresAt: string; user: { id: string } }>(
      reg.url,
      holderCert,
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.user.id).toBe(holder.id);
    const me = await request<{ user: { personalCode: string } }>(reg.url, '/api/v1/me', {
      token: reply.body.token,
    });
    expect(me.status).toBe(200);
    expect(me.body.user.personalCode).toBe(holder.personalCode);
    expect(await signInState(reg.db)).toEqual({ sessions: before.sessions + 1, signIns: before.signIns + 1 });
    const [session] = await reg.db.query<{ method: string }>(
      'SELECT method FROM sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1',
      [holder.id],
    );
    expect(session!.method).toBe('id-card');
    const [entry] = await reg.db.query<{ details: Record<string, string>; actor_personal_code: string }>(
      `SELECT details, actor_personal_code FROM audit_log WHERE action = 'session.sign-in'
       ORDER BY seq DESC LIMIT 1`,
    );
    expect(entry!.actor_personal_code).toBe(holder.personalCode);
    expect(entry!.details).toMatchObject({
      method: 'id-card',
      certificateIssuer: expect.stringContaining('TEST of ESTEID2025'),
    });
    expect(entry!.details.certificateSerial?.toUpperCase()).toBe(holderCert.serialHex);
  });

  it('signs in with RSA keys under RS256 and PS512, and an EC P-256 key under ES256', async () => {
    const rsa = authCert(pki, people[1]!, { keyType: 'rsa-2048' });
    expect((await signIn(reg.url, rsa, { algorithm: 'RS256' })).status).toBe(200);
    expect((await signIn(reg.url, rsa, { algorithm: 'PS512' })).status).toBe(200);
    const p256 = authCert(pki, people[1]!, { keyType: 'ec-p256' });
    expect((await signIn(reg.url, p256, { algorithm: 'ES256' })).status).toBe(200);
  });

  const certCases: Array<[string, (p: Person) => Issued, number, string, AuthRefusalReason]> = [
    [
      'an expired certificate',
      (p) =>
        authCert(pki, p, {
          notBefore: new Date(Date.now() - 30 * DAY),
          notAfter: new Date(Date.now() - DAY),
        }),
      401,
      'unauthenticated',
      'certificate_expired',
    ],
    [
      'a certificate not yet valid',
      (p) =>
        authCert(pki, p, {
          notBefore: new Date(Date.now() + DAY),
          notAfter: new Date(Date.now() + 30 * DAY),
        }),
      401,
      'unauthenticated',
      'certificate_not_yet_valid',
    ],
    [
      'a certificate of an untrusted CA',
      (p) => authCert(untrusted, p),
      401,
      'unauthenticated',
      'certificate_untrusted',
    ],
    [
      'a certificate without clientAuth',
      (p) => authCert(pki, p, { extendedKeyUsage: ['emailProtection'] }),
      401,
      'unauthenticated',
      'certificate_missing_client_auth',
    ],
    [
      'a certificate with no extended key usage at all',
      (p) => authCert(pki, p, { extendedKeyUsage: null }),
      401,
      'unauthenticated',
      'certificate_missing_client_auth',
    ],
    [
      'a certificate without digitalSignature',
      (p) => authCert(pki, p, { keyUsage: ['keyAgreement'] }),
      401,
      'unauthenticated',
      'certificate_missing_digital_signature',
    ],
    [
      'the signing certificate instead of the authentication one',
      (p) => authCert(pki, p, { kind: 'signing' }),
      401,
      'unauthenticated',
      'certificate_is_signing_certificate',
    ],
    [
      'a Mobile-ID policy',
      (p) => authCert(pki, p, { policies: ['1.3.6.1.4.1.10015.1.3'] }),
      401,
      'unauthenticated',
      'certificate_policy_disallowed',
    ],
    [
      'a subject whose personal code has a wrong check digit',
      (p) =>
        authCert(pki, p, {
          personalCode: p.personalCode.slice(0, 10) + ((Number(p.personalCode[10]) + 1) % 10),
        }),
      401,
      'unauthenticated',
      'certificate_subject_invalid',
    ],
    [
      'a valid card of someone who is not a user',
      () => authCert(pki, { personalCode: '38001085718', surname: 'JÕEORG', given: 'JAAK-KRISTJAN' }),
      401,
      'unauthenticated',
      'user_unknown',
    ],
    [
      'an OCSP responder that is not listening',
      (p) => authCert(pki, p, { ocspUrl: `http://127.0.0.1:${closedPort}` }),
      503,
      'unavailable',
      'ocsp_unavailable',
    ],
    [
      'an OCSP responder that does not answer within the timeout',
      (p) => authCert(pki, p, { ocspUrl: `http://127.0.0.1:${silentPort}` }),
      503,
      'unavailable',
      'ocsp_unavailable',
    ],
  ];
  it.each(certCases)('refuses %s', async (_name, make, status, code, reason) => {
    const cert = make(holder);
    await expectRefused(() => signIn(reg.url, cert), status, code, reason);
  });

  it('refuses a revoked certificate', async () => {
    const cert = authCert(pki, holder);
    expect((await signIn(reg.url, cert)).status).toBe(200);
    revokeCertificate(pki, cert);
    await expectRefused(() => signIn(reg.url, cert), 401, 'unauthenticated', 'certificate_revoked');
  });

  it('refuses a replayed, an expired and an unknown nonce', async () => {
    const nonce = await challenge(reg.url);
    const token = makeToken(holderCert, new URL(reg.url).origin, nonce);
    const send = () => request(reg.url, tokenUrl, { json: { authToken: token, nonce } });
    expect((await send()).status).toBe(200);
    await expectRefused(send, 401, 'unauthenticated', 'nonce_replayed');

    const old = await challenge(reg.url);
    clock.advance(5 * 60 * 1000 + 1000);
    const late = makeToken(holderCert, new URL(reg.url).origin, old);
    await expectRefused(
      () => request(reg.url, tokenUrl, { json: { authToken: late, nonce: old } }),
      401,
      'unauthenticated',
      'nonce_expired',
    );
    clock.reset();

    const made = randomBytes(32).toString('base64');
    const forged = makeToken(holderCert, new URL(reg.url).origin, made);
    await expectRefused(
      () => request(reg.url, tokenUrl, { json: { authToken: forged, nonce: made } }),
      401,
      'unauthenticated',
      'nonce_unknown',
    );
    await expectRefused(
      () => request(reg.url, tokenUrl, { json: { authToken: forged, nonce: 'short' } }),
      401,
      'unauthenticated',
      'nonce_unknown',
    );
  });

  it('lets only one of two concurrent requests with the same nonce through', async () => {
    const nonce = await challenge(reg.url);
    const token = makeToken(holderCert, new URL(reg.url).origin, nonce);
    const replies = await Promise.all(
      [1, 2, 3].map(() => request<ErrorBody>(reg.url, tokenUrl, { json: { authToken: token, nonce } })),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, 401, 401]);
    expect(replies.filter((r) => r.status === 401).map((r) => r.body.error.reason)).toEqual([
      'nonce_replayed',
      'nonce_replayed',
    ]);
  });

  it('consumes the nonce even when a later step refuses the token', async () => {
    const nonce = await challenge(reg.url);
    const origin = new URL(reg.url).origin;
    const other = authCert(pki, people[1]!);
    const wrongKey = makeToken(holderCert, origin, nonce, { keyPath: other.keyPath });
    await expectRefused(
      () => request(reg.url, tokenUrl, { json: { authToken: wrongKey, nonce }, origin }),
      401,
      'unauthenticated',
      'signature_invalid',
    );
    const right = makeToken(holderCert, origin, nonce);
    await expectRefused(
      () => request(reg.url, tokenUrl, { json: { authToken: right, nonce }, origin }),
      401,
      'unauthenticated',
      'nonce_replayed',
    );
  });

  it('refuses a token signed for another origin: origin_mismatch with its Origin, signature_invalid without', async () => {
    const evil = 'https://register.example.com';
    await expectRefused(
      () => signIn(reg.url, holderCert, { origin: evil }),
      401,
      'unauthenticated',
      'origin_mismatch',
    );
    const nonce = await challenge(reg.url);
    const token = makeToken(holderCert, evil, nonce);
    await expectRefused(
      () => request(reg.url, tokenUrl, { json: { authToken: token, nonce } }),
      401,
      'unauthenticated',
      'signature_invalid',
    );
  });

  it('refuses a signature by another key, and an algorithm that does not fit the key', async () => {
    const other = authCert(pki, people[1]!);
    await expectRefused(
      () => signIn(reg.url, holderCert, { keyPath: other.keyPath }),
      401,
      'unauthenticated',
      'signature_invalid',
    );
    const rsa = authCert(pki, holder, { keyType: 'rsa-2048' });
    const nonce = await challenge(reg.url);
    const token = {
      ...makeToken(rsa, new URL(reg.url).origin, nonce, { algorithm: 'RS384' }),
      algorithm: 'ES384',
    };
    await expectRefused(
      () => request(reg.url, tokenUrl, { json: { authToken: token, nonce } }),
      401,
      'unauthenticated',
      'algorithm_mismatch',
    );
    const ec = makeToken(holderCert, new URL(reg.url).origin, await challenge(reg.url), {
      algorithm: 'ES384',
    });
    // An ES384 signature presented as ES256 is over a different hash: it does not verify.
    const relabelled = { ...ec, algorithm: 'ES256' };
    const nonce2 = await challenge(reg.url);
    await expectRefused(
      () => request(reg.url, tokenUrl, { json: { authToken: { ...relabelled }, nonce: nonce2 } }),
      401,
      'unauthenticated',
      'signature_invalid',
    );
  });

  it('refuses malformed requests with 400 and a reason, never a 500', async () => {
    const nonce = await challenge(reg.url);
    const good = makeToken(holderCert, new URL(reg.url).origin, nonce);
    const send = (authToken: unknown) => () => request(reg.url, tokenUrl, { json: { authToken, nonce } });
    await expectRefused(() => request(reg.url, tokenUrl, { raw: '{"authToken": {' }), 400, 'invalid_input');
    await expectRefused(() => request(reg.url, tokenUrl, { json: { nonce } }), 400, 'invalid_input');
    await expectRefused(
      send({ ...good, format: 'web-eid:2' }),
      400,
      'invalid_input',
      'token_format_unsupported',
    );
    await expectRefused(
      send({ ...good, format: 'web-eid:10' }),
      400,
      'invalid_input',
      'token_format_unsupported',
    );
    await expectRefused(send({ ...good, signature: 'not base64!' }), 400, 'invalid_input', 'token_malformed');
    await expectRefused(
      send({ ...good, signature: `${good.signature}=` }),
      400,
      'invalid_input',
      'token_malformed',
    );
    await expectRefused(
      send({ ...good, unverifiedCertificate: `A${good.unverifiedCertificate}` }),
      400,
      'invalid_input',
      'token_malformed',
    );
    await expectRefused(send({ ...good, algorithm: 'HS256' }), 400, 'invalid_input', 'algorithm_unsupported');
    await expectRefused(
      send({ ...good, unverifiedCertificate: Buffer.from('not a certificate').toString('base64') }),
      400,
      'invalid_input',
      'certificate_malformed',
    );
    const trailing = Buffer.concat([holderCert.certDer, Buffer.from([0])]).toString('base64');
    await expectRefused(
      send({ ...good, unverifiedCertificate: trailing }),
      400,
      'invalid_input',
      'certificate_malformed',
    );
    // None of these consumed the nonce: the token still signs in.
    expect((await send(good)()).status).toBe(200);
  });
});
