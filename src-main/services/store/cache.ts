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

/** Opens (creating if needed) a cache file and brings its schema up to date. */
export function openCache(file: string, opts: OpenCacheOptions = {}): CacheDb {
  const db = new Database(file);
  try {
    if (opts.key !== undefined) {
      // The cipher must be chosen and the key given before the first read of the file.
      db.pragma(`cipher = 'sqlcipher'`);
      db.pragma(`key = '${opts.key.replaceAll("'", "''")}'`);
    }
    verifyReadable(db);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, opts.migrations ?? MIGRATIONS);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
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
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) throw new CacheTooNewError(current, latest);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return latest;
}
