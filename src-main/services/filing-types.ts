import type { FiledDocumentKind } from '../../src-shared/register-api/index.js';
import type { CacheDb } from './store/cache.js';

/**
 * Filing a document the user made (a decision draft, hearing minutes) as the case's next document:
 * the bytes go into the encrypted local store and the `case.document.file` mutation into the outbox
 * in one step, so it survives a crash and goes when the register is reachable. The push engine
 * uploads the bytes before the mutation; the register's answer gives the document its number.
 */

/** What made the document: the filing is found again by it. */
export type FilingSourceKind = 'draft' | 'minutes';

export interface FilingRequest {
  sourceKind: FilingSourceKind;
  sourceId: string;
  caseId: string;
  kind: FiledDocumentKind;
  title: string;
  bytes: Uint8Array;
  mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' | 'application/pdf';
  decisionKind: 'judgment' | 'ruling' | 'decision' | null;
  hearingId: string | null;
  /** When the decision was made / the hearing held (ISO date-time with offset). */
  occurredAt: string;
}

/** queued (in the outbox) → filed (numbered by the register) | failed (refused; the reason is kept). */
export type FilingState = 'queued' | 'filed' | 'failed';

export interface Filing {
  documentId: string;
  sourceKind: FilingSourceKind;
  sourceId: string;
  caseId: string;
  kind: FiledDocumentKind;
  title: string;
  sha256: string;
  size: number;
  state: FilingState;
  /** `T-YY-N/D` once filed. */
  documentNumber: string | null;
  /** Why the register refused it, when failed. */
  error: string | null;
  queuedAt: string;
  filedAt: string | null;
}

export interface FilingService {
  /** Stores the bytes and queues the filing in one transaction; a source already queued or filed is refused (`conflict`). */
  file(cache: CacheDb, request: FilingRequest): Filing;
  /** The newest filing of a source, or null. */
  get(cache: CacheDb, sourceKind: FilingSourceKind, sourceId: string): Filing | null;
}
