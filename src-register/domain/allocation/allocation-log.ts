import { createHash } from 'node:crypto';
import type { AllocationKind } from '../../../src-shared/register-api/index.js';
import type { Db } from '../../db/index.js';

/** The chain starts from this value, so the first row is hashed like every other. */
export const GENESIS_HASH = '0'.repeat(64);
/** Serialises appends: the next seq and prev_hash are read and written under it. */
const LOG_LOCK_KEY = 4_610_020;

/**
 * JSON with object keys sorted at every depth and no whitespace. jsonb reorders keys and reformats
 * numbers, so the hash is taken over this form of the parsed values, which survives the round trip.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('non-finite number in log');
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface LogRow {
  seq: number;
  at: Date;
  kind: AllocationKind;
  courtCode: string;
  caseId: string | null;
  inputs: Record<string, unknown>;
  result: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export type NewLogRow = Omit<LogRow, 'seq' | 'at' | 'prevHash' | 'hash'>;

/** sha256(prev_hash ‖ canonical JSON of the row without its hashes). */
export function rowHash(row: Omit<LogRow, 'hash'>): string {
  const body = canonicalJson({
    seq: row.seq,
    at: row.at.toISOString(),
    kind: row.kind,
    courtCode: row.courtCode,
    caseId: row.caseId,
    inputs: row.inputs,
    result: row.result,
  });
  return createHash('sha256')
    .update(row.prevHash + body, 'utf8')
    .digest('hex');
}

/**
 * Takes the log's transaction lock. Allocation takes it before reading workloads, so two concurrent
 * draws see each other's cases and their log rows follow the order in which they decided.
 */
export async function lockAllocationLog(tx: Db): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [LOG_LOCK_KEY]);
}

/** Appends one row at the end of the chain; call inside the transaction that makes the decision. */
export async function appendLog(tx: Db, entry: NewLogRow): Promise<LogRow> {
  await lockAllocationLog(tx);
  const [last] = await tx.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM allocation_log ORDER BY seq DESC LIMIT 1',
  );
  // Round-tripped through JSON so the hash covers exactly what jsonb will give back.
  const inputs = JSON.parse(JSON.stringify(entry.inputs)) as Record<string, unknown>;
  const result = JSON.parse(JSON.stringify(entry.result)) as Record<string, unknown>;
  const base = {
    ...entry,
    inputs,
    result,
    seq: (last?.seq ?? 0) + 1,
    at: new Date(),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const row: LogRow = { ...base, hash: rowHash(base) };
  await tx.query(
    `INSERT INTO allocation_log (seq, at, kind, court_code, case_id, inputs, result, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9)`,
    [
      row.seq,
      row.at.toISOString(),
      row.kind,
      row.courtCode,
      row.caseId,
      JSON.stringify(inputs),
      JSON.stringify(result),
      row.prevHash,
      row.hash,
    ],
  );
  return row;
}

interface DbLogRow {
  seq: number;
  at: Date;
  kind: AllocationKind;
  court_code: string;
  case_id: string | null;
  inputs: Record<string, unknown>;
  result: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

const SELECT_LOG = `SELECT seq, at, kind, court_code, case_id, inputs, result, prev_hash, hash FROM allocation_log`;

const fromDb = (r: DbLogRow): LogRow => ({
  seq: Number(r.seq),
  at: r.at,
  kind: r.kind,
  courtCode: r.court_code,
  caseId: r.case_id,
  inputs: r.inputs,
  result: r.result,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export async function readLogRow(db: Db, seq: number): Promise<LogRow | null> {
  const [row] = await db.query<DbLogRow>(`${SELECT_LOG} WHERE seq = $1`, [seq]);
  return row ? fromDb(row) : null;
}

export interface VerifyOutcome {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; problem: string } | null;
}

const PAGE = 1000;

/** Walks the chain in pages and reports the first row whose link or hash does not hold. */
export async function verifyLog(db: Db): Promise<VerifyOutcome> {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = (
      await db.query<DbLogRow>(`${SELECT_LOG} WHERE seq >= $1 ORDER BY seq LIMIT ${PAGE}`, [expectedSeq])
    ).map(fromDb);
    for (const row of rows) {
      const broken = (problem: string): VerifyOutcome => ({
        ok: false,
        checked,
        firstBroken: { seq: row.seq, problem },
      });
      if (row.seq !== expectedSeq) return broken(`expected seq ${expectedSeq}: a row is missing`);
      if (row.prevHash !== expectedPrev) return broken('prev_hash does not match the previous row');
      if (rowHash(row) !== row.hash) return broken('the row does not match its hash: it was altered');
      checked++;
      expectedPrev = row.hash;
      expectedSeq++;
    }
    if (rows.length < PAGE) return { ok: true, checked, firstBroken: null };
  }
}
