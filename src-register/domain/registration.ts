import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../src-shared/contract/result.js';
import type { SessionUser } from '../../src-shared/domain/index.js';
import {
  AllocationOutcome,
  type ParsedRegistrationRequest,
  type RegistrationResponse,
} from '../../src-shared/register-api/index.js';
import type { BlobStore } from '../blobs/blob-store.js';
import type { Db } from '../db/index.js';
import { actorOf, writeAudit } from './audit.js';
import { allocateProceeding } from './case-allocation.js';
import { loadCaseFile, loadCaseRow } from './case-files.js';
import { nextCaseNumber } from './numbering.js';
import { uniqueViolation } from './pg-errors.js';
import { registeringCourt, registrationYear } from './registration-access.js';
import { insertDocuments, storeDocuments } from './registration-documents.js';
import { insertAliases, insertParties, partyCode, registrationAudits } from './registration-writes.js';

const requestHash = (request: ParsedRegistrationRequest) =>
  createHash('sha256').update(JSON.stringify(request)).digest('hex');

const Remembered = z.object({
  allocation: AllocationOutcome.nullable(),
  allocationNote: z.string().nullable(),
});
type Remembered = z.infer<typeof Remembered> & { caseId: string };

/** What was decided for this request id before, or null; the id reused differently is a conflict. */
async function earlierAnswer(
  db: Db,
  user: SessionUser,
  requestId: string,
  hash: string,
): Promise<Remembered | null> {
  const [row] = await db.query<{
    user_id: string;
    body_sha256: string;
    case_id: string;
    allocation: unknown;
  }>('SELECT user_id, body_sha256, case_id, allocation FROM registration_requests WHERE request_id = $1', [
    requestId,
  ]);
  if (!row) return null;
  if (row.user_id !== user.id || row.body_sha256 !== hash)
    throw new AppError('conflict', `request id ${requestId} was already used for another registration`);
  return { ...Remembered.parse(row.allocation), caseId: row.case_id };
}

async function answer(db: Db, remembered: Remembered): Promise<RegistrationResponse> {
  const row = await loadCaseRow(db, remembered.caseId);
  if (!row) throw new AppError('not_found', `the case registered by this request is gone`);
  return {
    ...(await loadCaseFile(db, row)),
    allocation: remembered.allocation,
    allocationNote: remembered.allocationNote,
  };
}

/**
 * Registers a case with its parties and documents in one transaction: the next number of its
 * procedure type and year, the case and its first proceeding, parties, former numbers, documents
 * `/1…/n`, a 'registered' step, the allocation, and an audit entry for everything created. Any
 * failure rolls all of it back, the number included, so numbering stays gapless.
 */
export async function registerCase(
  deps: { db: Db; blobs: BlobStore },
  user: SessionUser,
  request: ParsedRegistrationRequest,
): Promise<RegistrationResponse> {
  const { db } = deps;
  const court = await registeringCourt(db, user, request.courtCode, request);
  const hash = requestHash(request);
  if (request.requestId) {
    const earlier = await earlierAnswer(db, user, request.requestId, hash);
    if (earlier) return answer(db, earlier);
  }
  const documents = await storeDocuments(deps.blobs, request.documents);
  let remembered: Remembered;
  try {
    remembered = await db.transaction(async (tx): Promise<Remembered> => {
      const [{ now } = { now: new Date() }] = await tx.query<{ now: Date }>('SELECT now() AS now');
      const number = await nextCaseNumber(tx, request.procedureType, registrationYear(now));
      const caseId = randomUUID();
      await tx.query(
        `INSERT INTO cases (id, number, procedure_type, court_code, status, subject, category, claim_value_cents,
                            restriction, registered_at)
         VALUES ($1, $2, $3, $4, 'registered', $5, $6, $7, $8, $9)`,
        [
          caseId,
          number,
          request.procedureType,
          court.code,
          request.subject,
          request.category,
          request.claimValueCents,
          request.restriction,
          now,
        ],
      );
      const partyIds = await insertParties(tx, caseId, request.parties);
      await insertAliases(tx, caseId, request.formerNumbers);
      const filed = await insertDocuments(tx, caseId, documents, now);
      await tx.query(
        `INSERT INTO procedural_steps (id, case_id, kind, occurred_at, entered_at, entered_by, description)
         VALUES ($1, $2, 'registered', $3, $3, $4, 'Asi registreeriti kohtu kantseleis.')`,
        [randomUUID(), caseId, now, user.id],
      );
      const [proceeding] = await tx.query<{ id: string }>(
        'SELECT id FROM proceedings WHERE case_id = $1 AND seq = 1',
        [caseId],
      );
      const allocated = await allocateProceeding(tx, {
        caseId,
        proceedingId: proceeding!.id,
        courtCode: court.code,
        procedureType: request.procedureType,
        category: request.category,
        subject: request.subject,
        parties: request.parties.map((p) => ({ code: partyCode(p), name: p.name })),
        registeredAt: now,
        user,
      });
      await writeAudit(
        tx,
        registrationAudits(actorOf(user), request, {
          caseId,
          number,
          proceedingId: proceeding!.id,
          partyIds,
          filed,
          judgeIds: allocated.allocation?.judges.map((j) => j.id) ?? [],
        }),
      );
      const decided = { allocation: allocated.allocation, allocationNote: allocated.note };
      if (request.requestId)
        await tx.query(
          `INSERT INTO registration_requests (request_id, user_id, body_sha256, case_id, allocation)
           VALUES ($1, $2, $3, $4, $5::jsonb)`,
          [request.requestId, user.id, hash, caseId, JSON.stringify(decided)],
        );
      return { ...decided, caseId };
    });
  } catch (error) {
    // Two sends of one request raced: the loser's transaction rolled back; answer as the winner did.
    if (request.requestId && uniqueViolation(error) === 'registration_requests_pkey') {
      const earlier = await earlierAnswer(db, user, request.requestId, hash);
      if (earlier) return answer(db, earlier);
    }
    if (uniqueViolation(error) === 'cases_number_key')
      throw new AppError(
        'conflict',
        'the next case number is already taken (imported data?): the counter needs repair',
      );
    if (uniqueViolation(error) === 'case_aliases_pkey')
      throw new AppError('conflict', 'a former number was given to another case at the same moment');
    throw error;
  }
  // Read after commit, outside the transaction, so the snapshot's queries can run side by side.
  return answer(db, remembered);
}
