import type { Db } from '../db/index.js';
import {
  AUDIT_CHAINS,
  type AuditChain,
  CHAIN_ORIGIN,
  type ChainRecord,
  type ChainStart,
  recordHash,
} from './audit-chain.js';

/** The columns of an audit record, in the shape `toChainRecord` reads. */
export const RECORD_COLUMNS = `id, chain, seq, at, actor_user_id, actor_name, actor_personal_code, action,
  object_type, object_id, details, prev_hash, hash`;

export interface RecordRow {
  id: number;
  chain: AuditChain;
  seq: number;
  at: Date;
  actor_user_id: string | null;
  actor_name: string;
  actor_personal_code: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  details: Record<string, unknown>;
  prev_hash: string | null;
  hash: string | null;
}

export function toChainRecord(row: RecordRow): ChainRecord {
  return {
    chain: row.chain,
    seq: Number(row.seq),
    at: row.at,
    actorUserId: row.actor_user_id,
    actorName: row.actor_name,
    actorPersonalCode: row.actor_personal_code,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    details: row.details,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export type ChainHeads = Record<AuditChain, ChainStart>;

interface HeadRow {
  chain: AuditChain;
  seq: number;
  hash: string | null;
}

/**
 * Locks both chain heads for the rest of the transaction — always both, always in the same order, so
 * writers that touch both chains in any order never deadlock — and hashes any rows written before
 * the chain existed. Callers take it as late as possible: it serialises every audited writer from
 * here until its commit.
 */
export async function lockChainHeads(tx: Db): Promise<ChainHeads> {
  const rows = await tx.query<HeadRow>(
    'SELECT chain, seq, hash FROM audit_chain_heads ORDER BY chain FOR UPDATE',
  );
  const heads = {} as ChainHeads;
  for (const chain of AUDIT_CHAINS) {
    const row = rows.find((r) => r.chain === chain);
    if (!row) throw new Error(`audit chain head ${chain} is missing (migration 0004 not applied?)`);
    heads[chain] =
      row.hash === null ? await backfillChain(tx, chain) : { seq: Number(row.seq), hash: row.hash };
  }
  return heads;
}

/** Reads the chain heads without locking (verification). */
export async function readChainHeads(db: Db): Promise<Record<AuditChain, ChainStart | null>> {
  const rows = await db.query<HeadRow>('SELECT chain, seq, hash FROM audit_chain_heads');
  const head = (chain: AuditChain) => {
    const row = rows.find((r) => r.chain === chain);
    return row?.hash ? { seq: Number(row.seq), hash: row.hash } : null;
  };
  return { entry: head('entry'), read: head('read') };
}

const BACKFILL_PAGE = 500;

/** Hashes the rows of one chain that have none yet (written before migration 0004), in order. */
async function backfillChain(tx: Db, chain: AuditChain): Promise<ChainStart> {
  let previous: ChainStart | null = null;
  for (;;) {
    const rows = await tx.query<RecordRow>(
      `SELECT ${RECORD_COLUMNS} FROM audit_log WHERE chain = $1 AND hash IS NULL ORDER BY seq LIMIT $2`,
      [chain, BACKFILL_PAGE],
    );
    if (rows.length === 0) break;
    if (!previous) {
      const firstSeq = Number(rows[0]!.seq);
      const [before] = await tx.query<{ hash: string | null }>(
        'SELECT hash FROM audit_log WHERE chain = $1 AND seq = $2',
        [chain, firstSeq - 1],
      );
      previous = { seq: firstSeq - 1, hash: before?.hash ?? CHAIN_ORIGIN.hash };
    }
    const seqs: number[] = [];
    const prevHashes: string[] = [];
    const hashes: string[] = [];
    for (const row of rows) {
      const record = toChainRecord(row);
      const hash = recordHash(previous.hash, record);
      seqs.push(record.seq);
      prevHashes.push(previous.hash);
      hashes.push(hash);
      previous = { seq: record.seq, hash };
    }
    await tx.query(
      `UPDATE audit_log a SET prev_hash = v.prev_hash, hash = v.hash
       FROM unnest($2::bigint[], $3::text[], $4::text[]) AS v(seq, prev_hash, hash)
       WHERE a.chain = $1 AND a.seq = v.seq`,
      [chain, seqs, prevHashes, hashes],
    );
  }
  const [last] = await tx.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_log WHERE chain = $1 ORDER BY seq DESC LIMIT 1',
    [chain],
  );
  const head = last ? { seq: Number(last.seq), hash: last.hash } : CHAIN_ORIGIN;
  await tx.query('UPDATE audit_chain_heads SET seq = $2, hash = $3 WHERE chain = $1', [
    chain,
    head.seq,
    head.hash,
  ]);
  return head;
}

/** Hashes any rows still waiting since migration 0004; run at register start. */
export async function backfillAuditChains(db: Db): Promise<void> {
  const heads = await readChainHeads(db);
  if (heads.entry && heads.read) return;
  await db.transaction((tx) => lockChainHeads(tx).then(() => undefined));
}
