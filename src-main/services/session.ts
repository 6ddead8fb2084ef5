import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../src-shared/contract/index.js';
import type { SessionUser } from '../../src-shared/domain/index.js';
import type { EventBus } from './events.js';
import type { RegisterClient } from './register-client.js';
import { type CacheDb, openCache } from './store/cache.js';

export type SessionMode = 'development' | 'id-card';

/** A signed-in user with their register token and their own cache. */
export interface ActiveSession {
  readonly user: SessionUser;
  readonly mode: SessionMode;
  /** Held in memory only; it must never be written to a file. */
  readonly token: string;
  readonly expiresAt: string;
  readonly cache: CacheDb;
}

export interface SessionHooks {
  afterSignIn?(session: ActiveSession): void;
  /** Runs before the cache closes: whatever uses it must be finished. */
  beforeSignOut?(session: ActiveSession): Promise<void>;
}

export interface SessionService {
  devUsers(): Promise<Array<{ personalCode: string; name: string; roleLabel: string }>>;
  devSignIn(personalCode: string): Promise<{ user: SessionUser; mode: 'development' }>;
  get(): { user: SessionUser; mode: SessionMode } | null;
  current(): ActiveSession | null;
  /** The active session or an `unauthenticated` error. */
  require(): ActiveSession;
  signOut(): Promise<void>;
}

export interface SessionDeps {
  client: RegisterClient;
  events: EventBus;
  dataDir: string;
  hooks?: SessionHooks;
}

/** One cache file per user, named so the folder does not list who has used this computer. */
export function cacheFileFor(dataDir: string, personalCode: string): string {
  const name = createHash('sha256').update(personalCode).digest('hex').slice(0, 16);
  return join(dataDir, 'cache', `${name}.sqlite`);
}

export function createSessionService({ client, events, dataDir, hooks = {} }: SessionDeps): SessionService {
  let active: ActiveSession | null = null;
  // Sign-in and sign-out run one at a time so a cache is never opened twice or closed in use.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  async function end(): Promise<void> {
    const ending = active;
    if (!ending) return;
    try {
      await hooks.beforeSignOut?.(ending);
    } finally {
      active = null;
      ending.cache.close();
      events.emit('session:changed', { signedIn: false });
    }
    // Best effort: offline, the token simply expires on the register; it was never stored here.
    void client.signOut(ending.token).catch(() => undefined);
  }

  return {
    async devUsers() {
      return (await client.devUsers()).users;
    },
    devSignIn(personalCode) {
      return serial(async () => {
        const session = await client.devSignIn(personalCode);
        await end();
        const file = cacheFileFor(dataDir, session.user.personalCode);
        mkdirSync(join(dataDir, 'cache'), { recursive: true, mode: 0o700 });
        const cache = openCache(file);
        active = {
          user: session.user,
          mode: 'development',
          token: session.token,
          expiresAt: session.expiresAt,
          cache,
        };
        events.emit('session:changed', { signedIn: true });
        hooks.afterSignIn?.(active);
        return { user: session.user, mode: 'development' as const };
      });
    },
    get: () => (active ? { user: active.user, mode: active.mode } : null),
    current: () => active,
    require() {
      if (!active) throw new AppError('unauthenticated', 'Sign in to see cases.');
      return active;
    },
    signOut: () => serial(end),
  };
}
