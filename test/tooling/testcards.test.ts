// The test-card tooling against the real things: openssl (PKI and OCSP responder), SoftHSM2 read through
// pkcs11js, and gnome-keyring on a private D-Bus session bus.
import { execFileSync } from 'node:child_process';
import { createHash, verify, X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as pkcs11js from 'pkcs11js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SEED, demoStaff, makeDemoStaff } from '../../src-register/seed/demo-people.js';
import { Prng } from '../../src-register/seed/prng.js';
import {
  createDemoCards,
  createDemoCardsAsync,
  readCardsManifest,
  splitName,
} from '../../scripts/testcards/demo-cards.js';
import {
  createTestPki,
  issuePersonCertificate,
  revokeCertificate,
  startOcspResponder,
  type Issued,
  type OcspResponder,
  type TestPki,
} from '../../scripts/testcards/pki.js';
import { startPrivateKeyring } from '../../scripts/testcards/private-keyring.js';
import {
  listTokens,
  prepareSoftHsm,
  removeCard,
  SOFTHSM_MODULE,
  writeCard,
  type CardTokens,
  type SoftHsm,
} from '../../scripts/testcards/softhsm.js';

const repo = resolve(import.meta.dirname, '../..');
let dir: string;
let pki: TestPki;
let auth: Issued;
let sign: Issued;
let hsm: SoftHsm;
let card: CardTokens;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chambers-testcards-'));
  pki = createTestPki(join(dir, 'pki'));
  const person = { surname: 'Mägi', given: 'Kadri', personalCode: '47908194457' };
  auth = issuePersonCertificate(pki, { ...person, kind: 'authentication' });
  sign = issuePersonCertificate(pki, { ...person, kind: 'signing' });
  hsm = prepareSoftHsm(join(dir, 'hsm'));
  card = writeCard(hsm, {
    holder: 'MÄGI,KADRI',
    pin1: '1234',
    pin2: '12345',
    authentication: auth,
    signing: sign,
  });
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function opensslText(certPath: string): string {
  return execFileSync('openssl', ['x509', '-in', certPath, '-noout', '-text', '-nameopt', 'utf8'], {
    encoding: 'utf8',
  });
}

describe('test PKI', () => {
  it('makes a chain that openssl verifies, and a second PKI that it does not trust', () => {
    const verifyWith = (root: string, intermediate: string, cert: string) =>
      execFileSync('openssl', ['verify', '-CAfile', root, '-untrusted', intermediate, cert], {
        encoding: 'utf8',
      });
    expect(verifyWith(pki.root.certPath, pki.intermediate.certPath, auth.certPath)).toContain(': OK');
    expect(verifyWith(pki.root.certPath, pki.intermediate.certPath, pki.ocspResponder.certPath)).toContain(
      ': OK',
    );

    const other = createTestPki(join(dir, 'untrusted'), { caName: 'UNTRUSTED TEST CA' });
    const stranger = issuePersonCertificate(other, {
      surname: 'Pärn',
      given: 'Merike',
      personalCode: '46912286716',
      kind: 'authentication',
    });
    expect(() => verifyWith(pki.root.certPath, pki.intermediate.certPath, stranger.certPath)).toThrow();
    expect(new X509Certificate(other.intermediate.certPem).subject).toContain('CN=UNTRUSTED TEST CA');
  });

  it('writes an Estonian-style authentication certificate', () => {
    const x509 = new X509Certificate(auth.certPem);
    expect(x509.subject.split('\n')).toEqual([
      'C=EE',
      'CN=MÄGI\\,KADRI\\,47908194457', // Node escapes the commas
      'SN=MÄGI',
      'GN=KADRI',
      'serialNumber=PNOEE-47908194457',
    ]);
    expect(auth.subject).toBe(
      '/C=EE/CN=MÄGI,KADRI,47908194457/SN=MÄGI/GN=KADRI/serialNumber=PNOEE-47908194457',
    );
    expect(x509.issuer).toBe(new X509Certificate(pki.intermediate.certPem).subject);
    expect(x509.keyUsage).toEqual(['1.3.6.1.5.5.7.3.2', '1.3.6.1.5.5.7.3.4']); // Node's keyUsage is the EKU
    expect(x509.serialNumber.toUpperCase()).toBe(auth.serialHex);
    expect(auth.serialHex).toMatch(/^[0-9A-F]{32}$/);
    expect((x509.publicKey.asymmetricKeyDetails ?? {}).namedCurve).toBe('secp384r1');
    const text = opensslText(auth.certPath);
    expect(text).toMatch(/Key Usage: critical\s+Digital Signature, Key Agreement\n/);
    expect(text).toContain('Policy: 1.3.6.1.4.1.51361.1.1.3');
    expect(text).toContain('Policy: 0.4.0.2042.1.2');
    expect(text).toContain('OCSP - URI:http://127.0.0.1:4630');
    expect(text).toMatch(/Basic Constraints: critical\s+CA:FALSE/);
    expect(text).toContain('X509v3 Authority Key Identifier');
  });

  it('writes a signing certificate with non-repudiation and no EKU, and honours the options', () => {
    const text = opensslText(sign.certPath);
    expect(text).toMatch(/Key Usage: critical\s+Non Repudiation\n/);
    expect(text).not.toContain('Extended Key Usage');
    expect(text).toContain('Policy: 1.3.6.1.4.1.51361.1.1.4');

    const notAfter = new Date(Date.now() - 24 * 3600_000);
    const expired = issuePersonCertificate(pki, {
      surname: 'Saar',
      given: 'Helen',
      personalCode: '47211062570',
      kind: 'authentication',
      notBefore: new Date(Date.now() - 400 * 24 * 3600_000),
      notAfter,
      keyType: 'rsa-2048',
      extendedKeyUsage: null,
      ocspUrl: 'http://127.0.0.1:9/ocsp',
    });
    const x509 = new X509Certificate(expired.certPem);
    expect(new Date(x509.validTo).getTime()).toBeLessThan(Date.now());
    expect(x509.publicKey.asymmetricKeyType).toBe('rsa');
    expect(opensslText(expired.certPath)).not.toContain('Extended Key Usage');
    expect(opensslText(expired.certPath)).toContain('OCSP - URI:http://127.0.0.1:9/ocsp');
  });
});

describe('SoftHSM card', () => {
  it('holds the authentication key and certificate on the PIN1 token, usable through PKCS#11', () => {
    process.env.SOFTHSM2_CONF = hsm.env.SOFTHSM2_CONF; // read by SoftHSM at C_Initialize
    const p11 = new pkcs11js.PKCS11();
    p11.load(SOFTHSM_MODULE);
    p11.C_Initialize();
    try {
      const slots = p11.C_GetSlotList(true);
      const labelled = slots.map((slot) => ({ slot, info: p11.C_GetTokenInfo(slot) }));
      const pin1 = labelled.find((s) => s.info.label.trimEnd() === card.pin1Label);
      expect(card.pin1Label).toBe('MÄGI,KADRI (PIN1)');
      expect(pin1?.info.serialNumber.trimEnd()).toBe(card.pin1Serial);
      expect(labelled.some((s) => s.info.label.trimEnd() === card.pin2Label)).toBe(true);
      const session = p11.C_OpenSession(pin1!.slot, pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION);

      let code = 0;
      try {
        p11.C_Login(session, pkcs11js.CKU_USER, '9999');
      } catch (error) {
        code = (error as { code: number }).code;
      }
      expect(code).toBe(pkcs11js.CKR_PIN_INCORRECT);
      p11.C_Login(session, pkcs11js.CKU_USER, '1234');

      const find = (cls: number): Buffer[] => {
        p11.C_FindObjectsInit(session, [
          { type: pkcs11js.CKA_CLASS, value: cls },
          { type: pkcs11js.CKA_ID, value: Buffer.from([1]) },
        ]);
        const found = p11.C_FindObjects(session, 10);
        p11.C_FindObjectsFinal(session);
        return found;
      };
      const [certHandle] = find(pkcs11js.CKO_CERTIFICATE);
      const [keyHandle] = find(pkcs11js.CKO_PRIVATE_KEY);
      expect(certHandle && keyHandle).toBeTruthy();
      const [value, label] = p11.C_GetAttributeValue(session, certHandle!, [
        { type: pkcs11js.CKA_VALUE },
        { type: pkcs11js.CKA_LABEL },
      ]);
      expect(Buffer.compare(value!.value as Buffer, auth.certDer)).toBe(0);
      expect((label!.value as Buffer).toString('utf8')).toBe('Isikutuvastus');

      const data = Buffer.from('challenge nonce');
      p11.C_SignInit(session, { mechanism: pkcs11js.CKM_ECDSA }, keyHandle!);
      const signature = p11.C_Sign(session, createHash('sha384').update(data).digest(), Buffer.alloc(256));
      expect(signature.length).toBe(96);
      const key = new X509Certificate(auth.certPem).publicKey;
      expect(verify('sha384', data, { key, dsaEncoding: 'ieee-p1363' }, signature)).toBe(true);
      expect(verify('sha384', Buffer.from('other'), { key, dsaEncoding: 'ieee-p1363' }, signature)).toBe(
        false,
      );
      p11.C_Logout(session);
      p11.C_CloseSession(session);
    } finally {
      p11.C_Finalize();
    }
  });

  it('removes both tokens when the card is pulled out', () => {
    const second = prepareSoftHsm(join(dir, 'hsm-remove'));
    const tokens = writeCard(second, {
      holder: 'A VERY LONG SURNAME-DOUBLEBARREL,ÕIE-MARIA',
      pin1: '1111',
      pin2: '22222',
      authentication: auth,
      signing: sign,
    });
    expect(Buffer.byteLength(tokens.pin1Label)).toBeLessThanOrEqual(32);
    expect(tokens.pin1Label.endsWith(' (PIN1)')).toBe(true);
    expect(
      listTokens(second)
        .map((t) => t.serial)
        .sort(),
    ).toEqual([tokens.pin1Serial, tokens.pin2Serial].sort());
    removeCard(second, tokens);
    expect(listTokens(second)).toEqual([]);
    expect(listTokens(hsm)).toHaveLength(2); // the other folder's card is untouched
  });
});

describe('OCSP responder', () => {
  let responder: OcspResponder | undefined;
  afterAll(async () => {
    await responder?.stop();
  });

  it('answers good for a valid certificate and revoked once it is revoked, without a restart', async () => {
    responder = await startOcspResponder(pki);
    expect(responder.port).toBeGreaterThan(0);
    const status = (cert: Issued) =>
      execFileSync(
        'openssl',
        [
          'ocsp',
          '-issuer',
          pki.intermediate.certPath,
          '-cert',
          cert.certPath,
          '-url',
          responder!.url,
          '-CAfile',
          pki.root.certPath,
          '-verify_other',
          pki.intermediate.certPath,
        ],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 10_000 },
      );
    expect(status(auth)).toContain(`${auth.certPath}: good`);
    revokeCertificate(pki, auth);
    expect(status(auth)).toContain(`${auth.certPath}: revoked`);
    expect(status(sign)).toContain(`${sign.certPath}: good`);
    await responder.stop();
    responder = undefined;
  });
});

describe('private keyring', () => {
  it('stores and reads a secret through @napi-rs/keyring', async () => {
    const keyringDir = join(dir, 'keyring');
    mkdirSync(keyringDir);
    const keyring = await startPrivateKeyring(keyringDir);
    try {
      const script = `import { Entry } from '@napi-rs/keyring';
        const [op, value] = process.argv.slice(1);
        const entry = new Entry('chambers-testcards', 'probe');
        if (op === 'set') entry.setPassword(value); else console.log(entry.getPassword() ?? '<none>');`;
      const node = (args: string[]) =>
        execFileSync(process.execPath, ['--input-type=module', '-e', script, ...args], {
          cwd: repo,
          env: { ...process.env, ...keyring.env },
          encoding: 'utf8',
        }).trim();
      node(['set', 'sëcret-1']);
      expect(node(['get'])).toBe('sëcret-1');
      expect(keyring.env.DBUS_SESSION_BUS_ADDRESS).toBe(`unix:path=${join(keyringDir, 'bus')}`);
    } finally {
      await keyring.stop();
    }
  });
});

describe('demo cards', () => {
  it('makes a card for every given user, with a manifest, and refuses to overwrite it', async () => {
    const out = join(dir, 'demo');
    const users = [
      { name: 'Triin Lepik', personalCode: '49004162770' },
      { name: 'Merike Pärn', personalCode: '46912286716' },
    ];
    const manifest = createDemoCards(out, users, { ocspUrl: 'http://127.0.0.1:4631' });
    expect(readCardsManifest(out)).toEqual(manifest);
    expect(manifest.cards.map((c) => [c.tokens.pin1Label, c.pin1, c.pin2])).toEqual([
      ['LEPIK,TRIIN (PIN1)', '1234', '12345'],
      ['PÄRN,MERIKE (PIN1)', '1234', '12345'],
    ]);
    expect(opensslText(manifest.cards[0]!.authenticationCertPath)).toContain(
      'OCSP - URI:http://127.0.0.1:4631',
    );
    expect(listTokens(prepareSoftHsm(join(out, 'softhsm')))).toHaveLength(4);
    expect(() => createDemoCards(out, users)).toThrow(/already exists/);
    const again = await createDemoCardsAsync(out, users, { force: true });
    expect(again.cards.map((c) => c.tokens.pin2Label)).toEqual(['LEPIK,TRIIN (PIN2)', 'PÄRN,MERIKE (PIN2)']);
    expect(listTokens(prepareSoftHsm(join(out, 'softhsm')))).toHaveLength(4);
    expect(readCardsManifest(join(dir, 'nothing-here'))).toBeNull();
    expect(splitName('Mari-Liis Anna Kask')).toEqual({ given: 'MARI-LIIS ANNA', surname: 'KASK' });
  });

  it('knows the demo court staff the seed inserts', () => {
    const staff = demoStaff();
    expect(staff).toEqual(makeDemoStaff(new Prng(DEMO_SEED), new Set()));
    expect(staff.users).toHaveLength(18);
    expect(staff.users.find((u) => u.name === 'Triin Lepik')?.personalCode).toMatch(/^[0-9]{11}$/);
  });
});
