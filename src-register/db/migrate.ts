import type { Db } from './db.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';

/** Arbitrary but fixed: every register process takes this lock before touching the schema. */
const MIGRATION_LOCK_KEY = 4_610_001;

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError';
}

const CREATE_SCHEMA_MIGRATIONS = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

async function appliedVersions(tx: Db): Promise<Set<number>> {
  const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
  return new Set(rows.map((r) => r.version));
}

function checkNotNewer(applied: Set<number>, known: readonly Migration[]): void {
  const knownVersions = new Set(known.map((m) => m.version));
  const unknown = [...applied].filter((v) => !knownVersions.has(v)).sort((a, b) => a - b);
  if (unknown.length > 0) {
    throw new SchemaTooNewError(
      `the database schema has migration(s) ${unknown.join(', ')} that this register does not know ` +
        `(it knows up to ${known.at(-1)?.version ?? 0}): it was written by a newer register — upgrade the register`,
    );
  }
}

/**
 * Applies the pending migrations, each in its own transaction under a transaction-level advisory
 * lock, so several register processes starting together on one PostgreSQL apply each exactly once.
 * Returns the versions this call applied.
 */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const done: number[] = [];
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(CREATE_SCHEMA_MIGRATIONS);
    checkNotNewer(await appliedVersions(tx), migrations);
  });
  for (const migration of migrations) {
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      const applied = await appliedVersions(tx);
      checkNotNewer(applied, migrations);
      if (applied.has(migration.version)) return;
      await tx.exec(migration.up);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      done.push(migration.version);
    });
  }
  return done;
}

/** The highest applied migration, 0 for an empty database. */
export async function schemaVersion(db: Db): Promise<number> {
  const exists = await db.query<{ present: boolean }>(
    "SELECT to_regclass('schema_migrations') IS NOT NULL AS present",
  );
  if (!exists[0]?.present) return 0;
  const rows = await db.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM schema_migrations',
  );
  return rows[0]?.version ?? 0;
}
