import { createHash } from 'node:crypto';

/**
 * The audit log is two hash chains (docs/decisions/0007-audit-chain.md): `entry` (create, change,
 * delete — kept for good) and `read` (reads of restricted data — purged after three years).
 */
export const AUDIT_CHAINS = ['entry', 'read'] as const;
export type AuditChain = (typeof AUDIT_CHAINS)[number];

/** The `prev_hash` of the first record of a chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** The action of the entry record a purge leaves behind: the read chain restarts from it. */
export const PURGE_ACTION = 'audit.purge';

/** One stored record, as the chain sees it. */
export interface ChainRecord {
  chain: AuditChain;
  seq: number;
  at: Date;
  actorUserId: string | null;
  actorName: string;
  actorPersonalCode: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  details: Record<string, unknown>;
  prevHash: string | null;
  hash: string | null;
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const source = value as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(source).sort()) sorted[key] = sortKeys(source[key]);
    return sorted;
  }
  return value;
}

/**
 * What is stored in `details`: the JSON-safe form (no `undefined`, dates as strings), so that the
 * value read back from jsonb hashes exactly like the value hashed before the insert.
 */
export function jsonSafeDetails(details: Record<string, unknown> | undefined): Record<string, unknown> {
  return (JSON.parse(JSON.stringify(details ?? {})) ?? {}) as Record<string, unknown>;
}

/** sha256(prev_hash ‖ canonical JSON of everything §18¹ asks for, plus chain and position). */
export function recordHash(prevHash: string, record: Omit<ChainRecord, 'prevHash' | 'hash'>): string {
  const body = canonicalJson({
    chain: record.chain,
    seq: record.seq,
    at: record.at.toISOString(),
    actorUserId: record.actorUserId,
    actorName: record.actorName,
    actorPersonalCode: record.actorPersonalCode,
    action: record.action,
    objectType: record.objectType,
    objectId: record.objectId,
    details: record.details,
  });
  return createHash('sha256').update(prevHash, 'utf8').update(body, 'utf8').digest('hex');
}

/** Where a chain's verification starts: the genesis, or the checkpoint a purge left. */
export interface ChainStart {
  seq: number;
  hash: string;
}

export const CHAIN_ORIGIN: ChainStart = { seq: 0, hash: GENESIS_HASH };

export interface VerifyResult {
  ok: boolean;
  checked: number;
  chain: AuditChain | null;
  firstBrokenSeq: number | null;
  reason: string | null;
}

/** The read-chain checkpoint an `audit.purge` entry record carries, if it is one. */
export function purgeCheckpoint(record: ChainRecord): ChainStart | null {
  if (record.chain !== 'entry' || record.action !== PURGE_ACTION) return null;
  const { chain, throughSeq, throughHash } = record.details;
  if (chain !== 'read' || typeof throughSeq !== 'number' || typeof throughHash !== 'string') return null;
  return { seq: throughSeq, hash: throughHash };
}

/**
 * Checks one chain record by record (no I/O, so the endpoint streams rows into it in pages and the
 * tests feed it arrays). Each record must follow the previous one: the next seq, the previous
 * hash, and a hash that recomputes. `finish` compares the end with the stored chain head, which
 * catches records cut off the end.
 */
export class ChainVerifier {
  private expected: ChainStart;
  private broken: { seq: number; reason: string } | null = null;
  checked = 0;

  constructor(
    readonly chain: AuditChain,
    start: ChainStart = CHAIN_ORIGIN,
  ) {
    this.expected = start;
  }

  /** False once the chain is broken; later records are not looked at. */
  push(record: ChainRecord): boolean {
    if (this.broken) return false;
    const seq = this.expected.seq + 1;
    const fail = (reason: string) => {
      this.broken = { seq: Math.min(seq, record.seq), reason };
      return false;
    };
    if (record.chain !== this.chain) return fail(`record ${record.seq} belongs to the ${record.chain} chain`);
    if (record.seq !== seq)
      return fail(
        record.seq > seq
          ? `record ${seq} is missing (the next one is ${record.seq})`
          : `record ${record.seq} is out of order (expected ${seq})`,
      );
    if (record.hash === null || record.prevHash === null) return fail(`record ${seq} has no hash`);
    if (record.prevHash !== this.expected.hash)
      return fail(`record ${seq} does not link to the record before it (prev_hash differs)`);
    if (recordHash(record.prevHash, record) !== record.hash)
      return fail(`record ${seq} was changed after it was written (its hash does not match its content)`);
    this.checked++;
    this.expected = { seq, hash: record.hash };
    return true;
  }

  finish(head: ChainStart): VerifyResult {
    const result = (broken: { seq: number; reason: string } | null): VerifyResult => ({
      ok: broken === null,
      checked: this.checked,
      chain: broken ? this.chain : null,
      firstBrokenSeq: broken?.seq ?? null,
      reason: broken?.reason ?? null,
    });
    if (this.broken) return result(this.broken);
    if (head.seq !== this.expected.seq || head.hash !== this.expected.hash)
      return result({
        seq: Math.min(this.expected.seq, head.seq) + 1,
        reason:
          head.seq > this.expected.seq
            ? `records ${this.expected.seq + 1}…${head.seq} are missing from the end of the chain`
            : `the chain head (${head.seq}) does not match the last record (${this.expected.seq})`,
      });
    return result(null);
  }
}

/** Verifies both chains from whole arrays: the entry chain first, whose last purge record says where the read chain starts. */
export function verifyAuditRecords(
  records: readonly ChainRecord[],
  heads: Readonly<Record<AuditChain, ChainStart>>,
): VerifyResult {
  const bySeq = (chain: AuditChain) => records.filter((r) => r.chain === chain).sort((a, b) => a.seq - b.seq);
  const entry = new ChainVerifier('entry');
  let readStart = CHAIN_ORIGIN;
  for (const record of bySeq('entry')) {
    if (!entry.push(record)) break;
    readStart = purgeCheckpoint(record) ?? readStart;
  }
  const entryResult = entry.finish(heads.entry);
  if (!entryResult.ok) return entryResult;
  const read = new ChainVerifier('read', readStart);
  for (const record of bySeq('read')) if (!read.push(record)) break;
  return combine(entryResult, read.finish(heads.read));
}

export function combine(entry: VerifyResult, read: VerifyResult): VerifyResult {
  return { ...read, checked: entry.checked + read.checked };
}
