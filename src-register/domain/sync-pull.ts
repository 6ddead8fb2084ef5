import { type SessionUser, canSeeCase } from '../../src-shared/domain/index.js';
import type { SyncPullResponse } from '../../src-shared/register-api/index.js';
import type { Db } from '../db/index.js';
import { type AuditEntry, actorOf, writeAudit } from './audit.js';
import { type CaseRow, CASE_SELECT, buildSnapshots } from './case-snapshots.js';
import { accessFacts, visibleCaseCondition } from './visibility.js';

/**
 * One page of the cases this user may see whose version is above `cursor`, in version order.
 * Every restricted case handed out is a read of restricted data and is audited (§18¹).
 */
export async function pullCases(
  db: Db,
  user: SessionUser,
  cursor: string,
  limit: number,
): Promise<SyncPullResponse> {
  const visible = visibleCaseCondition(user, 3);
  const rows = await db.query<CaseRow>(
    `${CASE_SELECT} WHERE c.version > $1::bigint AND ${visible.sql} ORDER BY c.version LIMIT $2`,
    [cursor, limit, ...visible.params],
  );
  // Defence in depth: the SQL and the shared rule must agree; a row the rule rejects never leaves.
  const allowed = rows.filter((row) => canSeeCase(user, accessFacts(row)));
  const last = rows.at(-1);
  const nextCursor = last ? String(last.version) : cursor;
  const [{ n: remaining } = { n: 0 }] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM cases c WHERE c.version > $1::bigint AND ${visibleCaseCondition(user, 2).sql}`,
    [nextCursor, ...visible.params],
  );
  const audits: AuditEntry[] = allowed
    .filter((row) => row.restriction !== 'none')
    .map((row) => ({
      actor: actorOf(user),
      action: 'case.read',
      objectType: 'case',
      objectId: row.id,
      details: { number: row.number, restriction: row.restriction, via: 'sync.pull' },
    }));
  await writeAudit(db, audits);
  const snapshots = await buildSnapshots(db, allowed);
  return {
    changes: snapshots.map((snapshot) => ({ kind: 'case' as const, case: snapshot })),
    cursor: nextCursor,
    hasMore: remaining > 0,
    remaining,
  };
}
