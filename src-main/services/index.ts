import { mkdirSync } from 'node:fs';
import type { Handlers } from '../ipc/handler-registry.js';
import { createCasesService } from './cases.js';
import { createEventBus, type EventBus } from './events.js';
import { createRegisterClient } from './register-client.js';
import { createSessionService } from './session.js';
import { createSyncEngine } from './sync.js';

export interface ServicesConfig {
  registerUrl: string;
  dataDir: string;
  host: 'electron' | 'browser';
  version: string;
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
  // app:info is asked for while the first screen loads; a hanging register must not hold it up.
  const quickClient = createRegisterClient({ baseUrl: config.registerUrl, timeoutMs: 3_000 });
  const sync = createSyncEngine({
    client,
    events,
    // Deferred: the pull that noticed the expiry has finished by the time sign-out waits for it.
    onUnauthenticated: () => void session.signOut(),
  });
  const session = createSessionService({
    client,
    events,
    dataDir: config.dataDir,
    hooks: { afterSignIn: (active) => sync.start(active), beforeSignOut: () => sync.stop() },
  });
  const cases = createCasesService(session);
  let devSignInKnown = false;

  const handlers: Handlers = {
    'app:info': async () => {
      try {
        devSignInKnown = (await quickClient.health()).devSignIn;
      } catch {
        // Offline: report what the register said last time.
      }
      return {
        version: config.version,
        host: config.host,
        registerUrl: client.baseUrl,
        devSignIn: devSignInKnown,
      };
    },
    'session:get': async () => session.get(),
    'session:devUsers': () => session.devUsers(),
    'session:devSignIn': ({ personalCode }) => session.devSignIn(personalCode),
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
    close: () => session.signOut(),
  };
}
