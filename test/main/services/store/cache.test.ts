import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../src-shared/contract/index.js';
import {
  CACHE_SCHEMA_VERSION,
  CacheTooNewError,
  migrate,
  openCache,
} from '../../../../src-main/services/store/cache.js';
import type { Migration } from '../../../../src-main/services/store/migrations/index.js';
import { MIGRATIONS } from '../../../../src-main/services/store/migrations/index.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'chambers-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openCache', () => {
  it('creates a WAL database with foreign keys on and every migration applied', () => {
    const db = openCache(join(dir, 'a.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(CACHE_SCHEMA_VERSION);
    expect(CACHE_SCHEMA_VERSION).toBe(MIGRATIONS.length);
    db.close();
  });

  it('numbers migrations 1, 2, 3… in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('opens an existing cache again without re-running migrations', () => {
    const file = join(dir, 'a.sqlite');
    openCache(file).close();
    const db = openCache(file);
    expect(db.pragma('user_version', { simple: true })).toBe(CACHE_SCHEMA_VERSION);
    db.close();
  });

  it('refuses a cache written by a newer app and leaves it untouched', () => {
    const file = join(dir, 'newer.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${CACHE_SCHEMA_VERSION + 1}`);
    raw.close();

    let error: unknown;
    try {
      openCache(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CacheTooNewError);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('conflict');
    expect((error as Error).message).toMatch(/newer version of Chambers/);

    const after = new Database(file);
    expect(after.pragma('user_version', { simple: true })).toBe(CACHE_SCHEMA_VERSION + 1);
    expect(after.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'cases'").pluck().get()).toBe(0);
    after.close();
  });

  it('refuses an encrypted WAL cache from a newer app without writing a byte of it', () => {
    const file = join(dir, 'newer-encrypted.sqlite');
    const db = openCache(file, { key: 'k1' });
    db.prepare("UPDATE sync_state SET cursor = '99' WHERE id = 1").run();
    db.pragma(`user_version = ${CACHE_SCHEMA_VERSION + 5}`);
    db.close();
    const bytes = readFileSync(file);
    const listing = readdirSync(dir).sort();

    expect(() => openCache(file, { key: 'k1' })).toThrow(CacheTooNewError);
    expect(() => openCache(file, { key: 'k1' })).toThrow(
      `schema ${CACHE_SCHEMA_VERSION + 5}; this version knows ${CACHE_SCHEMA_VERSION}`,
    );
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(listing);
    // A plain rollback-journal file from a newer app keeps its journal mode too.
    const plain = join(dir, 'newer-plain.sqlite');
    const raw = new Database(plain);
    raw.pragma(`user_version = ${CACHE_SCHEMA_VERSION + 1}`);
    raw.close();
    const plainBytes = readFileSync(plain);
    expect(() => openCache(plain)).toThrow(CacheTooNewError);
    expect(readFileSync(plain).equals(plainBytes)).toBe(true);
  });

  it('rolls back a failing migration together with its user_version step', () => {
    const db = new Database(':memory:');
    const broken: Migration = {
      version: CACHE_SCHEMA_VERSION + 1,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE half_done (x INTEGER) STRICT');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(CACHE_SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
    db.close();
  });

  it('encrypts the file when a key is given and cannot be read without it', () => {
    const file = join(dir, 'secret.sqlite');
    const db = openCache(file, { key: "it's a key" });
    db.prepare(
      "INSERT INTO sync_state (id, cursor) VALUES (1, '5') ON CONFLICT (id) DO UPDATE SET cursor = '5'",
    ).run();
    db.close();

    expect(() => openCache(file)).toThrow(AppError);
    expect(() => openCache(file, { key: 'wrong' })).toThrow(/cannot be read/);
    const again = openCache(file, { key: "it's a key" });
    expect(again.prepare('SELECT cursor FROM sync_state').pluck().get()).toBe('5');
    again.close();
  });
});
