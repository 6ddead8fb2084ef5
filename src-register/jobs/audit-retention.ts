import type { Db } from '../db/index.js';
import { SYSTEM_ACTOR, appendAudit } from '../domain/audit.js';
import { PURGE_ACTION } from '../domain/audit-chain.js';
import { backfillAuditChains, lockChainHeads } from '../domain/audit-records.js';

/** Reads of restricted data are kept three years (§18¹); entry records stay with the case. */
export const READ_RETENTION = '3 years';
export const RETENTION_INTERVAL_MS = 24 * 60 * 60 * 1000;

export interface PurgeResult {
  purged: number;
  /** The last purged read record: where verification of the read chain now starts. */
  throughSeq: number | null;
}

/**
 * Deletes the read records older than three years at `now` — always a prefix of the read chain, up
 * to the first record that must stay — and, in the same transaction, appends an `audit.purge` entry
 * record holding the seq and hash of the last one deleted. The entry chain, which is never purged,
 * thereby vouches for the point the read chain restarts from (docs/decisions/0007-audit-chain.md).
 */
export async function purgeExpiredReadRecords(db: Db, now: Date = new Date()): Promise<PurgeResult> {
  return db.transaction(async (tx) => {
    const heads = await lockChainHeads(tx);
    const [bound] = await tx.query<{ through: number | null; cutoff: Date }>(
      `SELECT coalesce(
                (SELECT min(seq) - 1 FROM audit_log WHERE chain = 'read' AND at >= $1::timestamptz - $2::interval),
                $3::bigint) AS through,
              $1::timestamptz - $2::interval AS cutoff`,
      [now.toISOString(), READ_RETENTION, heads.read.seq],
    );
    const throughSeq = Number(bound!.through);
    const [last] = await tx.query<{ seq: number; hash: string }>(
      "SELECT seq, hash FROM audit_log WHERE chain = 'read' AND seq <= $1 ORDER BY seq DESC LIMIT 1",
      [throughSeq],
    );
    if (!last) return { purged: 0, throughSeq: null };
    await tx.query("SELECT set_config('chambers.audit_purge', 'on', true)");
    const deleted = await tx.query<{ seq: number }>(
      "DELETE FROM audit_log WHERE chain = 'read' AND seq <= $1 RETURNING seq",
      [throughSeq],
    );
    await tx.query("SELECT set_config('chambers.audit_purge', 'off', true)");
    await appendAudit(tx, [
      {
        actor: SYSTEM_ACTOR,
        action: PURGE_ACTION,
        kind: 'entry',
        objectType: 'audit_log',
        objectId: 'read',
        details: {
          chain: 'read',
          throughSeq: Number(last.seq),
          throughHash: last.hash,
          purged: deleted.length,
          olderThan: bound!.cutoff.toISOString(),
        },
      },
    ]);
    return { purged: deleted.length, throughSeq: Number(last.seq) };
  });
}

export interface RetentionSchedule {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Hashes rows left from before the chain, purges once now, then once a day. The timer is unref'd so
 * it never keeps the process alive; a failed run is reported and retried the next day.
 */
export async function startAuditRetention(
  db: Db,
  onError: (error: unknown) => void,
  intervalMs = RETENTION_INTERVAL_MS,
): Promise<RetentionSchedule> {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = running.then(() => purgeExpiredReadRecords(db)).catch(onError);
    return running;
  };
  await backfillAuditChains(db).catch(onError);
  await run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
