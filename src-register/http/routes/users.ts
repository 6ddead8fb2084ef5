import { z } from 'zod';
import { AppError } from '../../../src-shared/contract/result.js';
import { ALL_COURTS, type SessionUser } from '../../../src-shared/domain/index.js';
import { UserSuspensionResponse } from '../../../src-shared/register-api/index.js';
import type { Db } from '../../db/index.js';
import { actorOf, writeAudit } from '../../domain/audit.js';
import { revokeUserSessions } from '../../domain/sessions.js';
import { type UserRecord, findUserRecord, setUserActive } from '../../domain/users.js';
import { requireCourtAction } from '../auth.js';
import { addRoute, type RouteHost } from '../route.js';

const UserParams = z.object({ userId: z.uuid() });

/**
 * `users.manage` over the target: at every court of their role assignments; a user with system-wide
 * roles only (no court) needs a system-wide grant (a system administrator's).
 */
function requireUsersManage(actor: SessionUser, target: UserRecord): void {
  const courts = target.courtCodes.length > 0 ? target.courtCodes : [ALL_COURTS];
  for (const court of courts) requireCourtAction(actor, 'users.manage', court);
}

async function setActive(db: Db, actor: SessionUser, userId: string, active: boolean) {
  return db.transaction(async (tx) => {
    // Lock the user first so a suspension and a sign-in's session cannot interleave.
    const [locked] = await tx.query<{ id: string }>('SELECT id FROM users WHERE id = $1 FOR UPDATE', [
      userId,
    ]);
    const target = locked ? await findUserRecord(tx, userId) : null;
    if (!target) throw new AppError('not_found', `no user ${userId}`);
    requireUsersManage(actor, target);
    if (!active && target.id === actor.id)
      throw new AppError('conflict', 'you cannot suspend yourself; ask another administrator');
    await setUserActive(tx, userId, active);
    // Suspension ends every session at once (§18(4)); reinstating revokes none.
    const sessionsRevoked = active ? 0 : await revokeUserSessions(tx, userId);
    await writeAudit(tx, {
      actor: actorOf(actor),
      action: active ? 'user.reinstate' : 'user.suspend',
      objectType: 'user',
      objectId: userId,
      details: { personalCode: target.personalCode, wasActive: target.active, sessionsRevoked },
    });
    return { userId, active, sessionsRevoked };
  });
}

export function addUserRoutes(host: RouteHost, deps: { db: Db }): void {
  addRoute(host, {
    method: 'POST',
    path: '/api/v1/users/:userId/suspend',
    summary: 'Suspends a user: they cannot sign in, and every live session of theirs ends at once',
    auth: true,
    params: UserParams,
    response: UserSuspensionResponse,
    handler: ({ params, session }) => setActive(deps.db, session.user, params.userId, false),
  });
  addRoute(host, {
    method: 'POST',
    path: '/api/v1/users/:userId/reinstate',
    summary: 'Reinstates a suspended user; they sign in again with their card',
    auth: true,
    params: UserParams,
    response: UserSuspensionResponse,
    handler: ({ params, session }) => setActive(deps.db, session.user, params.userId, true),
  });
}
