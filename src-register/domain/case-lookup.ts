import { AppError } from '../../src-shared/contract/result.js';
import { type SessionUser, authorize } from '../../src-shared/domain/index.js';
import type { CaseFileResponse } from '../../src-shared/register-api/index.js';
import type { Db } from '../db/index.js';
import { actorOf, writeAudit } from './audit.js';
import { caseIdByNumber, loadCaseFile, loadCaseRow } from './case-files.js';
import { caseTarget } from './visibility.js';

/**
 * The case a current or former number names, for a user who may read it. A case the user may not
 * read answers like one that does not exist; reading a restricted case is audited (§18¹).
 */
export async function findCaseByNumber(db: Db, user: SessionUser, number: string): Promise<CaseFileResponse> {
  const notFound = new AppError('not_found', `no case ${number}`);
  const caseId = await caseIdByNumber(db, number);
  const row = caseId ? await loadCaseRow(db, caseId) : null;
  if (!row || !authorize(user, 'case.read', caseTarget(row))) throw notFound;
  if (row.restriction !== 'none')
    await writeAudit(db, {
      actor: actorOf(user),
      action: 'case.read',
      objectType: 'case',
      objectId: row.id,
      details: { number: row.number, restriction: row.restriction, via: 'case.by-number', asked: number },
    });
  return loadCaseFile(db, row);
}
