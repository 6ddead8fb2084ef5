// The real ID-card setup for desktop tests: a test PKI (openssl), cards on SoftHSM tokens, a real
// `openssl ocsp` responder, a register that validates Web eID tokens, and a private OS keychain.
// `softHsmCards` is the PKI and the cards alone, for tests of the desktop's card reader.
import { mkdtempSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CardSummary } from '../../../src-shared/contract/index.js';
import type { CardReader } from '../../../src-main/services/card/index.js';
import {
  createTestPki,
  type Issued,
  issuePersonCertificate,
  type KeyType,
  type OcspResponder,
  type PersonCertOptions,
  refreshResponders,
  startOcspResponder,
  type TestPki,
} from '../../../scripts/testcards/pki.js';
import {
  type CardTokens,
  prepareSoftHsm,
  removeCard,
  SOFTHSM_MODULE,
  type SoftHsm,
  writeCard,
} from '../../../scripts/testcards/softhsm.js';
import { ensureKeyring } from './keyring.js';
import { startTcpGate, type TcpGate } from './tcp-gate.js';
import { devUsers, type StaffMember, startTestRegister, type TestRegister } from './register.js';

export interface TestCard {
  personalCode: string;
  surname: string;
  given: string;
  pin1: string;
  pin2: string;
  tokens: CardTokens;
  authentication: Issued;
  signing: Issued;
}

export interface CardOptions {
  pin1?: string;
  /** Overrides for the authentication certificate (validity, key type, key usage, …). */
  authentication?: Partial<PersonCertOptions>;
  /** Writes these instead of issuing new ones (a card put back, or a forged one). */
  authenticationIssued?: Issued;
  signingIssued?: Issued;
}

export interface IdCardFixture {
  dir: string;
  pki: TestPki;
  hsm: SoftHsm;
  /** The running responder; a test that stops it puts the restarted one here. */
  ocsp: OcspResponder;
  /** The PKCS#11 module the desktop reads the cards through (SoftHSM). */
  module: string;
  register: TestRegister;
  /** The address the desktop uses: a relay to the register that `gate.close()` cuts (register unreachable). */
  registerUrl: string;
  gate: TcpGate;
  /** The demo court's staff: people the register knows, with roles in force. */
  staff: StaffMember[];
  /** Issues certificates for a person and writes them onto a new card (two SoftHSM tokens). */
  issueCard(person: { personalCode: string; name: string }, options?: CardOptions): TestCard;
  /** Pulls the card out: its tokens are deleted. */
  removeCard(card: TestCard): void;
  close(): Promise<void>;
}

/** "Triin Lepik" → surname LEPIK, given TRIIN (the last word is the surname). */
export function splitName(name: string): { surname: string; given: string } {
  const words = name.trim().split(/\s+/);
  const surname = words.pop() ?? '';
  return { surname: surname.toLocaleUpperCase('et'), given: words.join(' ').toLocaleUpperCase('et') };
}

/**
 * Everything a desktop ID-card test needs, real: the keychain of the vitest global setup when
 * DBUS_SESSION_BUS_ADDRESS is set (else a private one started here), SoftHSM in a fresh folder
 * (SOFTHSM2_CONF is set in this process, so the desktop's card reader sees these cards only).
 */
export async function idCardFixture(options: { caseCount?: number } = {}): Promise<IdCardFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'chambers-idcard-'));
  const cleanups: Array<() => Promise<void> | void> = [() => rmSync(dir, { recursive: true, force: true })];
  const close = async (): Promise<void> => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    cleanups.push(await ensureKeyring());
    const pki = createTestPki(join(dir, 'pki'));
    const ocsp = await startOcspResponder(pki);
    // A test may restart the responder: the fixture's current one is stopped.
    cleanups.push(() => fixture.ocsp.stop());
    const hsm = prepareSoftHsm(join(dir, 'softhsm'));
    const previousConf = process.env.SOFTHSM2_CONF;
    process.env.SOFTHSM2_CONF = hsm.confPath;
    cleanups.push(() => {
      if (previousConf === undefined) delete process.env.SOFTHSM2_CONF;
      else process.env.SOFTHSM2_CONF = previousConf;
    });
    const gate = await startTcpGate();
    cleanups.push(() => gate.stop());
    // The desktop signs for the origin it talks to, which is the gate's.
    const register = await startTestRegister(options.caseCount ?? 40, {
      auth: {
        trustedCaCertificates: [pki.intermediate.certPem],
        origin: gate.url,
        ocspUrl: ocsp.url,
        ocspTimeoutMs: 2_000,
      },
    });
    cleanups.push(() => register.close());
    gate.target = register.url;
    const staff = await devUsers(register.url);
    let serial = 0;

    const fixture: IdCardFixture = {
      dir,
      pki,
      hsm,
      ocsp,
      module: SOFTHSM_MODULE,
      register,
      registerUrl: gate.url,
      gate,
      staff,
      issueCard(person, cardOptions = {}) {
        const { surname, given } = splitName(person.name);
        const stem = `${person.personalCode}-${++serial}`;
        const common = { surname, given, personalCode: person.personalCode };
        const authentication =
          cardOptions.authenticationIssued ??
          issuePersonCertificate(pki, {
            ...common,
            kind: 'authentication',
            name: `${stem}-auth`,
            ...cardOptions.authentication,
          });
        const signing =
          cardOptions.signingIssued ??
          issuePersonCertificate(pki, { ...common, kind: 'signing', name: `${stem}-sign` });
        if (!cardOptions.authenticationIssued || !cardOptions.signingIssued) responderSeesIndex(pki);
        const pin1 = cardOptions.pin1 ?? '1234';
        const pin2 = '12345';
        const tokens = writeCard(hsm, {
          holder: `${surname},${given}`,
          pin1,
          pin2,
          authentication,
          signing,
        });
        return {
          personalCode: person.personalCode,
          surname,
          given,
          pin1,
          pin2,
          tokens,
          authentication,
          signing,
        };
      },
      removeCard: (card) => removeCard(hsm, card.tokens),
      close,
    };
    return fixture;
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * `openssl ocsp` re-reads index.txt only when its mtime changed (by whole seconds) and only after one
 * more request, so a certificate issued after the responder started is "unknown" until then: push the
 * mtime forward and poke the responder, as revokeCertificate does. (Belongs in issuePersonCertificate.)
 */
function responderSeesIndex(pki: TestPki): void {
  const before = statSync(pki.indexPath).mtimeMs;
  const bumped = Math.max(Date.now(), before + 2_000) / 1_000;
  utimesSync(pki.indexPath, bumped, bumped);
  refreshResponders(pki);
}

/** A test PKI and SoftHSM cards, no register: what the desktop's PKCS#11 card reader reads. */
export interface SoftHsmCards {
  dir: string;
  pki: TestPki;
  hsm: SoftHsm;
  /**
   * Issues an authentication and a signing certificate to the person and writes them onto a new
   * card (two SoftHSM tokens); PIN1 is `pin1` (1234 unless given), PIN2 12345.
   */
  insert(
    surname: string,
    given: string,
    personalCode: string,
    options?: { keyType?: KeyType; pin1?: string },
  ): { tokens: CardTokens; certDer: Buffer };
  /** Pulls the card out: its tokens are deleted. */
  remove(tokens: CardTokens): void;
  close(): void;
}

/**
 * A fresh test PKI and SoftHSM in a new folder. SOFTHSM2_CONF is set in this process until
 * `close()` (the reader reads it at C_Initialize), so one per test file: it is process-wide.
 */
export function softHsmCards(): SoftHsmCards {
  const dir = mkdtempSync(join(tmpdir(), 'chambers-card-'));
  const pki = createTestPki(join(dir, 'pki'));
  const hsm = prepareSoftHsm(join(dir, 'softhsm'));
  const previousConf = process.env.SOFTHSM2_CONF;
  process.env.SOFTHSM2_CONF = hsm.confPath;
  let serial = 0;
  return {
    dir,
    pki,
    hsm,
    insert(surname, given, personalCode, { keyType = 'ec-p384', pin1 = '1234' } = {}) {
      const name = `${personalCode}-${++serial}`;
      const common = { surname, given, personalCode, keyType };
      const authentication = issuePersonCertificate(pki, {
        ...common,
        kind: 'authentication',
        name: `${name}-a`,
      });
      const signing = issuePersonCertificate(pki, { ...common, kind: 'signing', name: `${name}-s` });
      const tokens = writeCard(hsm, {
        holder: `${surname},${given}`,
        pin1,
        pin2: '12345',
        authentication,
        signing,
      });
      return { tokens, certDer: authentication.certDer };
    },
    remove: (tokens) => removeCard(hsm, tokens),
    close() {
      if (previousConf === undefined) delete process.env.SOFTHSM2_CONF;
      else process.env.SOFTHSM2_CONF = previousConf;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The card of `personalCode` as the reader lists it; fails naming the cards it has instead. */
export async function cardOf(reader: Pick<CardReader, 'list'>, personalCode: string): Promise<CardSummary> {
  const { cards } = await reader.list();
  const card = cards.find((c) => c.personalCode === personalCode);
  if (!card)
    throw new Error(`no card of ${personalCode} among ${cards.map((c) => c.personalCode).join(', ')}`);
  return card;
}
