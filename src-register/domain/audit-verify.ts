import type { Db } from '../db/index.js';
import {
  type AuditChain,
  CHAIN_ORIGIN,
  ChainVerifier,
  type ChainStart,
  combine,
  purgeCheckpoint,
  type VerifyResult,
} from './audit-chain.js';
import {
  RECORD_COLUMNS,
  type RecordRow,
  backfillAuditChains,
  readChainHeads,
  toChainRecord,
} from './audit-records.js';

const PAGE = 2000;

/** Streams one chain, page by page in seq order, through a verifier; returns the last checkpoint seen. */
async function streamChain(db: Db, verifier: ChainVerifier): Promise<ChainStart | null> {
  let checkpoint: ChainStart | null = null;
  let after = -1;
  for (;;) {
    const rows = await db.query<RecordRow>(
      `SELECT ${RECORD_COLUMNS} FROM audit_log WHERE chain = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [verifier.chain, after, PAGE],
    );
    for (const row of rows) {
      const record = toChainRecord(row);
      if (!verifier.push(record)) return checkpoint;
      checkpoint = purgeCheckpoint(record) ?? checkpoint;
      after = record.seq;
    }
    if (rows.length < PAGE) return checkpoint;
  }
}

async function verifyIn(db: Db): Promise<VerifyResult> {
  const heads = await readChainHeads(db);
  const missingHead = (chain: AuditChain): VerifyResult => ({
    ok: false,
    checked: 0,
    chain,
    firstBrokenSeq: null,
    reason: `the ${chain} chain head is missing or not yet hashed`,
  });
  if (!heads.entry) return missingHead('entry');
  if (!heads.read) return missingHead('read');
  const entry = new ChainVerifier('entry');
  const readStart = (await streamChain(db, entry)) ?? CHAIN_ORIGIN;
  const entryResult = entry.finish(heads.entry);
  if (!entryResult.ok) return entryResult;
  const read = new ChainVerifier('read', readStart);
  await streamChain(db, read);
  return combine(entryResult, read.finish(heads.read));
}

/**
 * Verifies both chains as stored. By default it first hashes rows still waiting since migration
 * 0004 and then reads everything in one REPEATABLE READ snapshot, so appends and purges committing
 * meanwhile cannot look like a break. `{ inTransaction: true }` verifies in the caller's transaction
 * as it stands (tests that tamper with rows and roll back).
 */
export async function verifyAuditLog(
  db: Db,
  options: { inTransaction?: boolean } = {},
): Promise<VerifyResult> {
  if (options.inTransaction) return verifyIn(db);
  await backfillAuditChains(db);
  return db.transaction(async (tx) => {
    await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    return verifyIn(tx);
  });
}
