import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type CacheDb, CacheTooNewError, openCache } from '../store/cache.js';

/** One cache file per user, named so the folder does not list who has used this computer. */
export function cacheFileFor(dataDir: string, personalCode: string): string {
  const name = createHash('sha256').update(personalCode).digest('hex').slice(0, 16);
  return join(dataDir, 'cache', `${name}.sqlite`);
}

/**
 * Opens the user's encrypted cache. A file that exists but cannot be opened with the key (written
 * before the cache was encrypted, or with a key that was lost with the keychain) is deleted and made
 * anew: it is only a cache, the register holds the data. A cache from a newer app is never deleted.
 */
export function openUserCache(file: string, key: string): CacheDb {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  try {
    return openCache(file, { key });
  } catch (error) {
    if (error instanceof CacheTooNewError || !existsSync(file)) throw error;
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
    return openCache(file, { key });
  }
}
