import { createHash, verify, X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCardReader, defaultModulePath, titleCase } from '../../../src-main/services/card/index.js';
import type { KeyType } from '../../../scripts/testcards/pki.js';
import { SOFTHSM_MODULE } from '../../../scripts/testcards/softhsm.js';
import { cardOf, type SoftHsmCards, softHsmCards } from '../support/id-card.js';

let cards: SoftHsmCards;

beforeAll(() => {
  cards = softHsmCards();
});
afterAll(() => cards?.close());

const insertCard = (surname: string, given: string, personalCode: string, keyType?: KeyType) =>
  cards.insert(surname, given, personalCode, { keyType });

describe('card reader (SoftHSM through PKCS#11)', () => {
  it('lists whose card is in the reader from its authentication certificate, not the signing one', async () => {
    const reader = createCardReader({ modulePath: SOFTHSM_MODULE });
    insertCard('LEPIK', 'TRIIN', '49403136526');
    const list = await reader.list();
    expect(list.module).toEqual({ path: SOFTHSM_MODULE, loaded: true });
    const mine = list.cards.filter((c) => c.personalCode === '49403136526');
    // Two tokens (PIN1 and PIN2) but one card: the signing certificate is not for sign-in.
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      holderName: 'Triin Lepik',
      personalCode: '49403136526',
      pin1: { triesLeft: 3, blocked: false },
    });
    // Stable while inserted.
    expect((await cardOf(reader, '49403136526')).id).toBe(mine[0]!.id);
  });

  it('signs with the card after C_Login: EC keys give raw r‖s over the hash of the data', async () => {
    const reader = createCardReader({ modulePath: SOFTHSM_MODULE });
    const { certDer } = insertCard('MÄGI', 'MARI-LIIS', '60001019906');
    const card = await cardOf(reader, '60001019906');
    expect(card.holderName).toBe('Mari-Liis Mägi');
    const data = Buffer.from('hash(origin) ‖ hash(nonce)');
    const auth = await reader.authenticate(card.id, '1234', data);
    expect(auth.algorithm).toBe('ES384');
    expect(auth.certificateDer.equals(certDer)).toBe(true);
    expect(auth.signature).toHaveLength(96);
    const key = new X509Certificate(certDer).publicKey;
    expect(verify('sha384', data, { key, dsaEncoding: 'ieee-p1363' }, auth.signature)).toBe(true);
    expect(verify('sha384', Buffer.from('other'), { key, dsaEncoding: 'ieee-p1363' }, auth.signature)).toBe(
      false,
    );
  });

  it.each([
    ['ec-p256', 'ES256', 'sha256'],
    ['rsa-2048', 'RS256', 'sha256'],
  ] as const)('signs with a %s key as %s', async (keyType, algorithm, hash) => {
    const reader = createCardReader({ modulePath: SOFTHSM_MODULE });
    const code = keyType === 'rsa-2048' ? '37605030299' : '39001010000';
    const { tokens, certDer } = insertCard('TAMM', 'JAAN', code, keyType);
    const card = await cardOf(reader, code);
    const data = createHash('sha256').update('x').digest();
    const auth = await reader.authenticate(card.id, '1234', data);
    expect(auth.algorithm).toBe(algorithm);
    const key = new X509Certificate(certDer).publicKey;
    const options = keyType === 'rsa-2048' ? key : { key, dsaEncoding: 'ieee-p1363' as const };
    expect(verify(hash, data, options, auth.signature)).toBe(true);
    cards.remove(tokens);
  });

  it('refuses a wrong PIN with the tries left, and never puts the PIN into the error', async () => {
    const reader = createCardReader({ modulePath: SOFTHSM_MODULE });
    const { tokens } = insertCard('PÄRN', 'PEETER', '38001085718');
    const card = await cardOf(reader, '38001085718');
    const wrong = '98761';
    const error = await reader.authenticate(card.id, wrong, Buffer.from('x')).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'unauthenticated',
      reason: 'pin_incorrect',
      details: { triesLeft: 2 },
    });
    expect(JSON.stringify(error) + String(error) + (error as Error).stack).not.toContain(wrong);
    expect((await cardOf(reader, '38001085718')).pin1.triesLeft).toBe(2);
    // The right PIN works again and resets what this app has counted.
    await reader.authenticate(card.id, '1234', Buffer.from('x'));
    expect((await cardOf(reader, '38001085718')).pin1.triesLeft).toBe(3);
    cards.remove(tokens);
  });

  it('sees a card pulled out and one put in, and tells the watcher', async () => {
    const reader = createCardReader({ modulePath: SOFTHSM_MODULE, pollMs: 100 });
    const seen: string[][] = [];
    const stop = reader.watch((cards) => seen.push(cards.map((c) => c.personalCode).sort()));
    try {
      const code = '48710150227';
      const { tokens } = insertCard('KASK', 'KATI', code);
      await expect.poll(() => seen.at(-1)?.includes(code), { timeout: 3_000 }).toBe(true);
      const card = await cardOf(reader, code);
      cards.remove(tokens);
      await expect.poll(() => seen.at(-1)?.includes(code), { timeout: 3_000 }).toBe(false);
      expect((await reader.list()).cards.map((c) => c.id)).not.toContain(card.id);
      await expect(reader.authenticate(card.id, '1234', Buffer.from('x'))).rejects.toMatchObject({
        reason: 'card_not_found',
      });
    } finally {
      stop();
    }
  });

  it('reports a module that cannot be loaded in the list instead of throwing', async () => {
    const reader = createCardReader({ modulePath: join(cards.dir, 'no-such-pkcs11.so') });
    const list = await reader.list();
    expect(list).toMatchObject({ module: { loaded: false }, cards: [] });
    expect(list.module.error).toBeTruthy();
    await expect(reader.authenticate('x@00', '1234', Buffer.from('x'))).rejects.toMatchObject({
      reason: 'card_module_unavailable',
    });
  });
});

describe('card helpers', () => {
  it('names OpenSC’s module per OS', () => {
    expect(defaultModulePath('linux', 'x64')).toBe('/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so');
    expect(defaultModulePath('linux', 'arm64')).toBe('/usr/lib/aarch64-linux-gnu/opensc-pkcs11.so');
    expect(defaultModulePath('darwin')).toBe('/Library/OpenSC/lib/opensc-pkcs11.so');
    expect(defaultModulePath('win32')).toBe('C:\\Windows\\System32\\opensc-pkcs11.dll');
  });

  it('title-cases names from the certificate', () => {
    expect(titleCase('MÄGI')).toBe('Mägi');
    expect(titleCase('MARI-LIIS')).toBe('Mari-Liis');
    expect(titleCase('JAAN PEETER')).toBe('Jaan Peeter');
  });
});
