import { MeResponse } from '../../../src-shared/register-api/index.js';
import type { Db } from '../../db/index.js';
import { actorOf, writeAudit } from '../../domain/audit.js';
import { revokeSession } from '../../domain/sessions.js';
import { addRoute, type RouteHost } from '../route.js';

export function addSessionRoutes(host: RouteHost, deps: { db: Db }): void {
  addRoute(host, {
    method: 'GET',
    path: '/api/v1/me',
    summary: 'The signed-in user and when the session expires',
    auth: true,
    response: MeResponse,
    handler: async ({ session }) => ({ user: session.user, expiresAt: session.expiresAt.toISOString() }),
  });
  addRoute(host, {
    method: 'POST',
    path: '/api/v1/auth/sign-out',
    summary: 'Revokes the session of the bearer token',
    auth: true,
    response: 'empty',
    handler: async ({ session }) => {
      await deps.db.transaction(async (tx) => {
        await revokeSession(tx, session.tokenHash);
        await writeAudit(tx, {
          actor: actorOf(session.user),
          action: 'session.sign-out',
          objectType: 'user',
          objectId: session.user.id,
        });
      });
    },
  });
}
