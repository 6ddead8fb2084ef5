import type { SessionUser } from '../../src-shared/domain/index.js';
import type { AuditEntriesQuery, AuditEntriesResponse } from '../../src-shared/register-api/audit.js';
import type { Db } from '../db/index.js';
import { actorOf, writeAudit } from './audit.js';
import { RECORD_COLUMNS, type RecordRow } from './audit-records.js';

/**
 * A page of the audit log, newest first, optionally for one object. Reading the log is itself a
 * read of restricted data and is logged (in the read chain).
 */
export async function listAuditEntries(
  db: Db,
  user: SessionUser,
  query: AuditEntriesQuery,
): Promise<AuditEntriesResponse> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replace('?', `$${params.length}`));
  };
  if (query.cursor !== undefined) add('id < ?::bigint', query.cursor);
  if (query.objectType !== undefined) add('object_type = ?', query.objectType);
  if (query.objectId !== undefined) add('object_id = ?', query.objectId);
  params.push(query.limit + 1);
  const rows = await db.query<RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM audit_log ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
     ORDER BY id DESC LIMIT $${params.length}`,
    params,
  );
  const page = rows.slice(0, query.limit);
  const hasMore = rows.length > query.limit;
  await writeAudit(db, {
    actor: actorOf(user),
    action: 'audit.read',
    kind: 'read',
    objectType: query.objectType ?? 'audit_log',
    objectId: query.objectId ?? null,
    details: { limit: query.limit, cursor: query.cursor ?? null, returned: page.length },
  });
  return {
    entries: page.map((row) => ({
      id: String(row.id),
      chain: row.chain,
      seq: Number(row.seq),
      at: row.at.toISOString(),
      actor: { userId: row.actor_user_id, name: row.actor_name, personalCode: row.actor_personal_code },
      action: row.action,
      objectType: row.object_type,
      objectId: row.object_id,
      details: row.details,
      prevHash: row.prev_hash,
      hash: row.hash,
    })),
    cursor: hasMore ? String(page.at(-1)!.id) : null,
    hasMore,
  };
}
