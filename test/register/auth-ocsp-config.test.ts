import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOcsp } from '../../src-register/auth/ocsp.js';
import { ConfigError, type RegisterConfig, startRegister } from '../../src-register/server.js';
import {
  type OcspResponder,
  type TestPki,
  createTestPki,
  issuePersonCertificate,
  revokeCertificate,
  startOcspResponder,
} from '../../scripts/testcards/pki.js';
import {
  type ErrorBody,
  freePort,
  refreshResponder,
  request,
  seededPeople,
  signIn,
  startAuthRegister,
} from './auth-harness.js';

const PERSON = {
  surname: 'MÄGI',
  given: 'MARI',
  personalCode: '48506152717',
  kind: 'authentication',
} as const;

let scratch: string;
let pki: TestPki;
let other: TestPki;
let responder: OcspResponder;
let otherResponder: OcspResponder;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'chambers-ocsp-'));
  pki = createTestPki(path.join(scratch, 'pki'));
  other = createTestPki(path.join(scratch, 'other'), { caName: 'TEST of OTHER CA' });
  responder = await startOcspResponder(pki);
  otherResponder = await startOcspResponder(other);
}, 30_000);

afterAll(async () => {
  await responder?.stop();
  await otherResponder?.stop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('OCSP client against openssl ocsp', () => {
  const ask = (certDer: Buffer, url = responder.url, issuer = pki) =>
    checkOcsp({
      certificateDer: certDer,
      issuer: new X509Certificate(issuer.intermediate.certPem),
      url,
      timeoutMs: 3000,
      now: new Date(),
    });

  it('accepts good, refuses revoked and unknown', async () => {
    const good = issuePersonCertificate(pki, PERSON);
    refreshResponder(pki, responder.url);
    await expect(ask(good.certDer)).resolves.toBeUndefined();
    revokeCertificate(pki, good);
    refreshResponder(pki, responder.url);
    await expect(ask(good.certDer)).rejects.toMatchObject({
      code: 'unauthenticated',
      reason: 'certificate_revoked',
    });
    // A certificate the CA's index does not hold: issue it, then put the old index back.
    const index = readFileSync(pki.indexPath, 'utf8');
    const stray = issuePersonCertificate(pki, PERSON);
    writeFileSync(pki.indexPath, index);
    refreshResponder(pki, responder.url);
    refreshResponder(pki, responder.url);
    await expect(ask(stray.certDer)).rejects.toMatchObject({ reason: 'certificate_status_unknown' });
  });

  it('refuses a response signed by a responder of another CA', async () => {
    const cert = issuePersonCertificate(pki, PERSON);
    await expect(ask(cert.certDer, otherResponder.url)).rejects.toMatchObject({
      code: 'unauthenticated',
      reason: 'ocsp_response_invalid',
    });
  });

  it('answers ocsp_unavailable for a closed port, HTTP errors and a non-HTTP URL', async () => {
    const cert = issuePersonCertificate(pki, PERSON);
    const closed = await freePort();
    await expect(ask(cert.certDer, `http://127.0.0.1:${closed}`)).rejects.toMatchObject({
      code: 'unavailable',
      reason: 'ocsp_unavailable',
    });
    await expect(ask(cert.certDer, 'ftp://127.0.0.1/')).rejects.toMatchObject({ reason: 'ocsp_unavailable' });
  });
});

describe('sign-in configuration', () => {
  const base = (overrides: Partial<RegisterConfig>): RegisterConfig => ({
    db: 'pglite:memory',
    host: '127.0.0.1',
    port: 0,
    production: false,
    blobDir: path.join(scratch, 'blobs'),
    seedDemo: false,
    logLevel: 'silent',
    ...overrides,
  });

  it('refuses to start in production without trusted CAs, with a plain-HTTP public origin, or with a bad CA', async () => {
    const dataDir = path.join(scratch, 'never-created');
    await expect(startRegister(base({ production: true, db: `pglite:${dataDir}` }))).rejects.toThrow(
      /without trusted CA/,
    );
    const trusted = { trustedCaCertificates: [pki.intermediate.certPem] };
    await expect(
      startRegister(base({ production: true, auth: { ...trusted, origin: 'http://register.example' } })),
    ).rejects.toThrow(/plain-HTTP origin/);
    await expect(startRegister(base({ production: true, host: '0.0.0.0', auth: trusted }))).rejects.toThrow(
      ConfigError,
    );
    await expect(startRegister(base({ auth: { trustedCaCertificates: ['not a pem'] } }))).rejects.toThrow(
      /no PEM certificate/,
    );
    const leaf = issuePersonCertificate(pki, PERSON);
    await expect(startRegister(base({ auth: { trustedCaCertificates: [leaf.certPem] } }))).rejects.toThrow(
      /not a CA certificate/,
    );
    await expect(
      startRegister(base({ auth: { ...trusted, origin: 'https://x.example/path' } })),
    ).rejects.toThrow(/no path/);
    expect(existsSync(dataDir)).toBe(false);
    // https:// and loopback origins are fine in production.
    for (const origin of ['https://register.example', 'http://127.0.0.1:4610']) {
      const reg = await startRegister(base({ production: true, auth: { ...trusted, origin } }));
      await reg.close();
    }
  });

  it('answers 503 sign_in_not_configured on challenge and token without an auth config', async () => {
    const reg = await startAuthRegister(scratch, 'pglite:memory', undefined, { seedDemo: false });
    try {
      const authToken = {
        unverifiedCertificate: 'AA==',
        algorithm: 'ES384',
        signature: 'AA==',
        format: 'web-eid:1.0',
      };
      for (const [url, json] of [
        ['/api/v1/auth/challenge', undefined],
        ['/api/v1/auth/token', { authToken, nonce: 'x' }],
      ] as const) {
        const reply = await request<ErrorBody>(reg.url, url, { json, method: 'POST' });
        expect(reply.status).toBe(503);
        expect(reply.body.error).toMatchObject({ code: 'unavailable', reason: 'sign_in_not_configured' });
      }
    } finally {
      await reg.close();
    }
  });

  it("asks a designated responder (ocspUrl) instead of the certificate's own", async () => {
    const reg = await startAuthRegister(scratch, `pglite:${path.join(scratch, 'designated')}`, {
      trustedCaCertificates: [pki.intermediate.certPem],
      ocspUrl: responder.url,
      ocspTimeoutMs: 1000,
    });
    try {
      const [person] = await seededPeople(reg.db);
      // The AIA URL in the certificate leads nowhere; only the designated responder answers.
      const cert = issuePersonCertificate(pki, {
        surname: person!.surname,
        given: person!.given,
        personalCode: person!.personalCode,
        kind: 'authentication',
        ocspUrl: `http://127.0.0.1:${await freePort()}`,
      });
      refreshResponder(pki, responder.url);
      const reply = await signIn(reg.url, cert);
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    } finally {
      await reg.close();
    }
  });
});
