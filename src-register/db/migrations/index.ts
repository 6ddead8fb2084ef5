import { migration as foundation } from './0001-foundation.js';
import { migration as allocation } from './0002-allocation.js';
import { migration as registration } from './0003-registration.js';
import { migration as auditChain } from './0004-audit-chain.js';
import { migration as access } from './0005-access.js';
import { migration as sync } from './0006-sync.js';
import { migration as decisions } from './0007-decisions.js';
import { migration as accessEpoch } from './0008-access-epoch.js';
import { migration as auth } from './0009-auth.js';
import { migration as annotations } from './0010-annotations.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';

/** Every migration in order; a new one goes at the end with the next version number. */
export const MIGRATIONS: readonly Migration[] = [
  foundation,
  allocation,
  registration,
  auditChain,
  access,
  sync,
  decisions,
  accessEpoch,
  auth,
  annotations,
];

for (const [index, migration] of MIGRATIONS.entries()) {
  if (migration.version !== index + 1) {
    throw new Error(`migration ${migration.name} has version ${migration.version}, expected ${index + 1}`);
  }
}
