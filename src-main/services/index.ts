import { mkdirSync } from 'node:fs';
import type { Handlers } from '../ipc/handler-registry.js';
import { createCardReader, defaultModulePath } from './card/index.js';
import { createAnnotationsService } from './annotations.js';
import { createCasesService } from './cases.js';
import { createCourtAdminHandlers } from './court-admin.js';
import { createDocumentsService, type DocumentsService } from './documents.js';
import { createDraftingHandlers, markFiled, markFilingRefused } from './drafting/drafts-service.js';
import { createFilingService } from './filing.js';
import { createMinutesHandlers } from './minutes/index.js';
import { createEventBus, type EventBus } from './events.js';
import { createKeychain, type SecretStore } from './keychain.js';
import { createNotesService } from './notes.js';
import { createPushEngine } from './push.js';
import { createRegisterClient } from './register-client.js';
import { createSessionService } from './session.js';
import { createSettingsHandlers } from './settings.js';
import { createSearchWorkers } from './store/search-worker.js';
import { createWorkspaceHandlers } from './workspace/index.js';
import { outboxStatus } from './store/outbox.js';
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
  /** The document bytes for the hosts' byte routes (`read` serves only what `documents:open` fetched). */
  documents: Pick<DocumentsService, 'read'>;
  close(): Promise<void>;
}

/** Wires the services of the desktop host; both hosts call this and only adapt its handlers. */
export async function createServices(config: ServicesConfig): Promise<Services> {
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const events = createEventBus();
  const client = createRegisterClient({ baseUrl: config.registerUrl });
  const cardModule = config.cardModule ?? defaultModulePath();
  const cards = createCardReader({ modulePath: cardModule, pollMs: config.cardPollMs });
  const documents = createDocumentsService({
    baseUrl: client.baseUrl,
    dataDir: config.dataDir,
    onProgress: (progress) => events.emit('documents:progress', progress),
    onDownload: (download) => events.emit('documents:download', download),
    onUnauthenticated: () => void session.expire(),
    // A restricted document read from its local copy: reported to the register's read log.
    onQueued: () => queued(),
  });
  const sync = createSyncEngine({
    client,
    events,
    // Documents of the user's own cases and coming hearings follow each pull, in the background.
    onPulled: () => void documents.afterPull(),
    // Deferred: the pull that noticed the expiry has finished by the time the session waits for it.
    onUnauthenticated: () => void session.expire(),
  });
  // The signed-in user's encrypted document store, opened once per session by documents.start():
  // documents filed from here wait in it for their upload.
  const blobStoreFor = () => documents.store();
  const push = createPushEngine({
    client,
    events,
    onUnauthenticated: () => void session.expire(),
    onStatus: (counts) => sync.outboxChanged(counts),
    blobStoreFor,
    onFiled: (filing) => {
      const active = session.current();
      if (!active) return;
      // Minutes read their filing's state when opened (minutes/index.ts); they are told to look again.
      if (filing.sourceKind === 'minutes') {
        events.emit('minutes:changed', { minutesIds: [filing.sourceId] });
        return;
      }
      if (filing.state === 'filed' && filing.documentNumber)
        markFiled(active.cache, filing.sourceId, filing.documentNumber, events);
      else if (filing.state === 'failed') markFilingRefused(active.cache, filing.sourceId, events);
    },
  });
  const session = createSessionService({
    client,
    events,
    dataDir: config.dataDir,
    cards,
    keychain: config.keychain ?? createKeychain(),
    appVersion: config.version,
    hooks: {
      afterSignIn: (active) => {
        annotations.start(active);
        documents.start(active);
        sync.start(active);
        push.start(active);
        // Starts the search worker (its own connection and key setup) now, not at the first keystroke.
        searchWorkers.workerFor(active.cache);
      },
      beforeSignOut: async () => {
        annotations.stop();
        await push.stop();
        await documents.stop();
        await sync.stop();
      },
    },
  });
  // One search worker per open cache, shared by the case list, My work and Search.
  const searchWorkers = createSearchWorkers();
  const cases = createCasesService(session, searchWorkers);
  const workspace = createWorkspaceHandlers({ session, searchWorkers });
  const courtAdmin = createCourtAdminHandlers({
    client,
    session,
    // The new case is in the register now: a pull brings it into this computer's cache.
    afterRegistered: () => void sync.pull().catch(() => undefined),
    onUnauthenticated: () => void session.expire(),
  });
  const settings = createSettingsHandlers({
    dataDir: config.dataDir,
    inEffect: { registerUrl: client.baseUrl, cardModule },
  });
  // A local change was saved with its outbox row: the status bar counts it, the push goes now.
  const queued = (): void => {
    const active = session.current();
    if (active) sync.outboxChanged(outboxStatus(active.cache));
    push.notify();
  };
  const notes = createNotesService({ session, onQueued: queued });
  const annotations = createAnnotationsService({ events, onQueued: queued });
  const filing = createFilingService({ blobStoreFor, onQueued: queued });
  const drafting = createDraftingHandlers({ session, dataDir: config.dataDir, filing, events });
  const minutes = createMinutesHandlers({ session, filing, events, cards });

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
    'notes:get': ({ caseId }) => notes.get(caseId),
    'notes:put': ({ caseId, text }) => notes.put(caseId, text),
    'notes:conflicts': () => notes.conflicts(),
    'notes:resolve': async ({ conflictId, choice }) => {
      const note = await notes.resolve(conflictId, choice);
      // The case's note changed under any open case file: it reads it again.
      if (note) events.emit('cases:changed', { caseIds: [note.caseId] });
      return note;
    },
    'outbox:failed': () => notes.failed(),
    'outbox:retry': async ({ id }) => {
      await notes.retry(id);
      push.notify();
      return null;
    },
    'outbox:dismiss': async ({ id }) => {
      await notes.dismiss(id);
      return null;
    },
    'documents:open': ({ documentId }) => documents.open(documentId),
    'documents:progress': async () => documents.progress(),
    'viewer:getState': async ({ documentId }) => annotations.getState(documentId),
    'viewer:putState': async (state) => annotations.putState(state),
    'annotations:list': async ({ documentId }) => annotations.list(documentId),
    'annotations:put': async (input) => annotations.put(input),
    'annotations:delete': async ({ id }) => annotations.delete(id),
    'sync:status': async () => sync.status(),
    'sync:now': () => {
      push.notify();
      return sync.pull();
    },
    ...workspace,
    ...drafting,
    ...minutes,
    ...courtAdmin,
    ...settings,
  };

  return {
    handlers,
    events,
    documents: { read: (documentId) => documents.read(documentId) },
    async close() {
      stopWatching();
      await session.close();
    },
  };
}
