import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionEndReason } from '../../../src-shared/contract/index.js';
import { type CardReader, createCardReader } from '../../../src-main/services/card/index.js';
import { createEventBus, type EventBus } from '../../../src-main/services/events.js';
import { createKeychain } from '../../../src-main/services/keychain.js';
import { createRegisterClient, type RegisterClient } from '../../../src-main/services/register-client.js';
import {
  cacheFileFor,
  createSessionService,
  type SessionService,
} from '../../../src-main/services/session.js';
import { accountFor, type KeychainItem, readItem } from '../../../src-main/services/session/keychain-item.js';
import { openCache } from '../../../src-main/services/store/cache.js';
import { countCases } from '../../../src-main/services/store/case-store.js';
import { createSyncEngine, type SyncEngine } from '../../../src-main/services/sync.js';
import { revokeCertificate, startOcspResponder } from '../../../scripts/testcards/pki.js';
import { filesUnder, runDesktopChild } from '../support/child.js';
import { nextEvent } from '../support/events.js';
import { captureOutput, type CapturedOutput } from '../support/output.js';
import { idCardFixture, type IdCardFixture, type TestCard } from '../support/id-card.js';

let fx: IdCardFixture;
let output: CapturedOutput;
const PIN = '480913';
const pinsUsed = new Set<string>([PIN]);
const keychain = createKeychain();

beforeAll(async () => {
  output = captureOutput();
  fx = await idCardFixture();
}, 120_000);
afterAll(async () => {
  await fx?.close();
  output.stop();
  // No log line, warning or error written during these tests may carry a PIN.
  for (const pin of pinsUsed) expect(output.text()).not.toContain(pin);
});

interface Desktop {
  session: SessionService;
  sync: SyncEngine;
  reader: CardReader;
  events: EventBus;
  client: RegisterClient;
  dataDir: string;
  ended: Array<SessionEndReason | undefined>;
  /** The id the reader gives this card now. */
  cardId(card: TestCard): Promise<string>;
  close(): Promise<void>;
}

function desktop(dataDir = mkdtempSync(join(tmpdir(), 'chambers-session-'))): Desktop {
  const client = createRegisterClient({ baseUrl: fx.registerUrl, timeoutMs: 5_000 });
  const events = createEventBus();
  const ended: Array<SessionEndReason | undefined> = [];
  events.subscribe('session:changed', ({ signedIn, reason }) => {
    if (!signedIn) ended.push(reason);
  });
  const reader = createCardReader({ modulePath: fx.module });
  const sync = createSyncEngine({
    client,
    events,
    onUnauthenticated: () => void session.expire(),
    logError: () => undefined,
  });
  const session = createSessionService({
    client,
    events,
    dataDir,
    cards: reader,
    keychain,
    appVersion: '9.9.9',
    hooks: { afterSignIn: (active) => sync.start(active), beforeSignOut: () => sync.stop() },
  });
  return {
    session,
    sync,
    reader,
    events,
    client,
    dataDir,
    ended,
    async cardId(card) {
      const { cards } = await reader.list();
      const found = cards.find((c) => c.personalCode === card.personalCode);
      if (!found) throw new Error(`card of ${card.personalCode} is not in the reader`);
      return found.id;
    },
    async close() {
      await session.close();
    },
  };
}

const itemOf = (personalCode: string): Promise<KeychainItem | null> =>
  readItem(keychain, accountFor(new URL(fx.registerUrl).origin, personalCode));

async function signInAndSync(d: Desktop, card: TestCard, pin = card.pin1) {
  const synced = nextEvent(
    d.events,
    'sync:status',
    (s) => s.connectivity !== 'syncing' && s.lastSuccessAt !== null,
  );
  const info = await d.session.signIn(await d.cardId(card), pin);
  await synced;
  return info;
}

describe('ID-card session', () => {
  it('signs in online: the keychain holds the session, the cache is encrypted, no file holds a secret', async () => {
    const person = fx.staff[0]!;
    const card = fx.issueCard(person, { pin1: PIN });
    const d = desktop();
    try {
      const info = await signInAndSync(d, card);
      expect(info).toMatchObject({
        mode: 'id-card',
        connection: 'online',
        user: { personalCode: person.personalCode },
      });
      expect(d.session.get()).toEqual(info);
      const active = d.session.current()!;
      expect(active.token).toBeTruthy();
      expect(await d.client.me(active.token)).toMatchObject({ user: { personalCode: person.personalCode } });

      const item = await itemOf(person.personalCode);
      expect(item).toMatchObject({
        v: 1,
        sessionToken: active.token,
        user: { personalCode: person.personalCode },
      });
      expect(item!.cacheKey).toMatch(/^[0-9a-f]{64}$/);
      expect(Buffer.from(item!.certificate, 'base64').equals(card.authentication.certDer)).toBe(true);

      const cacheFile = cacheFileFor(d.dataDir, person.personalCode);
      expect(countCases(active.cache)).toBeGreaterThan(0);
      expect(readFileSync(cacheFile).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
      const secrets = [active.token, item!.cacheKey, Buffer.from(item!.cacheKey, 'hex'), PIN];
      const files = filesUnder(d.dataDir);
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const bytes = readFileSync(file);
        for (const secret of secrets) expect(bytes.includes(secret), file).toBe(false);
      }

      // Sign-out revokes the token and forgets it, but keeps the cache key and the pinned certificate.
      const token = active.token;
      await d.session.signOut();
      expect(d.ended).toEqual(['signed-out']);
      expect(active.cache.open).toBe(false);
      expect(d.session.get()).toBeNull();
      await expect
        .poll(() =>
          d.client.me(token).then(
            () => 'valid',
            (e: { code: string }) => e.code,
          ),
        )
        .toBe('unauthenticated');
      expect(await itemOf(person.personalCode)).toEqual({ ...item, sessionToken: null });
    } finally {
      await d.close();
      fx.removeCard(card);
      rmSync(d.dataDir, { recursive: true, force: true });
    }
  });

  it('replaces a cache file that the key cannot open (one written before encryption): it is only a cache', async () => {
    const person = fx.staff[9]!;
    const card = fx.issueCard(person);
    const d = desktop();
    try {
      const file = cacheFileFor(d.dataDir, person.personalCode);
      mkdirSync(dirname(file), { recursive: true });
      openCache(file).close(); // Plain SQLite, as the desktop wrote it before the keychain held a key.
      expect(readFileSync(file).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
      await signInAndSync(d, card);
      expect(countCases(d.session.current()!.cache)).toBeGreaterThan(0);
      expect(readFileSync(file).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    } finally {
      await d.close();
      fx.removeCard(card);
      rmSync(d.dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a wrong PIN with the tries left and opens nothing', async () => {
    const card = fx.issueCard(fx.staff[1]!, { pin1: '5550123' });
    pinsUsed.add('5550123').add('1112223');
    const d = desktop();
    try {
      const error = await d.session.signIn(await d.cardId(card), '1112223').catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'unauthenticated',
        reason: 'pin_incorrect',
        details: { triesLeft: 2 },
      });
      expect(d.session.get()).toBeNull();
      expect(filesUnder(d.dataDir)).toEqual([]);
      expect(await itemOf(card.personalCode)).toBeNull();
    } finally {
      await d.close();
      fx.removeCard(card);
      rmSync(d.dataDir, { recursive: true, force: true });
    }
  });

  it('unlocks offline with the card against the pinned certificate, on the same cache and token', async () => {
    const person = fx.staff[2]!;
    const card = fx.issueCard(person);
    const first = desktop();
    let second: Desktop | null = null;
    try {
      await signInAndSync(first, card);
      const cached = countCases(first.session.current()!.cache);
      const token = first.session.current()!.token;
      await first.close(); // The app quits; the session stays in the keychain.

      await fx.gate.close();
      second = desktop(first.dataDir);
      const info = await second.session.signIn(await second.cardId(card), card.pin1);
      expect(info).toMatchObject({ connection: 'offline', user: { personalCode: person.personalCode } });
      const active = second.session.current()!;
      expect(active.cache.name).toBe(cacheFileFor(first.dataDir, person.personalCode));
      expect(countCases(active.cache)).toBe(cached);
      expect(active.token).toBe(token);

      // Back online, the stored token still works for the sync engine.
      await fx.gate.open();
      await expect
        .poll(() => second!.sync.pull().then((status) => status.connectivity), { timeout: 5_000 })
        .toBe('online');
      expect(second.sync.status()).toMatchObject({ lastError: null, cachedCases: cached });
      expect(second.session.get()).toMatchObject({ user: { personalCode: person.personalCode } });
    } finally {
      await fx.gate.open();
      await second?.close();
      fx.removeCard(card);
      rmSync(first.dataDir, { recursive: true, force: true });
    }
  });

  it('refuses offline a card that never signed in here, a re-issued certificate, and a key that does not match', async () => {
    const person = fx.staff[3]!;
    const original = fx.issueCard(person);
    const d = desktop();
    const stranger = fx.issueCard(fx.staff[4]!);
    try {
      await signInAndSync(d, original);
      await d.session.signOut();
      fx.removeCard(original);
      await fx.gate.close();

      await expect(d.session.signIn(await d.cardId(stranger), stranger.pin1)).rejects.toMatchObject({
        reason: 'offline_not_pinned',
      });

      const renewed = fx.issueCard(person);
      await expect(d.session.signIn(await d.cardId(renewed), renewed.pin1)).rejects.toMatchObject({
        reason: 'offline_certificate_mismatch',
      });
      fx.removeCard(renewed);

      // The pinned certificate on a card whose key is another one: only the signature can tell.
      const forged = fx.issueCard(person, {
        authenticationIssued: { ...renewed.authentication, ...certificateOf(original) },
      });
      await expect(d.session.signIn(await d.cardId(forged), forged.pin1)).rejects.toMatchObject({
        reason: 'offline_signature_invalid',
      });
      fx.removeCard(forged);
      expect(d.session.get()).toBeNull();
    } finally {
      await fx.gate.open();
      await d.close();
      fx.removeCard(stranger);
      rmSync(d.dataDir, { recursive: true, force: true });
    }
  });

  it('ends the session at once when the card is taken out, and keeps the keychain item', async () => {
    const person = fx.staff[5]!;
    const card = fx.issueCard(person);
    const d = desktop();
    const stop = d.reader.watch((cards) => void d.session.cardsChanged(cards));
    try {
      await signInAndSync(d, card);
      const cache = d.session.current()!.cache;
      const ended = nextEvent(d.events, 'session:changed', (e) => !e.signedIn);
      const removedAt = Date.now();
      fx.removeCard(card);
      expect(await ended).toEqual({ signedIn: false, reason: 'card-removed' });
      expect(Date.now() - removedAt).toBeLessThan(2_500);
      // Locked at the event; the cache closes as soon as background work has stopped.
      expect(d.session.get()).toBeNull();
      await vi.waitFor(() => expect(cache.open).toBe(false), { timeout: 10_000 });
      expect((await itemOf(person.personalCode))?.sessionToken).toBeTruthy();

      // Put back (as a new token) and PIN: signed in again.
      const again = fx.issueCard(person, {
        authenticationIssued: card.authentication,
        signingIssued: card.signing,
      });
      expect(await d.session.signIn(await d.cardId(again), again.pin1)).toMatchObject({
        connection: 'online',
      });
      fx.removeCard(again);
    } finally {
      stop();
      await d.close();
      rmSync(d.dataDir, { recursive: true, force: true });
    }
  });

  it('ends the session when the register no longer accepts the token', async () => {
    const person = fx.staff[6]!;
    const card = fx.issueCard(person);
    const d = desktop();
    try {
      await signInAndSync(d, card);
      await d.client.signOut(d.session.current()!.token);
      const ended = nextEvent(d.events, 'session:changed', (e) => !e.signedIn);
      await d.sync.pull();
      expect(await ended).toEqual({ signedIn: false, reason: 'session-ended' });
      // The dead token is forgotten; the cache key and the pinned certificate stay.
      await expect.poll(async () => (await itemOf(person.personalCode))?.sessionToken).toBeNull();
      expect((await itemOf(person.personalCode))?.cacheKey).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await d.close();
      fx.removeCard(card);
      rmSync(d.dataDir, { recursive: true, force: true });
    }
  });

  it('passes the register’s refusal through and never falls back to offline: revoked, OCSP down', async () => {
    const person = fx.staff[7]!;
    const card = fx.issueCard(person);
    const d = desktop();
    try {
      // Pinned first, so that an offline fallback would have been possible.
      await signInAndSync(d, card);
      await d.session.signOut();

      await fx.ocsp.stop();
      await expect(d.session.signIn(await d.cardId(card), card.pin1)).rejects.toMatchObject({
        code: 'unavailable',
        reason: 'ocsp_unavailable',
      });
      fx.ocsp = await startOcspResponder(fx.pki, { port: fx.ocsp.port });

      revokeCertificate(fx.pki, card.authentication);
      await expect(d.session.signIn(await d.cardId(card), card.pin1)).rejects.toMatchObject({
        code: 'unauthenticated',
        reason: 'certificate_revoked',
      });
      expect(d.session.get()).toBeNull();
    } finally {
      await d.close();
      fx.removeCard(card);
      rmSync(d.dataDir, { recursive: true, force: true });
    }
  });

  it('refuses to sign in without an OS keychain and writes no file', async () => {
    const card = fx.issueCard(fx.staff[8]!);
    const dataDir = mkdtempSync(join(tmpdir(), 'chambers-nokeychain-'));
    try {
      const { result, stdout, stderr } = await runDesktopChild(
        {
          op: 'signIn',
          registerUrl: fx.registerUrl,
          dataDir,
          cardModule: fx.module,
          personalCode: card.personalCode,
          pin: card.pin1,
        },
        { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/chambers-bus' },
      );
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'unavailable', reason: 'keychain_unavailable' },
      });
      expect(filesUnder(dataDir)).toEqual([]);
      expect(stdout + stderr).not.toContain(card.pin1);
    } finally {
      fx.removeCard(card);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

function certificateOf(
  card: TestCard,
): Pick<TestCard['authentication'], 'certPath' | 'certPem' | 'certDer' | 'serialHex' | 'subject'> {
  const { certPath, certPem, certDer, serialHex, subject } = card.authentication;
  return { certPath, certPem, certDer, serialHex, subject };
}
