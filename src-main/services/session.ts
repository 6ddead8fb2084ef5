import { randomBytes } from 'node:crypto';
import {
  AppError,
  type CardSummary,
  type SessionEndReason,
  type SessionInfo,
} from '../../src-shared/contract/index.js';
import type { SessionUser } from '../../src-shared/domain/index.js';
import type { CardCertificate, CardReader } from './card/index.js';
import type { EventBus } from './events.js';
import type { SecretStore } from './keychain.js';
import { settleWithin } from './deadline.js';
import { type RegisterClient, RegisterUnreachableError } from './register-client.js';
import { cacheFileFor, openUserCache } from './session/cache-file.js';
import { type KeychainItem, accountFor, readItem, writeItem } from './session/keychain-item.js';
import {
  offlineChallenge,
  offlineErrors,
  signedData,
  tokenRequest,
  verifiesWithPinned,
} from './session/web-eid.js';
import type { CacheDb } from './store/cache.js';

export { cacheFileFor } from './session/cache-file.js';

/** A signed-in user with their register token and their own encrypted cache. */
export interface ActiveSession {
  readonly user: SessionUser;
  readonly mode: 'id-card';
  readonly connection: 'online' | 'offline';
  /** The card that opened the session; taking it out ends the session. */
  readonly cardId: string;
  /** Kept in memory and in the OS keychain only, never in a file. Empty when the keychain had none. */
  readonly token: string;
  readonly expiresAt: string;
  readonly cache: CacheDb;
  /** The SQLCipher key of the cache, from the keychain; the document store's key is derived from it. */
  readonly cacheKey: string;
}

export interface SessionHooks {
  afterSignIn?(session: ActiveSession): void;
  /** Runs before the cache closes: whatever uses it must be finished. */
  beforeSignOut?(session: ActiveSession): Promise<void>;
}

export interface SessionService {
  /** Online through the register; offline against the pinned certificate when it cannot be reached. */
  signIn(cardId: string, pin: string): Promise<SessionInfo>;
  get(): SessionInfo | null;
  current(): ActiveSession | null;
  /** The active session or an `unauthenticated` error. */
  require(): ActiveSession;
  /** Revokes the token (best effort) and forgets it; the cache key and the pinned certificate stay. */
  signOut(): Promise<void>;
  /** The register refused the token: the session ends and the stored token is forgotten. */
  expire(): Promise<void>;
  /** The cards in the readers changed: a session whose card is gone ends at once. */
  cardsChanged(cards: readonly CardSummary[]): Promise<void>;
  /** Closes the session locally (app shutdown); the token stays in the keychain. */
  close(): Promise<void>;
}

export interface SessionDeps {
  client: RegisterClient;
  events: EventBus;
  dataDir: string;
  cards: CardReader;
  keychain: SecretStore;
  appVersion: string;
  hooks?: SessionHooks;
  /** How long a session's end waits for background work to stop before closing the cache anyway. */
  stopWithinMs?: number;
}

export function createSessionService(deps: SessionDeps): SessionService {
  const { client, events, dataDir, cards, keychain, hooks = {} } = deps;
  const stopWithinMs = deps.stopWithinMs ?? 10_000;
  const origin = new URL(client.baseUrl).origin;
  let active: (ActiveSession & { account: string }) | null = null;
  // Sign-in and sign-out run one at a time so a cache is never opened twice or closed in use.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  async function end(reason: SessionEndReason, forget: { revoke: boolean; token: boolean }): Promise<void> {
    const ending = active;
    if (!ending) return;
    // Locked at once: no channel answers for this user from here on, whatever is still winding down.
    active = null;
    events.emit('session:changed', { signedIn: false, reason });
    try {
      // Background work (pull, push, downloads) stops before the cache closes, but a connection that
      // went silent must not keep the cache open or the next user waiting.
      const stopped = hooks.beforeSignOut?.(ending) ?? Promise.resolve();
      await settleWithin(stopped, stopWithinMs, () =>
        console.error(
          `Background sync did not stop within ${stopWithinMs / 1000} s of the session ending; the cache is closed regardless.`,
        ),
      );
    } finally {
      ending.cache.close();
    }
    if (forget.token) {
      try {
        const item = await readItem(keychain, ending.account);
        if (item?.sessionToken) await writeItem(keychain, ending.account, { ...item, sessionToken: null });
      } catch {
        // The keychain went away: the token expires on the register in any case.
      }
    }
    // Best effort: offline, the token simply expires on the register.
    if (forget.revoke && ending.token) void client.signOut(ending.token).catch(() => undefined);
  }

  function begin(
    item: KeychainItem,
    account: string,
    cardId: string,
    connection: 'online' | 'offline',
  ): SessionInfo {
    const cache = openUserCache(cacheFileFor(dataDir, item.user.personalCode), item.cacheKey);
    active = {
      user: item.user,
      mode: 'id-card',
      connection,
      cardId,
      token: item.sessionToken ?? '',
      expiresAt: item.expiresAt ?? new Date().toISOString(),
      cache,
      cacheKey: item.cacheKey,
      account,
    };
    events.emit('session:changed', { signedIn: true });
    hooks.afterSignIn?.(active);
    return info(active);
  }

  async function signInOnline(
    cardId: string,
    certificate: CardCertificate,
    pin: string,
    account: string,
    stored: KeychainItem | null,
  ): Promise<SessionInfo | 'unreachable'> {
    let session;
    try {
      const { nonce } = await client.authChallenge();
      const auth = await cards.authenticate(cardId, pin, signedData(certificate.algorithm, origin, nonce));
      session = await client.authToken(tokenRequest(auth, nonce, deps.appVersion), origin);
    } catch (error) {
      // Only a register that cannot be asked leads to the offline unlock; a refusal is the answer.
      if (error instanceof RegisterUnreachableError) return 'unreachable';
      throw error;
    }
    if (session.user.personalCode !== certificate.personalCode) {
      void client.signOut(session.token).catch(() => undefined);
      throw new AppError('internal', 'The register signed in someone other than the card’s holder.');
    }
    const item: KeychainItem = {
      v: 1,
      user: session.user,
      sessionToken: session.token,
      expiresAt: session.expiresAt,
      cacheKey: stored?.cacheKey ?? randomBytes(32).toString('hex'),
      certificate: certificate.der.toString('base64'),
    };
    try {
      await writeItem(keychain, account, item);
    } catch (error) {
      void client.signOut(session.token).catch(() => undefined);
      throw error;
    }
    await end('signed-out', { revoke: true, token: false });
    return begin(item, account, cardId, 'online');
  }

  async function unlockOffline(
    cardId: string,
    certificate: CardCertificate,
    pin: string,
    account: string,
    stored: KeychainItem | null,
  ): Promise<SessionInfo> {
    if (!stored) throw offlineErrors.notPinned();
    const pinned = Buffer.from(stored.certificate, 'base64');
    if (!pinned.equals(certificate.der)) throw offlineErrors.mismatch();
    const challenge = offlineChallenge();
    const auth = await cards.authenticate(cardId, pin, challenge);
    if (!verifiesWithPinned(pinned, challenge, auth)) throw offlineErrors.badSignature();
    await end('signed-out', { revoke: false, token: false });
    return begin(stored, account, cardId, 'offline');
  }

  return {
    signIn(cardId, pinInput) {
      let pin: string | null = pinInput;
      return serial(async () => {
        try {
          const { card, certificate } = await cards.certificate(cardId);
          const account = accountFor(origin, card.personalCode);
          // The keychain is asked first: without one nothing is signed, sent or written.
          const stored = await readItem(keychain, account);
          const online = await signInOnline(cardId, certificate, pin ?? '', account, stored);
          if (online !== 'unreachable') return online;
          return await unlockOffline(cardId, certificate, pin ?? '', account, stored);
        } finally {
          pin = null;
        }
      });
    },
    get: () => (active ? info(active) : null),
    current: () => active,
    require() {
      if (!active) throw new AppError('unauthenticated', 'Sign in to see cases.');
      return active;
    },
    signOut: () => serial(() => end('signed-out', { revoke: true, token: true })),
    expire: () => serial(() => end('session-ended', { revoke: false, token: true })),
    cardsChanged: async (present) => {
      const cardId = active?.cardId;
      if (!cardId || present.some((card) => card.id === cardId)) return;
      await serial(async () => {
        if (active?.cardId === cardId) await end('card-removed', { revoke: false, token: false });
      });
    },
    close: () => serial(() => end('signed-out', { revoke: false, token: false })),
  };
}

function info(session: ActiveSession): SessionInfo {
  return {
    user: session.user,
    mode: session.mode,
    connection: session.connection,
    expiresAt: session.expiresAt,
  };
}
