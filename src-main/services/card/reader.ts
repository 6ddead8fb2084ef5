import { createHash } from 'node:crypto';
import {
  AppError,
  type CardList,
  type CardSummary,
  type PinState,
} from '../../../src-shared/contract/index.js';
import type { WebEidAlgorithm } from '../../../src-shared/register-api/index.js';
import { type CardCertificate, hashOf, readCardCertificate } from './certificate.js';
import { P, type Pkcs11, codeOf, moduleAt, reinitialise, trimField } from './pkcs11-module.js';

/** What the card produced for a sign-in or an offline unlock. */
export interface CardAuthentication {
  certificateDer: Buffer;
  algorithm: WebEidAlgorithm;
  /** EC: raw r‖s; RSA: PKCS#1 v1.5. */
  signature: Buffer;
}

export interface CardReader {
  readonly modulePath: string;
  /** The cards in the readers now; a module that cannot be loaded is reported, not thrown. */
  list(): Promise<CardList>;
  /** The authentication certificate of one card (no PIN needed); `card_not_found` when it is gone. */
  certificate(cardId: string): Promise<{ card: CardSummary; certificate: CardCertificate }>;
  /** Logs in with PIN1 and signs `data` (hashed here with the key's hash) with the authentication key. */
  authenticate(cardId: string, pin: string, data: Buffer): Promise<CardAuthentication>;
  /**
   * Polls `list()` and calls back after every poll, saying whether the set of cards changed since the
   * last one (level, not only edge: a card inserted and removed between two polls must still end a
   * session opened with it). Returns a stop function.
   */
  watch(onPoll: (cards: CardSummary[], changed: boolean) => void): () => void;
}

export interface CardReaderOptions {
  modulePath: string;
  pollMs?: number;
}

/** Estonian ID cards allow three PIN1 attempts before the PIN is blocked. */
const PIN1_TRIES = 3;

interface FoundCard {
  slot: Buffer;
  summary: CardSummary;
  certificate: CardCertificate;
  certificateId: Buffer;
}

/**
 * The ID cards in the computer's readers, through a PKCS#11 module (OpenSC in the field, SoftHSM in
 * tests). pkcs11js is synchronous: every call below blocks the event loop for the few milliseconds a
 * token answers in, which is acceptable for a handful of calls per second; the signature itself is one
 * call. The PIN is only ever passed to C_Login; it is never logged, kept or put into an error.
 */
export function createCardReader(options: CardReaderOptions): CardReader {
  const { modulePath } = options;
  const pollMs = options.pollMs ?? 1_000;
  /** Wrong PINs this app has seen in a row per card, for the estimate when a token gives no count. */
  const failures = new Map<string, number>();

  function load(fresh: boolean): Pkcs11 {
    return fresh ? reinitialise(modulePath) : moduleAt(modulePath);
  }

  function pinState(cardId: string, flags: number): PinState {
    if (flags & P.CKF_USER_PIN_LOCKED) return { triesLeft: 0, blocked: true };
    if (flags & P.CKF_USER_PIN_FINAL_TRY) return { triesLeft: 1, blocked: false };
    const seen = failures.get(cardId) ?? 0;
    // PKCS#11 has no counter, only flags. A card that says COUNT_LOW but not FINAL_TRY has at least two
    // tries left. SoftHSM only ever sets COUNT_LOW (never FINAL_TRY or a count), so this is an estimate.
    if (flags & P.CKF_USER_PIN_COUNT_LOW)
      return { triesLeft: Math.max(2, PIN1_TRIES - seen), blocked: false };
    return { triesLeft: seen === 0 ? PIN1_TRIES : Math.max(1, PIN1_TRIES - seen), blocked: false };
  }

  /** Reads one slot's token; null when it holds no authentication certificate or cannot be read. */
  function readSlot(pkcs11: Pkcs11, slot: Buffer): FoundCard | null {
    let session: Buffer | null = null;
    try {
      const info = pkcs11.C_GetTokenInfo(slot);
      session = pkcs11.C_OpenSession(slot, P.CKF_SERIAL_SESSION);
      pkcs11.C_FindObjectsInit(session, [
        { type: P.CKA_CLASS, value: P.CKO_CERTIFICATE },
        { type: P.CKA_CERTIFICATE_TYPE, value: P.CKC_X_509 },
      ]);
      const handles = pkcs11.C_FindObjects(session, 16);
      pkcs11.C_FindObjectsFinal(session);
      for (const handle of handles) {
        const [value, id] = pkcs11.C_GetAttributeValue(session, handle, [
          { type: P.CKA_VALUE },
          { type: P.CKA_ID },
        ]);
        if (!(value?.value instanceof Buffer)) continue;
        let certificate: CardCertificate;
        try {
          certificate = readCardCertificate(Buffer.from(value.value));
        } catch {
          continue; // Not a personal certificate (e.g. a CA certificate on the token).
        }
        if (!certificate.isAuthentication) continue;
        const cardId = `${trimField(info.serialNumber)}@${slot.toString('hex')}`;
        return {
          slot,
          certificate,
          certificateId: id?.value instanceof Buffer ? Buffer.from(id.value) : Buffer.alloc(0),
          summary: {
            id: cardId.slice(0, 128),
            holderName: certificate.holderName,
            personalCode: certificate.personalCode,
            pin1: pinState(cardId, info.flags),
          },
        };
      }
      return null;
    } catch {
      // A token that errors out while being read counts as absent: SoftHSM answers CKR_GENERAL_ERROR
      // for a token another process deleted, and a card being pulled out fails half-way through.
      return null;
    } finally {
      if (session) closeQuietly(pkcs11, session);
    }
  }

  function scan(fresh: boolean): FoundCard[] {
    const pkcs11 = load(fresh);
    return pkcs11
      .C_GetSlotList(true)
      .map((slot) => readSlot(pkcs11, slot))
      .filter((card): card is FoundCard => card !== null);
  }

  function find(cardId: string): FoundCard {
    try {
      load(false);
    } catch (error) {
      throw moduleUnavailable(modulePath, error);
    }
    // The module as it is first; initialised afresh only if the card is not there (just inserted).
    for (const fresh of [false, true]) {
      let cards: FoundCard[];
      try {
        cards = scan(fresh);
      } catch {
        cards = [];
      }
      const card = cards.find((c) => c.summary.id === cardId);
      if (card) return card;
    }
    throw new AppError('not_found', 'The ID card is no longer in the reader. Insert it and try again.', {
      reason: 'card_not_found',
    });
  }

  function list(): CardList {
    try {
      // In the holder's name order, so that a reader with several cards lists them predictably.
      const cards = scan(true)
        .map((card) => card.summary)
        .sort((a, b) => a.holderName.localeCompare(b.holderName, 'et') || a.id.localeCompare(b.id));
      return { module: { path: modulePath, loaded: true }, cards };
    } catch (error) {
      return { module: { path: modulePath, loaded: false, error: describeLoadError(error) }, cards: [] };
    }
  }

  function authenticate(cardId: string, pinInput: string, data: Buffer): CardAuthentication {
    let pin: string | null = pinInput;
    const card = find(cardId);
    if (card.summary.pin1.blocked) throw pinBlocked();
    const pkcs11 = load(false);
    let session: Buffer | null = null;
    let loggedIn = false;
    try {
      session = pkcs11.C_OpenSession(card.slot, P.CKF_SERIAL_SESSION);
      pkcs11.C_Login(session, P.CKU_USER, pin);
      pin = null;
      loggedIn = true;
      failures.delete(cardId);
      const key = findPrivateKey(pkcs11, session, card.certificateId);
      const { algorithm } = card.certificate;
      const digest = createHash(hashOf(algorithm)).update(data).digest();
      const isEc = algorithm.startsWith('ES');
      const input = isEc ? digest : Buffer.concat([SHA256_DIGEST_INFO, digest]);
      pkcs11.C_SignInit(session, { mechanism: isEc ? P.CKM_ECDSA : P.CKM_RSA_PKCS }, key);
      const signature = Buffer.from(pkcs11.C_Sign(session, input, Buffer.alloc(1024)));
      return { certificateDer: card.certificate.der, algorithm, signature };
    } catch (error) {
      throw cardError(error, cardId, card);
    } finally {
      pin = null;
      if (session) {
        if (loggedIn) {
          try {
            pkcs11.C_Logout(session);
          } catch {
            // The session closes below in any case.
          }
        }
        closeQuietly(pkcs11, session);
      }
    }
  }

  function cardError(error: unknown, cardId: string, card: FoundCard): AppError {
    if (error instanceof AppError) return error;
    const code = codeOf(error);
    if (code === P.CKR_PIN_INCORRECT || code === P.CKR_PIN_INVALID || code === P.CKR_PIN_LEN_RANGE) {
      failures.set(cardId, (failures.get(cardId) ?? 0) + 1);
      const now = stateAfterFailure(card);
      if (now?.blocked) return pinBlocked();
      const triesLeft = now?.triesLeft ?? null;
      return new AppError(
        'unauthenticated',
        `Wrong PIN1.${triesLeft === null ? '' : ` ${triesLeft === 1 ? 'One try is' : `${triesLeft} tries are`} left before the PIN is blocked.`}`,
        { reason: 'pin_incorrect', details: triesLeft === null ? {} : { triesLeft } },
      );
    }
    if (code === P.CKR_PIN_LOCKED) return pinBlocked();
    if (!stillPresent(cardId)) {
      return new AppError('not_found', 'The ID card was removed from the reader. Insert it and try again.', {
        reason: 'card_not_found',
      });
    }
    const what = error instanceof Error ? error.message : String(error);
    return new AppError(
      'unavailable',
      `The ID card could not sign (${what}). Take it out, insert it again and retry.`,
      {
        reason: 'card_error',
      },
    );
  }

  function stateAfterFailure(card: FoundCard): PinState | null {
    try {
      return pinState(card.summary.id, load(false).C_GetTokenInfo(card.slot).flags);
    } catch {
      return null;
    }
  }

  function stillPresent(cardId: string): boolean {
    try {
      return scan(true).some((c) => c.summary.id === cardId);
    } catch {
      return false;
    }
  }

  /**
   * Every scan — the watcher's poll or someone asking for the list — is compared with the last one,
   * and a difference goes to the watchers: a card put in and taken out between two polls, but seen by
   * the list the sign-in screen asked for, still counts as a change.
   */
  const watchers = new Set<(cards: CardSummary[], changed: boolean) => void>();
  let lastKey: string | null = null;
  let timer: NodeJS.Timeout | null = null;
  function observe(result: CardList): CardList {
    const key = result.cards
      .map((c) => c.id)
      .sort()
      .join('\n');
    const changed = key !== lastKey;
    lastKey = key;
    if (changed) for (const watcher of [...watchers]) watcher(result.cards, true);
    return result;
  }
  function poll(): void {
    const before = lastKey;
    const result = observe(list());
    // Unchanged: the watchers still hear it (level, not only edge: a session's card must be there).
    if (lastKey === before) for (const watcher of [...watchers]) watcher(result.cards, false);
  }

  return {
    modulePath,
    list: async () => observe(list()),
    certificate: async (cardId) => {
      const card = find(cardId);
      return { card: card.summary, certificate: card.certificate };
    },
    authenticate: async (cardId, pin, data) => authenticate(cardId, pin, data),
    watch(onPoll) {
      watchers.add(onPoll);
      poll();
      // One timer for all watchers: each poll is one scan, whoever listens.
      if (!timer) {
        timer = setInterval(poll, pollMs);
        timer.unref();
      }
      return () => {
        watchers.delete(onPoll);
        if (watchers.size === 0 && timer) {
          clearInterval(timer);
          timer = null;
        }
      };
    },
  };
}

/** DER prefix of a DigestInfo with SHA-256, for CKM_RSA_PKCS. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

function findPrivateKey(pkcs11: Pkcs11, session: Buffer, id: Buffer): Buffer {
  const template: Array<{ type: number; value: number | Buffer }> = [
    { type: P.CKA_CLASS, value: P.CKO_PRIVATE_KEY },
  ];
  if (id.length > 0) template.push({ type: P.CKA_ID, value: id });
  pkcs11.C_FindObjectsInit(session, template);
  const [key] = pkcs11.C_FindObjects(session, 1);
  pkcs11.C_FindObjectsFinal(session);
  if (!key) {
    throw new AppError('unavailable', 'The ID card holds no authentication key for its certificate.', {
      reason: 'card_error',
    });
  }
  return key;
}

function closeQuietly(pkcs11: Pkcs11, session: Buffer): void {
  try {
    pkcs11.C_CloseSession(session);
  } catch {
    // The token is gone; so is the session.
  }
}

function pinBlocked(): AppError {
  return new AppError(
    'unauthenticated',
    'PIN1 of this ID card is blocked after too many wrong tries. Unblock it with the PUK code in the ID-software (DigiDoc4), or at a Police and Border Guard Board service point.',
    { reason: 'pin_blocked' },
  );
}

function describeLoadError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function moduleUnavailable(path: string, error: unknown): AppError {
  return new AppError(
    'unavailable',
    `The ID-card module ${path} cannot be loaded (${describeLoadError(error)}). Install the ID-software (OpenSC) and try again.`,
    { reason: 'card_module_unavailable' },
  );
}
