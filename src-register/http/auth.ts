import type { FastifyRequest } from 'fastify';
import { AppError } from '../../src-shared/contract/result.js';
import { type Action, type CaseTarget, type SessionUser, authorize } from '../../src-shared/domain/index.js';
import type { Db } from '../db/index.js';
import { type CaseRow, CASE_SELECT } from '../domain/case-snapshots.js';
import { type Session, findSession } from '../domain/sessions.js';
import { caseTarget } from '../domain/visibility.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/**
 * Every call looks the session up in the database: no session state lives in this process. The user
 * comes with the roles in force today only, and an inactive user has no session (§6¹).
 */
export function sessionAuthenticator(db: Db): (request: FastifyRequest) => Promise<Session> {
  return async (request) => {
    const token = bearerToken(request.headers.authorization);
    if (!token)
      throw new AppError('unauthenticated', 'sign in first: send Authorization: Bearer <session token>');
    const session = await findSession(db, token);
    if (!session)
      throw new AppError('unauthenticated', 'the session token is unknown, expired or signed out');
    return session;
  };
}

/** The court-level check of an endpoint (allocation plans, statistics, users, audit log): 403 if not. */
export function requireCourtAction(user: SessionUser, action: Action, courtCode: string): void {
  if (!authorize(user, action, { courtCode }))
    throw new AppError('forbidden', `your roles do not allow ${action} at court ${courtCode}`);
}

/** A check against a case the endpoint already holds (e.g. one being registered): 403 if not. */
export function requireAction(user: SessionUser, action: Action, target: CaseTarget): void {
  if (!authorize(user, action, target)) denied(action, target);
}

function denied(action: Action, target: CaseTarget): never {
  const kind = `${target.restriction === 'none' ? '' : `${target.restriction} `}${target.procedureType}`;
  throw new AppError(
    'forbidden',
    `your roles do not allow ${action} on a ${kind} case at court ${target.courtCode}`,
  );
}

/** The stored case as `authorize` sees it, or null. */
export async function loadCaseTarget(db: Db, caseId: string): Promise<CaseTarget | null> {
  if (!UUID.test(caseId)) return null;
  const [row] = await db.query<CaseRow>(`${CASE_SELECT} WHERE c.id = $1`, [caseId]);
  return row ? caseTarget(row) : null;
}

/**
 * The check of every endpoint that acts on a stored case. A case the user may neither act on nor
 * read answers exactly like one that does not exist (404), so its existence does not leak; a case
 * they may read but not act on is a 403.
 */
export async function requireCaseAction(
  db: Db,
  user: SessionUser,
  action: Action,
  caseId: string,
): Promise<CaseTarget> {
  const target = await loadCaseTarget(db, caseId);
  if (target && authorize(user, action, target)) return target;
  if (!target || !authorize(user, 'case.read', target)) throw new AppError('not_found', `no case ${caseId}`);
  return denied(action, target);
}
