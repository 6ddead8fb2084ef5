import { createHash, randomBytes } from 'node:crypto';
import { AuthNonce, NONCE_BYTES } from '../../src-shared/register-api/auth.js';
import type { Db } from '../db/index.js';
import { CHALLENGE_LIFETIME_MS, refusal } from './config.js';

/** Challenges older than this are deleted when a new one is issued. */
export const CHALLENGE_RETENTION_MS = 24 * 60 * 60 * 1000;

const hashNonce = (nonce: string) => createHash('sha256').update(nonce, 'utf8').digest('hex');

/** Issues a single-use nonce; only its SHA-256 is stored. Old challenges are purged on the way. */
export async function issueChallenge(db: Db, now: Date): Promise<{ nonce: string; expiresAt: Date }> {
  const nonce = randomBytes(NONCE_BYTES).toString('base64');
  const expiresAt = new Date(now.getTime() + CHALLENGE_LIFETIME_MS);
  await db.query('DELETE FROM auth_challenges WHERE created_at < $1', [
    new Date(now.getTime() - CHALLENGE_RETENTION_MS),
  ]);
  await db.query('INSERT INTO auth_challenges (nonce_hash, created_at, expires_at) VALUES ($1, $2, $3)', [
    hashNonce(nonce),
    now,
    expiresAt,
  ]);
  return { nonce, expiresAt };
}

/**
 * Step 7: marks the nonce used — atomically, so two requests with one nonce cannot both pass — and
 * refuses an unknown, already used or expired one. A consumed nonce stays consumed whatever the
 * later steps decide.
 */
export async function consumeNonce(db: Db, nonce: string, now: Date): Promise<void> {
  if (!AuthNonce.safeParse(nonce).success)
    throw refusal('nonce_unknown', 'the nonce was not issued by this register');
  const hash = hashNonce(nonce);
  const [claimed] = await db.query<{ expires_at: Date }>(
    'UPDATE auth_challenges SET used_at = $2 WHERE nonce_hash = $1 AND used_at IS NULL RETURNING expires_at',
    [hash, now],
  );
  if (claimed) {
    if (claimed.expires_at.getTime() <= now.getTime())
      throw refusal('nonce_expired', 'the nonce has expired; ask for a new challenge');
    return;
  }
  const [known] = await db.query<{ used_at: Date | null }>(
    'SELECT used_at FROM auth_challenges WHERE nonce_hash = $1',
    [hash],
  );
  if (known) throw refusal('nonce_replayed', 'the nonce has already been used');
  throw refusal('nonce_unknown', 'the nonce was not issued by this register');
}
