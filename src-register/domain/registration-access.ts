import { AppError } from '../../src-shared/contract/result.js';
import {
  type CaseRestriction,
  type ProcedureType,
  type SessionUser,
  authorize,
} from '../../src-shared/domain/index.js';
import type { Db } from '../db/index.js';

export interface Court {
  code: string;
  name: string;
  level: number;
}

/**
 * The court a case is registered at (or taken to on appeal), if the user's chancery role there may
 * register this kind of case. An unknown court is a bad request; a known one without the right is 403.
 */
export async function registeringCourt(
  db: Db,
  user: SessionUser,
  courtCode: string,
  kind: { procedureType: ProcedureType; restriction: CaseRestriction },
): Promise<Court> {
  const [court] = await db.query<Court>('SELECT code, name, level FROM courts WHERE code = $1', [courtCode]);
  if (!court) throw new AppError('invalid_input', `body: courtCode: no court ${courtCode}`);
  const target = { courtCode, ...kind, assignedStaffIds: [] };
  if (!authorize(user, 'case.register', target))
    throw new AppError('forbidden', `you may not register ${kind.procedureType} cases at ${courtCode}`);
  return court;
}

/** The registration year of a case: the calendar year in Estonia at that moment. */
export function registrationYear(at: Date): number {
  const year = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Tallinn', year: 'numeric' }).format(at);
  return Number(year);
}
