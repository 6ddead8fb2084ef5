import {
  type RoleAssignment,
  type SessionUser,
  SessionUser as SessionUserSchema,
} from '../../src-shared/domain/index.js';
import type { Db } from '../db/index.js';

interface UserRow {
  id: string;
  name: string;
  personal_code: string;
}

interface RoleRow {
  role: string;
  court_code: string | null;
  observer_scope: string | null;
}

/** The roles in force today; validity dates are compared in the database's own calendar. */
async function rolesOf(db: Db, userId: string): Promise<RoleAssignment[]> {
  const rows = await db.query<RoleRow>(
    `SELECT role, court_code, observer_scope FROM role_assignments
     WHERE user_id = $1 AND valid_from <= current_date AND (valid_to IS NULL OR valid_to >= current_date)
     ORDER BY role, court_code`,
    [userId],
  );
  return rows.map((r) => ({
    role: r.role,
    courtCode: r.court_code,
    observerScope: r.observer_scope,
  })) as RoleAssignment[];
}

/** An active user with their current roles, or null. */
export async function loadSessionUser(db: Db, userId: string): Promise<SessionUser | null> {
  const [row] = await db.query<UserRow>(
    'SELECT id, name, personal_code FROM users WHERE id = $1 AND active',
    [userId],
  );
  if (!row) return null;
  return SessionUserSchema.parse({
    id: row.id,
    name: row.name,
    personalCode: row.personal_code,
    roles: await rolesOf(db, row.id),
  });
}

export async function findActiveUserIdByPersonalCode(db: Db, personalCode: string): Promise<string | null> {
  const [row] = await db.query<{ id: string }>('SELECT id FROM users WHERE personal_code = $1 AND active', [
    personalCode,
  ]);
  return row?.id ?? null;
}

/** The user an ID card names: active and with at least one role in force today; otherwise null. */
export async function findSignInUser(db: Db, personalCode: string): Promise<SessionUser | null> {
  const userId = await findActiveUserIdByPersonalCode(db, personalCode);
  const user = userId ? await loadSessionUser(db, userId) : null;
  return user && user.roles.length > 0 ? user : null;
}

export interface UserRecord {
  id: string;
  name: string;
  personalCode: string;
  active: boolean;
  /** The courts of every role assignment, whatever its dates; empty for system-wide roles only. */
  courtCodes: string[];
}

/** A user whatever their state, with the courts of their role assignments; null if unknown. */
export async function findUserRecord(db: Db, userId: string): Promise<UserRecord | null> {
  const [row] = await db.query<UserRow & { active: boolean; courts: (string | null)[] }>(
    `SELECT u.id, u.name, u.personal_code, u.active,
            coalesce(array_agg(DISTINCT r.court_code) FILTER (WHERE r.court_code IS NOT NULL), '{}') AS courts
     FROM users u LEFT JOIN role_assignments r ON r.user_id = u.id
     WHERE u.id = $1
     GROUP BY u.id`,
    [userId],
  );
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    personalCode: row.personal_code,
    active: row.active,
    courtCodes: row.courts.filter((c): c is string => c !== null).sort(),
  };
}

/** Sets `users.active`; locks the row for the caller's transaction. */
export async function setUserActive(db: Db, userId: string, active: boolean): Promise<void> {
  await db.query('UPDATE users SET active = $2 WHERE id = $1', [userId, active]);
}
