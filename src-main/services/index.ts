import { mkdirSync } from 'node:fs';
import type { Handlers } from '../ipc/handler-registry.js';
import { createCardReader, defaultModulePath } from './card/index.js';
import { createCasesService } from './cases.js';
import { createEventBus, type EventBus } from './events.js';
import { createKeychain, type SecretStore } from './keychain.js';
import { createRegisterClient } from './register-client.js';
import { createSessionService } from './session.js';
import { createSyncEngine } from './sync.js';

export interface ServicesConfig {
  registerUrl: string;
  dataDir: string;
  host: 'electron' | 'browser';
  version: string;
  /** The PKCS#11 module to read ID cards through; default: OpenSC's where this OS installs it. */
  cardModule?: string;
  /** How often the readers are checked for inserted and removed cards. */
  cardPollMs?: number;
  /** The OS keychain; a different service name only in tests. */
  keychain?: SecretStore;
}

export interface Services {
  handlers: Handlers;
  events: EventBus;
  close(): Promise<void>;
}

/** Wires the services of the desktop host; both hosts call this and only adapt its handlers. */
export async function createServices(config: ServicesConfig): Promise<Services> {
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const events = createEventBus();
  const client = createRegisterClient({ baseUrl: config.registerUrl });
  const cardModule = config.cardModule ?? defaultModulePath();
  const cards = createCardReader({ modulePath: cardModule, pollMs: config.cardPollMs });
  const sync = createSyncEngine({
    client,
    events,
    // Deferred: the pull that noticed the expiry has finished by the time the session waits for it.
    onUnauthenticated: () => void session.expire(),
  });
  const session = createSessionService({
    client,
    events,
    dataDir: config.dataDir,
    cards,
    keychain: config.keychain ?? createKeychain(),
    appVersion: config.version,
    hooks: { afterSignIn: (active) => sync.start(active), beforeSignOut: () => sync.stop() },
  });
  const cases = createCasesService(session);

  const stopWatching = cards.watch((present, changed) => {
    if (changed) events.emit('card:changed', { cards: present.length });
    void session.cardsChanged(present);
  });

  const handlers: Handlers = {
    'app:info': async () => ({
      version: config.version,
      host: config.host,
      registerUrl: client.baseUrl,
      cardModule,
    }),
    'card:list': () => cards.list(),
    'session:get': async () => session.get(),
    'session:signIn': ({ cardId, pin }) => session.signIn(cardId, pin),
    'session:signOut': async () => {
      await session.signOut();
      return null;
    },
    'cases:list': (input) => cases.list(input),
    'cases:get': ({ caseId }) => cases.get(caseId),
    'sync:status': async () => sync.status(),
    'sync:now': () => sync.pull(),
  };

  return {
    handlers,
    events,
    async close() {
      stopWatching();
      await session.close();
    },
  };
}
