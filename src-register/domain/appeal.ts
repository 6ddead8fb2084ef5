import { randomUUID } from 'node:crypto';
import { AppError } from '../../src-shared/contract/result.js';
import type { ProcedureType, SessionUser } from '../../src-shared/domain/index.js';
import type { ProceedingKind, RegistrationResponse } from '../../src-shared/register-api/index.js';
import type { Db } from '../db/index.js';
import { actorOf, writeAudit } from './audit.js';
import { allocateProceeding } from './case-allocation.js';
import { loadCaseFile, loadCaseRow } from './case-files.js';
import { registeringCourt } from './registration-access.js';

const kindAt = (level: number, procedureType: ProcedureType): ProceedingKind =>
  procedureType === 'constitutional' ? 'constitutional_review' : level === 2 ? 'appeal' : 'cassation';

/**
 * Takes a case to a higher court: the case keeps its number and gains a proceeding there, which the
 * higher court's chancery registers. The earlier proceeding ends; the case's court becomes the new one.
 */
export async function appealCase(
  db: Db,
  user: SessionUser,
  caseId: string,
  courtCode: string,
): Promise<RegistrationResponse> {
  const allocated = await db.transaction(async (tx) => {
    const [current] = await tx.query<{
      number: string;
      procedure_type: ProcedureType;
      restriction: 'none' | 'closed' | 'adoption';
      subject: string;
      category: string | null;
    }>('SELECT number, procedure_type, restriction, subject, category FROM cases WHERE id = $1 FOR UPDATE', [
      caseId,
    ]);
    if (!current) throw new AppError('not_found', `no case ${caseId}`);
    const court = await registeringCourt(tx, user, courtCode, {
      procedureType: current.procedure_type,
      restriction: current.restriction,
    });
    const [last] = await tx.query<{ id: string; seq: number; level: number; court_code: string }>(
      'SELECT id, seq, level, court_code FROM proceedings WHERE case_id = $1 ORDER BY seq DESC LIMIT 1',
      [caseId],
    );
    if (last && court.level <= last.level)
      throw new AppError(
        'conflict',
        `case ${current.number} is already at ${last.court_code} (level ${last.level}); an appeal goes to a higher court`,
      );
    const [{ now } = { now: new Date() }] = await tx.query<{ now: Date }>('SELECT now() AS now');
    const proceedingId = randomUUID();
    const seq = (last?.seq ?? 0) + 1;
    if (last) await tx.query('UPDATE proceedings SET ended_at = $2 WHERE id = $1', [last.id, now]);
    await tx.query(
      `INSERT INTO proceedings (id, case_id, seq, court_code, level, kind, started_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [proceedingId, caseId, seq, court.code, court.level, kindAt(court.level, current.procedure_type), now],
    );
    await tx.query(`UPDATE cases SET court_code = $2, judge_id = NULL, status = 'registered' WHERE id = $1`, [
      caseId,
      court.code,
    ]);
    await tx.query(
      `INSERT INTO procedural_steps (id, case_id, kind, occurred_at, entered_at, entered_by, description)
       VALUES ($1, $2, 'appeal_registered', $3, $3, $4, $5)`,
      [randomUUID(), caseId, now, user.id, `Asi registreeriti kõrgemas kohtus: ${court.name}.`],
    );
    const parties = await tx.query<{ code: string | null; name: string }>(
      'SELECT code, name FROM parties WHERE case_id = $1 ORDER BY position',
      [caseId],
    );
    const allocated = await allocateProceeding(tx, {
      caseId,
      proceedingId,
      courtCode: court.code,
      procedureType: current.procedure_type,
      category: current.category,
      subject: current.subject,
      parties,
      registeredAt: now,
      user,
    });
    const actor = actorOf(user);
    await writeAudit(tx, [
      {
        actor,
        action: 'proceeding.create',
        objectType: 'proceeding',
        objectId: proceedingId,
        details: { caseId, number: current.number, courtCode: court.code, seq },
      },
      {
        actor,
        action: 'case.change',
        objectType: 'case',
        objectId: caseId,
        details: { number: current.number, courtCode: { from: last?.court_code ?? null, to: court.code } },
      },
    ]);
    return allocated;
  });
  const file = await loadCaseFile(db, (await loadCaseRow(db, caseId))!);
  return { ...file, allocation: allocated.allocation, allocationNote: allocated.note };
}
