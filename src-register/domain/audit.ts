import type { SessionUser } from '../../src-shared/domain/index.js';
import type { Db } from '../db/index.js';
import { type AuditChain, type ChainStart, jsonSafeDetails, recordHash } from './audit-chain.js';
import { lockChainHeads } from './audit-records.js';

/** Who did it, copied into each entry so the record survives a later change of name. */
export interface AuditActor {
  userId: string | null;
  name: string;
  personalCode: string | null;
}

export const SYSTEM_ACTOR: AuditActor = { userId: null, name: 'system', personalCode: null };

export function actorOf(user: SessionUser): AuditActor {
  return { userId: user.id, name: user.name, personalCode: user.personalCode };
}

export interface AuditEntry {
  actor: AuditActor;
  /** Dotted verb, e.g. `case.read`, `session.sign-in`, `seed.demo-court`. */
  action: string;
  objectType: string;
  objectId: string | null;
  details?: Record<string, unknown>;
  /**
   * `entry` (create, change, delete; kept for good) or `read` (a read of restricted data; purged
   * after three years). Defaults from the action: `*.read` is a read.
   */
  kind?: AuditChain;
}

export function auditKindOf(entry: Pick<AuditEntry, 'action' | 'kind'>): AuditChain {
  return entry.kind ?? (entry.action.endsWith('.read') ? 'read' : 'entry');
}

/** Where an appended record landed in its chain. */
export interface AppendedAudit {
  chain: AuditChain;
  seq: number;
  hash: string;
}

function checkEntry(entry: AuditEntry): void {
  // §18¹ wants a name, the personal code of a person, the object and the action on every record.
  if (!entry.actor.name || !entry.action || !entry.objectType)
    throw new Error('an audit entry needs the actor name, the action and the object type');
  if (entry.actor.userId !== null && !entry.actor.personalCode)
    throw new Error(`audit entry ${entry.action}: a person must be recorded with their personal code`);
}

/**
 * Appends entries to the hash chains, in the caller's transaction if it has one (then the chain
 * heads stay locked until it commits: call this last). Both chains may be written in one call.
 */
export async function appendAudit(db: Db, entries: readonly AuditEntry[]): Promise<AppendedAudit[]> {
  if (entries.length === 0) return [];
  entries.forEach(checkEntry);
  return db.transaction(async (tx) => {
    const heads: Record<AuditChain, ChainStart> = { ...(await lockChainHeads(tx)) };
    // The database's clock, read under the lock: times rise along each chain across all processes.
    const [{ now } = { now: new Date() }] = await tx.query<{ now: Date }>(
      "SELECT date_trunc('milliseconds', clock_timestamp()) AS now",
    );
    const rows = entries.map((entry) => {
      const chain = auditKindOf(entry);
      const record = {
        chain,
        seq: heads[chain].seq + 1,
        at: now,
        actorUserId: entry.actor.userId,
        actorName: entry.actor.name,
        actorPersonalCode: entry.actor.personalCode,
        action: entry.action,
        objectType: entry.objectType,
        objectId: entry.objectId,
        details: jsonSafeDetails(entry.details),
      };
      const prevHash = heads[chain].hash;
      const hash = recordHash(prevHash, record);
      heads[chain] = { seq: record.seq, hash };
      return { ...record, prevHash, hash };
    });
    const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
    await tx.query(
      `WITH appended AS (
         INSERT INTO audit_log (chain, seq, at, actor_user_id, actor_name, actor_personal_code, action,
                                object_type, object_id, details, prev_hash, hash)
         SELECT * FROM unnest($1::text[], $2::bigint[], $3::timestamptz[], $4::uuid[], $5::text[], $6::text[],
                              $7::text[], $8::text[], $9::text[], $10::jsonb[], $11::text[], $12::text[]))
       UPDATE audit_chain_heads h SET seq = v.seq, hash = v.hash
       FROM unnest($13::text[], $14::bigint[], $15::text[]) AS v(chain, seq, hash)
       WHERE h.chain = v.chain`,
      [
        column('chain'),
        column('seq'),
        rows.map((r) => r.at.toISOString()),
        column('actorUserId'),
        column('actorName'),
        column('actorPersonalCode'),
        column('action'),
        column('objectType'),
        column('objectId'),
        rows.map((r) => JSON.stringify(r.details)),
        column('prevHash'),
        column('hash'),
        ['entry', 'read'],
        [heads.entry.seq, heads.read.seq],
        [heads.entry.hash, heads.read.hash],
      ],
    );
    return rows.map((r) => ({ chain: r.chain, seq: r.seq, hash: r.hash }));
  });
}

/** The long-standing entry point every writer calls; appends to the hash chains. */
export async function writeAudit(db: Db, entries: AuditEntry | readonly AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries as AuditEntry];
  await appendAudit(db, list);
}
