import type { z } from 'zod';
import {
  type Annotation,
  AppError,
  type ViewerState,
  type viewerChannels,
} from '../../src-shared/contract/index.js';
import type { EventBus } from './events.js';
import {
  deleteAnnotation,
  documentCaseId,
  listAnnotations,
  putAnnotation,
} from './store/annotations-store.js';
import type { CacheDb } from './store/cache.js';
import { getViewerState, putViewerState } from './store/viewer-state-store.js';

export type AnnotationPutInput = z.infer<(typeof viewerChannels)['annotations:put']['input']>;

/** What the service needs of a signed-in session: the user's cache. */
export interface AnnotationsSession {
  readonly cache: CacheDb;
}

/**
 * The user's private notes and highlights on documents, and where they were in each document, local
 * first: every edit is saved in the cache with its outbox row in one transaction and pushed when
 * the register can be reached (push.ts); other devices' edits arrive with the pull (sync.ts). The
 * conflict policy is in store/annotation-results.ts: nothing is lost, both versions show.
 */
export interface AnnotationsService {
  /** Begins serving this session's cache (after sign-in). */
  start(session: AnnotationsSession): void;
  /** Lets go of the cache (before sign-out). */
  stop(): void;
  list(documentId: string): Promise<Annotation[]>;
  /** Saves at once; the document must be in the cache (its case is taken from the snapshot). */
  put(input: AnnotationPutInput): Promise<Annotation>;
  delete(id: string): Promise<null>;
  /** Null when there is none or the stored one is damaged. */
  getState(documentId: string): Promise<ViewerState | null>;
  putState(state: ViewerState): Promise<null>;
}

export interface AnnotationsDeps {
  events: EventBus;
  /** A change was queued (the push engine's `notify`, and the sync status's outbox counts). */
  onQueued?: () => void;
  now?: () => Date;
}

export function createAnnotationsService(deps: AnnotationsDeps): AnnotationsService {
  const now = deps.now ?? (() => new Date());
  let session: AnnotationsSession | null = null;
  const cache = (): CacheDb => {
    if (!session) throw new AppError('unauthenticated', 'Sign in to use notes and highlights.');
    return session.cache;
  };
  const changed = (documentId: string): void => {
    deps.events.emit('annotations:changed', { documentIds: [documentId] });
    deps.onQueued?.();
  };

  return {
    start(next) {
      session = next;
    },
    stop() {
      session = null;
    },
    list: async (documentId) => listAnnotations(cache(), documentId),
    put: async (input) => {
      const db = cache();
      const caseId = documentCaseId(db, input.documentId);
      if (caseId === null)
        throw new AppError('not_found', `document ${input.documentId} is not on this computer`);
      const saved = putAnnotation(db, { ...input, caseId }, now());
      changed(saved.documentId);
      return saved;
    },
    delete: async (id) => {
      const documentId = deleteAnnotation(cache(), id, now());
      if (documentId !== null) changed(documentId);
      return null;
    },
    getState: async (documentId) => getViewerState(cache(), documentId),
    putState: async (state) => {
      putViewerState(cache(), state, now());
      return null;
    },
  };
}
