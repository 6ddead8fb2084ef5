import { createHash, randomBytes } from 'node:crypto';
import type { SessionUser } from '../../src-shared/domain/index.js';
import type { Db } from '../db/index.js';
import { loadSessionUser } from './users.js';

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** 32 random bytes in base64url: 43 characters. */
export const SESSION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export type SessionMethod = 'dev' | 'id-card';

export interface Session {
  user: SessionUser;
  expiresAt: Date;
  tokenHash: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Issues a session; only the token's SHA-256 is stored, the token itself is returned once. */
export async function createSession(
  db: Db,
  userId: string,
  method: SessionMethod,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const [row] = await db.query<{ expires_at: Date }>(
    `INSERT INTO sessions (token_hash, user_id, method, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(secs => $4))
     RETURNING expires_at`,
    [hashToken(token), userId, method, SESSION_LIFETIME_MS / 1000],
  );
  return { token, expiresAt: row!.expires_at };
}

/** The live session of a token: not expired, not revoked, its user still active. */
export async function findSession(db: Db, token: string): Promise<Session | null> {
  if (!SESSION_TOKEN_PATTERN.test(token)) return null;
  const tokenHash = hashToken(token);
  const [row] = await db.query<{ user_id: string; expires_at: Date }>(
    `SELECT user_id, expires_at FROM sessions
     WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()`,
    [tokenHash],
  );
  if (!row) return null;
  const user = await loadSessionUser(db, row.user_id);
  return user ? { user, expiresAt: row.expires_at, tokenHash } : null;
}

export async function revokeSession(db: Db, tokenHash: string): Promise<void> {
  await db.query('UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL', [
    tokenHash,
  ]);
}

/** Ends every live session of a user at once (§18(4): a suspended user is out immediately). */
export async function revokeUserSessions(db: Db, userId: string): Promise<number> {
  const rows = await db.query<{ token_hash: string }>(
    `UPDATE sessions SET revoked_at = now()
     WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
     RETURNING token_hash`,
    [userId],
  );
  return rows.length;
}
