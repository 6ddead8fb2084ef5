import type { Migration } from './migration.js';

/**
 * ID-card sign-in (issue 4): the challenges the register hands out. Only the SHA-256 of a nonce is
 * stored; `used_at` is set once, atomically, so a nonce signs in at most once. Rows older than a day
 * are purged when new challenges are issued.
 */
export const migration: Migration = {
  version: 9,
  name: 'auth',
  up: `
CREATE TABLE auth_challenges (
  nonce_hash text PRIMARY KEY CHECK (nonce_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  CHECK (expires_at > created_at)
);
CREATE INDEX auth_challenges_created_idx ON auth_challenges (created_at);
`,
};
