import type { SessionUser } from '../../src-shared/domain/index.js';
import type { Db } from '../db/index.js';

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
}

export async function writeAudit(db: Db, entries: AuditEntry | readonly AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries as AuditEntry];
  if (list.length === 0) return;
  await db.query(
    `INSERT INTO audit_log (actor_user_id, actor_name, actor_personal_code, action, object_type, object_id, details)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[])`,
    [
      list.map((e) => e.actor.userId),
      list.map((e) => e.actor.name),
      list.map((e) => e.actor.personalCode),
      list.map((e) => e.action),
      list.map((e) => e.objectType),
      list.map((e) => e.objectId),
      list.map((e) => JSON.stringify(e.details ?? {})),
    ],
  );
}
