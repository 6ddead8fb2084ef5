import { AppError } from '../../../src-shared/contract/result.js';
import { ALL_COURTS, type SessionUser, authorize } from '../../../src-shared/domain/index.js';
import {
  AuditEntriesQuery,
  AuditEntriesResponse,
  AuditVerifyResponse,
} from '../../../src-shared/register-api/audit.js';
import type { Db } from '../../db/index.js';
import { listAuditEntries } from '../../domain/audit-entries.js';
import { verifyAuditLog } from '../../domain/audit-verify.js';
import { addRoute, type RouteHost } from '../route.js';

/** The log spans every court: only a role granted `audit.read` everywhere (the system administrator) reads it. */
function requireAuditReader(user: SessionUser): void {
  if (!authorize(user, 'audit.read', { courtCode: ALL_COURTS }))
    throw new AppError('forbidden', 'only the system administrator reads and verifies the audit log');
}

export function addAuditRoutes(host: RouteHost, deps: { db: Db }): void {
  addRoute(host, {
    method: 'GET',
    path: '/api/v1/audit/verify',
    summary: 'Recomputes both audit hash chains and reports the first broken link, if any',
    auth: true,
    response: AuditVerifyResponse,
    handler: async ({ session }) => {
      requireAuditReader(session.user);
      return verifyAuditLog(deps.db);
    },
  });
  addRoute(host, {
    method: 'GET',
    path: '/api/v1/audit/entries',
    summary: 'Audit records, newest first, optionally of one object; the read is itself audited',
    auth: true,
    query: AuditEntriesQuery,
    response: AuditEntriesResponse,
    handler: async ({ query, session }) => {
      requireAuditReader(session.user);
      return listAuditEntries(deps.db, session.user, query);
    },
  });
}
