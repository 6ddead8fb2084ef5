import { AppError, CHANNEL_NAMES } from '../../../src-shared/contract/index.js';
import type { Handlers } from '../../../src-main/ipc/handler-registry.js';

const notHere = async (): Promise<never> => {
  throw new AppError('unavailable', 'Not wired in this test.');
};

/** Handlers for tests of the dispatchers themselves; each test overrides what it calls. */
export function testHandlers(overrides: Partial<Handlers> = {}): Handlers {
  // Every channel not named below answers "not wired in this test".
  const unwired = Object.fromEntries(
    CHANNEL_NAMES.map((channel) => [channel, notHere]),
  ) as unknown as Handlers;
  return {
    ...unwired,
    'app:info': async () => ({
      version: 'test',
      host: 'browser',
      registerUrl: 'http://127.0.0.1:1',
      cardModule: '/usr/lib/softhsm/libsofthsm2.so',
    }),
    'card:list': async () => ({
      module: { path: '/usr/lib/softhsm/libsofthsm2.so', loaded: true },
      cards: [],
    }),
    'session:get': async () => null,
    'session:signOut': async () => null,
    'cases:list': async () => [],
    'cases:get': async ({ caseId }) => {
      throw new AppError('not_found', `Case ${caseId} is not in the local cache.`);
    },
    'notes:get': async () => null,
    'notes:conflicts': async () => [],
    'outbox:failed': async () => [],
    'documents:progress': async () => ({ running: false, done: 0, total: 0, failed: 0 }),
    'search:cases': async () => [],
    'search:facets': async () => ({ courts: [], judges: [] }),
    ...overrides,
  };
}

/** The document bytes of a test host that has none: every read is `not_found`. */
export const noDocuments = {
  read: async (documentId: string): Promise<never> => {
    throw new AppError('not_found', `No document ${documentId} in this test.`);
  },
};
