import type { SessionUser } from '../../src-shared/domain/index.js';
import type { SessionResponse } from '../../src-shared/register-api/index.js';
import type { Db } from '../db/index.js';
import { actorOf, writeAudit } from './audit.js';
import { type SessionMethod, createSession } from './sessions.js';

/** Opens a session for a user who has proved who they are, with its audit entry, in one transaction. */
export async function openSession(
  db: Db,
  user: SessionUser,
  method: SessionMethod,
  details: Record<string, string> = {},
): Promise<SessionResponse> {
  const session = await db.transaction(async (tx) => {
    const issued = await createSession(tx, user.id, method);
    await writeAudit(tx, {
      actor: actorOf(user),
      action: 'session.sign-in',
      objectType: 'user',
      objectId: user.id,
      details: { method, ...details },
    });
    return issued;
  });
  return { token: session.token, expiresAt: session.expiresAt.toISOString(), user };
}
