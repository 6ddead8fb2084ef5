import { AppError } from '../../src-shared/contract/result.js';
import { type CaseSnapshot, type SessionUser, authorize } from '../../src-shared/domain/index.js';
import type { Db } from '../db/index.js';
import { type AuditEntry, actorOf } from './audit.js';
import { type CaseRow, CASE_SELECT, buildSnapshots } from './case-snapshots.js';
import { caseTarget } from './visibility.js';

/** What the sync mutations need of a case: reading it with access checked, and answering with it. */

/** One query at a time: a transaction is one connection, and `buildSnapshots` asks in parallel. */
function oneAtATime(db: Db): Db {
  let last: Promise<unknown> = Promise.resolve();
  return {
    kind: db.kind,
    query: <T>(sql: string, params?: unknown[]) => {
      const next = last.then(() => db.query<T>(sql, params));
      last = next.catch(() => undefined);
      return next;
    },
    exec: (sql) => db.exec(sql),
    transaction: (fn) => db.transaction(fn),
    close: () => db.close(),
  };
}

/** The case (locked when asked) if the user may read it; otherwise "no such case", so its existence does not leak. */
export async function readableCase(
  db: Db,
  user: SessionUser,
  caseId: string,
  lock: boolean,
): Promise<CaseRow> {
  if (lock) await db.query('SELECT 1 FROM cases WHERE id = $1 FOR UPDATE', [caseId]);
  const [row] = await db.query<CaseRow>(`${CASE_SELECT} WHERE c.id = $1`, [caseId]);
  if (!row || !authorize(user, 'case.read', caseTarget(row)))
    throw new AppError('not_found', `no case ${caseId}`);
  return row;
}

/** The case as the change feed sends it, built inside the mutation's transaction. */
export async function snapshotOfRow(db: Db, row: CaseRow): Promise<CaseSnapshot> {
  const [snapshot] = await buildSnapshots(oneAtATime(db), [row]);
  return snapshot!;
}

/** Sending a restricted case's snapshot is a read of restricted data, as the feed records it. */
export function restrictedRead(user: SessionUser, row: CaseRow): AuditEntry[] {
  return row.restriction === 'none'
    ? []
    : [
        {
          actor: actorOf(user),
          action: 'case.read',
          objectType: 'case',
          objectId: row.id,
          details: { number: row.number, restriction: row.restriction, via: 'sync.mutations' },
        },
      ];
}
