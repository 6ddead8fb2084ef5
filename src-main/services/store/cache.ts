import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../src-shared/contract/index.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';

export type CacheDb = Database.Database;

export const CACHE_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/** The cache was written by a newer Chambers; opening it here could corrupt it. */
export class CacheTooNewError extends AppError {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      'conflict',
      `The local cache was written by a newer version of Chambers (schema ${found}; this version knows ${supported}). Update Chambers to open it.`,
    );
    this.name = 'CacheTooNewError';
  }
}

export interface OpenCacheOptions {
  /** SQLCipher key; until the keychain holds one, callers pass none. */
  key?: string;
  migrations?: readonly Migration[];
}

/** Where an open cache lives and its key, for a second (read-only) connection to the same file. */
export interface CacheSource {
  file: string;
  key: string | undefined;
}

// Kept beside the connection, in memory only, for as long as the connection is referenced.
const sources = new WeakMap<CacheDb, CacheSource>();

/** The file and key a cache was opened with; null for an in-memory cache. */
export function cacheSource(db: CacheDb): CacheSource | null {
  return sources.get(db) ?? null;
}

const closeHooks = new WeakMap<CacheDb, Array<() => void>>();

/**
 * Runs `hook` just before the connection closes (sign-out, expiry, card removed, shutdown), so
 * whatever mirrors it — the search worker's connection — never outlives it.
 */
export function onCacheClose(db: CacheDb, hook: () => void): void {
  const hooks = closeHooks.get(db);
  if (hooks) hooks.push(hook);
  else closeHooks.set(db, [hook]);
}

function runCloseHooks(db: CacheDb): void {
  const close = db.close.bind(db);
  db.close = () => {
    const hooks = closeHooks.get(db) ?? [];
    closeHooks.delete(db);
    for (const hook of hooks) hook();
    return close();
  };
}

/** Chooses the cipher and gives the key; must come before the first read of the file. */
export function applyKey(db: CacheDb, key: string | undefined): void {
  if (key === undefined) return;
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma(`key = '${key.replaceAll("'", "''")}'`);
}

/** Opens (creating if needed) a cache file and brings its schema up to date. */
export function openCache(file: string, opts: OpenCacheOptions = {}): CacheDb {
  const migrations = opts.migrations ?? MIGRATIONS;
  const db = new Database(file);
  try {
    applyKey(db, opts.key);
    verifyReadable(db);
    // Before anything is written (even the journal mode): a newer app's cache stays as it is.
    refuseNewer(db, migrations);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Sorts and temporary indexes stay in memory, never in an unencrypted temporary file.
    db.pragma('temp_store = MEMORY');
    migrate(db, migrations);
    if (file !== ':memory:' && file !== '') sources.set(db, { file, key: opts.key });
    runCloseHooks(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function refuseNewer(db: CacheDb, migrations: readonly Migration[]): void {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) throw new CacheTooNewError(current, latest);
}

function verifyReadable(db: CacheDb): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    throw new AppError(
      'internal',
      `The local cache cannot be read (wrong key or damaged file): ${(error as Error).message}`,
    );
  }
}

/** Applies each pending migration in its own transaction, recording progress in user_version. */
export function migrate(db: CacheDb, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest = migrations.at(-1)?.version ?? 0;
  refuseNewer(db, migrations);
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return latest;
}
