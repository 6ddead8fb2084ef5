import { createHash } from 'node:crypto';
import { AppError } from '../../src-shared/contract/result.js';
import type { SessionUser } from '../../src-shared/domain/index.js';
import type { SyncMutation, SyncMutationResult, SyncRecord } from '../../src-shared/register-api/index.js';
import type { Db } from '../db/index.js';
import { applyAnnotationDelete, applyAnnotationPut } from './annotations.js';
import { applyDocumentFile } from './document-filing.js';
import { applyDocumentRead } from './document-reads.js';
import { applyNotePut, applyStepAdd } from './sync-mutation-kinds.js';

/** What applying one mutation decided, before it is stored under the mutation's id. */
export type MutationOutcome =
  | { status: 'applied'; record: SyncRecord }
  | { status: 'rejected'; code: AppError['code']; reason: string }
  | { status: 'conflict'; reason: string; record: SyncRecord };

interface StoredMutation {
  user_id: string;
  request_sha256: string;
  result: SyncMutationResult;
}

const requestHash = (mutation: SyncMutation) =>
  createHash('sha256').update(JSON.stringify(mutation)).digest('hex');

function applyKind(db: Db, user: SessionUser, mutation: SyncMutation): Promise<MutationOutcome> {
  switch (mutation.kind) {
    case 'case.note.put':
      return applyNotePut(db, user, mutation);
    case 'procedural_step.add':
      return applyStepAdd(db, user, mutation);
    case 'annotation.put':
      return applyAnnotationPut(db, user, mutation);
    case 'annotation.delete':
      return applyAnnotationDelete(db, user, mutation);
    case 'case.document.file':
      return applyDocumentFile(db, user, mutation);
    case 'document.read':
      return applyDocumentRead(db, user, mutation);
  }
}

async function decide(tx: Db, user: SessionUser, mutation: SyncMutation): Promise<MutationOutcome> {
  try {
    // A savepoint: a rejection found half-way leaves nothing of this mutation behind.
    return await tx.transaction((sp) => applyKind(sp, user, mutation));
  } catch (error) {
    if (error instanceof AppError) return { status: 'rejected', code: error.code, reason: error.message };
    throw error;
  }
}

/**
 * Applies one mutation in its own transaction. The id is claimed first: a concurrent request with
 * the same id waits on the primary key and then reads the answer stored here. The placeholder
 * status is never seen outside the transaction.
 */
async function applyOne(db: Db, user: SessionUser, mutation: SyncMutation): Promise<SyncMutationResult> {
  const hash = requestHash(mutation);
  return db.transaction(async (tx) => {
    const claimed = await tx.query<{ id: string }>(
      `INSERT INTO sync_mutations (id, user_id, kind, request_sha256, status, result)
       VALUES ($1, $2, $3, $4, 'rejected', '{}'::jsonb) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [mutation.id, user.id, mutation.kind, hash],
    );
    if (claimed.length === 0) {
      const [stored] = await tx.query<StoredMutation>(
        'SELECT user_id, request_sha256, result FROM sync_mutations WHERE id = $1',
        [mutation.id],
      );
      if (stored && stored.user_id === user.id && stored.request_sha256 === hash) return stored.result;
      // Not stored: the id keeps the answer it already has.
      return {
        id: mutation.id,
        status: 'rejected',
        code: 'conflict',
        reason: `mutation id ${mutation.id} was already used for a different mutation; make a new id`,
      };
    }
    const result: SyncMutationResult = { id: mutation.id, ...(await decide(tx, user, mutation)) };
    await tx.query('UPDATE sync_mutations SET status = $2, result = $3::jsonb WHERE id = $1', [
      mutation.id,
      result.status,
      JSON.stringify(result),
    ]);
    return result;
  });
}

/** One transaction per mutation, in order: a rejected or conflicting one does not undo the others. */
export async function applyMutations(
  db: Db,
  user: SessionUser,
  mutations: readonly SyncMutation[],
): Promise<SyncMutationResult[]> {
  const results: SyncMutationResult[] = [];
  for (const mutation of mutations) results.push(await applyOne(db, user, mutation));
  return results;
}
