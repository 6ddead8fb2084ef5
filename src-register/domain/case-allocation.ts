import { randomUUID } from 'node:crypto';
import { AppError } from '../../src-shared/contract/result.js';
import type { ProcedureType, SessionUser } from '../../src-shared/domain/index.js';
import type { AllocationOutcome } from '../../src-shared/register-api/index.js';
import type { Db } from '../db/index.js';
import { allocateCase } from './allocation/allocate-case.js';
import { partyKey } from './allocation/refiling.js';

export interface ProceedingAllocation {
  allocation: AllocationOutcome | null;
  /** Why there is no allocation, when there is none. */
  note: string | null;
}

export interface AllocationQuestion {
  caseId: string;
  proceedingId: string;
  courtCode: string;
  procedureType: ProcedureType;
  category: string | null;
  subject: string;
  parties: readonly { code: string | null; name: string }[];
  registeredAt: Date;
  user: SessionUser;
}

/**
 * Draws the judge or panel of a new proceeding inside the registering transaction and records it on
 * the proceeding, with a 'judge_assigned' step. When no draw is possible (no plan at that court, no
 * eligible judge) the case is still registered — a court cannot refuse a filing for that — but
 * without a judge, and the answer says why; nothing of the failed draw is kept.
 */
export async function allocateProceeding(tx: Db, q: AllocationQuestion): Promise<ProceedingAllocation> {
  let outcome: Awaited<ReturnType<typeof allocateCase>>;
  try {
    outcome = await tx.transaction((savepoint) =>
      allocateCase(savepoint, {
        caseId: q.caseId,
        courtCode: q.courtCode,
        procedureType: q.procedureType,
        category: q.category,
        subject: q.subject,
        partyKeys: q.parties.map(partyKey),
        registeredAt: q.registeredAt,
        actor: { userId: q.user.id },
      }),
    );
  } catch (error) {
    if (error instanceof AppError && error.code === 'conflict')
      return { allocation: null, note: `no judge was allocated: ${error.message}` };
    throw error;
  }
  await tx.query('UPDATE proceedings SET judge_ids = $2::uuid[] WHERE id = $1', [
    q.proceedingId,
    outcome.judgeIds,
  ]);
  const rows = await tx.query<{ id: string; name: string }>(
    'SELECT id, name FROM users WHERE id = ANY($1::uuid[])',
    [outcome.judgeIds],
  );
  const judges = outcome.judgeIds.map((id) => ({ id, name: rows.find((r) => r.id === id)?.name ?? '' }));
  const how = outcome.record.kind === 'refiling' ? 'uuesti esitatud asi, sama kohtunik' : 'automaatselt';
  await tx.query(
    `INSERT INTO procedural_steps (id, case_id, kind, occurred_at, entered_at, entered_by, description)
     VALUES ($1, $2, 'judge_assigned', $3, $3, $4, $5)`,
    [
      randomUUID(),
      q.caseId,
      q.registeredAt,
      q.user.id,
      `Asi jaotati (${how}). ${judges.length > 1 ? 'Kohtukoosseis' : 'Kohtunik'}: ${judges.map((j) => j.name).join(', ')}.`,
    ],
  );
  return { allocation: { judges, logSeq: outcome.logSeq, record: outcome.record }, note: null };
}
