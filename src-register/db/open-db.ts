import { type Db, parseDbSpec } from './db.js';
import { openPglite } from './pglite-driver.js';
import { openPostgres } from './postgres-driver.js';

/** Opens `pglite:DIR`, `pglite:memory` or `postgres://…`; throws `DbSpecError` for anything else. */
export async function openDb(spec: string): Promise<Db> {
  const parsed = parseDbSpec(spec);
  return parsed.kind === 'pglite' ? openPglite(parsed.dataDir) : openPostgres(parsed.url);
}
