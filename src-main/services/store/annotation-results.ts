import { randomUUID } from 'node:crypto';
import type { DocumentAnnotation, SyncMutationResult } from '../../../src-shared/register-api/index.js';
import {
  ANNOTATION_PUT,
  contentOf,
  contentOfServer,
  hasLiveRows,
  putPayload,
  readAnnotationRow,
  refreshUnsent,
  seeServerVersion,
  writeAnnotation,
} from './annotations-store.js';
import type { CacheDb } from './cache.js';
import { type OutboxRow, enqueue, setState } from './outbox.js';

/**
 * What the register answered to an annotation mutation, applied to the cache.
 *
 * Conflict policy — NOTHING is lost: the register's version is taken (its content, or its
 * deletion), and when the local annotation's content (text, place, kind, colour) differs from it,
 * the local one is kept as a NEW annotation (new id, same document, page and region) marked
 * unsent and queued, so both show and the user removes the one they do not want. A local deletion
 * that meets a newer edit from another device gives way to the edit (the annotation comes back).
 */

export interface AnnotationResultEffect {
  outcome: 'applied' | 'conflict' | 'failed';
  /** Documents whose annotations changed in the cache. */
  documentIds: string[];
}

const annotationIdOf = (row: OutboxRow): string =>
  'annotationId' in row.payload ? row.payload.annotationId : '';

const sameContent = (a: ReturnType<typeof contentOf>, b: ReturnType<typeof contentOf>): boolean =>
  a.page === b.page &&
  a.kind === b.kind &&
  a.color === b.color &&
  a.text === b.text &&
  a.rect.x === b.rect.x &&
  a.rect.y === b.rect.y &&
  a.rect.width === b.rect.width &&
  a.rect.height === b.rect.height;

/** Takes the register's record as the local annotation (or removes it when the register has none). */
function adopt(db: CacheDb, id: string, server: DocumentAnnotation | null): void {
  if (!server) {
    db.prepare('DELETE FROM annotations WHERE id = ?').run(id);
    return;
  }
  writeAnnotation(
    db,
    { ...contentOfServer(server), text: server.deleted ? '' : server.text },
    { baseVersion: server.version, serverVersion: server.version, unsent: false, deleted: server.deleted },
  );
}

function applied(db: CacheDb, row: OutboxRow, server: DocumentAnnotation | null): string[] {
  const id = annotationIdOf(row);
  setState(db, row.seq, 'done');
  const local = readAnnotationRow(db, id);
  if (server) {
    // Later unsent edits of the same annotation are now based on the version the register gave.
    db.prepare(
      `UPDATE outbox SET base_version = ? WHERE kind IN ('annotation.put', 'annotation.delete')
       AND json_extract(payload, '$.annotationId') = ? AND state = 'pending' AND seq > ?`,
    ).run(server.version, id, row.seq);
  }
  if (!local) return [];
  if (!hasLiveRows(db, id)) {
    // Nothing newer is waiting: the local annotation is what was sent, as the register holds it.
    if (server) adopt(db, id, server);
    else if (local.deleted === 1) db.prepare('DELETE FROM annotations WHERE id = ?').run(id);
    refreshUnsent(db, id);
    return [local.document_id];
  }
  if (server) {
    db.prepare('UPDATE annotations SET base_version = ? WHERE id = ?').run(server.version, id);
    seeServerVersion(db, id, server.version);
  }
  return [];
}

function conflicted(
  db: CacheDb,
  row: OutboxRow,
  server: DocumentAnnotation | null,
  reason: string,
  now: Date,
): string[] {
  const id = annotationIdOf(row);
  setState(db, row.seq, 'done', `conflict: ${reason}`);
  // Later unsent edits are folded into the kept copy: their content is the local annotation's.
  db.prepare(
    `DELETE FROM outbox WHERE kind IN ('annotation.put', 'annotation.delete')
     AND json_extract(payload, '$.annotationId') = ? AND state IN ('pending', 'failed')`,
  ).run(id);
  const local = readAnnotationRow(db, id);
  const documentIds = new Set<string>();
  if (local) documentIds.add(local.document_id);
  if (server) documentIds.add(server.documentId);
  adopt(db, id, server);
  if (local && local.deleted === 0) {
    const mine = contentOf(local);
    const theirs = server && !server.deleted ? contentOfServer(server) : null;
    if (!theirs || !sameContent({ ...mine, id: theirs.id }, theirs)) {
      const at = now.toISOString();
      const copy = { ...mine, id: randomUUID(), createdAt: at, updatedAt: at };
      writeAnnotation(db, copy, { baseVersion: null, serverVersion: null, unsent: true, deleted: false });
      enqueue(db, { kind: ANNOTATION_PUT, baseVersion: null, payload: putPayload(copy) }, copy.caseId);
    }
  }
  return [...documentIds];
}

/** Applies the register's answer to one annotation mutation, in one transaction. */
export function applyAnnotationResult(
  db: CacheDb,
  row: OutboxRow,
  result: SyncMutationResult,
  now = new Date(),
): AnnotationResultEffect {
  return db.transaction((): AnnotationResultEffect => {
    if (result.status === 'rejected') {
      setState(db, row.seq, 'failed', `${result.code}: ${result.reason}`);
      return { outcome: 'failed', documentIds: [] };
    }
    const server = result.record.type === 'annotation' ? result.record.annotation : null;
    if (result.status === 'applied') return { outcome: 'applied', documentIds: applied(db, row, server) };
    return { outcome: 'conflict', documentIds: conflicted(db, row, server, result.reason, now) };
  })();
}
