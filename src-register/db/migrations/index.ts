import { migration as foundation } from './0001-foundation.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';

/** Every migration in order; a new one goes at the end with the next version number. */
export const MIGRATIONS: readonly Migration[] = [foundation];

for (const [index, migration] of MIGRATIONS.entries()) {
  if (migration.version !== index + 1) {
    throw new Error(`migration ${migration.name} has version ${migration.version}, expected ${index + 1}`);
  }
}
