import { AppError } from '../../src-shared/contract/result.js';
import {
  type ProcedureType,
  documentNumber,
  formatCaseNumber,
  parseCaseNumber,
} from '../../src-shared/domain/index.js';
import type { Db } from '../db/index.js';

const MAX_RUNNING = 999_999;
const MAX_DOCUMENT = 9999;

/**
 * The next `T-YY-N` for a procedure type and (four-digit) year. Call it inside the registration's
 * transaction: the upsert locks the counter row until commit, so concurrent registrations queue on
 * it and each gets the next number, and a registration that rolls back gives its number back.
 */
export async function nextCaseNumber(tx: Db, procedureType: ProcedureType, year: number): Promise<string> {
  const [row] = await tx.query<{ running: number }>(
    `INSERT INTO case_number_counters (procedure_type, year, next) VALUES ($1, $2, 2)
     ON CONFLICT (procedure_type, year) DO UPDATE SET next = case_number_counters.next + 1
     RETURNING next - 1 AS running`,
    [procedureType, year],
  );
  const running = row!.running;
  if (running > MAX_RUNNING)
    throw new AppError('conflict', `no case numbers left for ${procedureType} cases of ${year}`);
  const number = formatCaseNumber({ procedureType, year: year % 100, running });
  if (parseCaseNumber(number)?.running !== running) throw new Error(`made an invalid case number ${number}`);
  return number;
}

/**
 * The next document number `T-YY-N/D` of a case, under the same rules as `nextCaseNumber`. A case
 * without a counter yet (seeded or imported with its documents) continues after its highest /D.
 */
export async function nextDocumentNumber(tx: Db, caseId: string): Promise<string> {
  const [known] = await tx.query('SELECT 1 FROM cases WHERE id = $1', [caseId]);
  if (!known) throw new AppError('not_found', `no case ${caseId}`);
  const [row] = await tx.query<{ last_no: number; number: string }>(
    `WITH counter AS (
       INSERT INTO case_document_counters (case_id, last_no)
       VALUES ($1, 1 + (SELECT coalesce(max(split_part(number, '/', 2)::integer), 0)
                        FROM documents WHERE case_id = $1))
       ON CONFLICT (case_id) DO UPDATE
         SET last_no = greatest(case_document_counters.last_no, excluded.last_no - 1) + 1
       RETURNING case_id, last_no)
     SELECT counter.last_no, c.number FROM counter JOIN cases c ON c.id = counter.case_id`,
    [caseId],
  );
  if (!row) throw new AppError('not_found', `no case ${caseId}`);
  if (row.last_no > MAX_DOCUMENT)
    throw new AppError('conflict', `case ${row.number} has no document numbers left`);
  return documentNumber(row.number, row.last_no);
}
