import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../src-main/services/store/cache.js';
import { initialSchema } from '../../../../../src-main/services/store/migrations/0001-initial.js';
import { accessEpochSchema } from '../../../../../src-main/services/store/migrations/0002-access-epoch.js';
import { cacheAt, expectRollsBack } from './helpers.js';

describe('migration 0002 (access epoch)', () => {
  it('keeps an existing cache and its cursor, with no epoch and no sweep yet', () => {
    const db = new Database(':memory:');
    migrate(db, [initialSchema]);
    db.prepare("UPDATE sync_state SET cursor = '42' WHERE id = 1").run();
    migrate(db, [initialSchema, accessEpochSchema]);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT cursor, access_epoch, sweeping FROM sync_state').all()).toEqual([
      { cursor: '42', access_epoch: null, sweeping: 0 },
    ]);
    expect(() => db.prepare('UPDATE sync_state SET sweeping = 2').run()).toThrow(/CHECK constraint/);
    db.prepare("INSERT INTO sweep_seen (id) VALUES ('a')").run();
    expect(() => db.prepare("INSERT INTO sweep_seen (id) VALUES ('a')").run()).toThrow(/UNIQUE/);
  });
});

describe('migration 0002 (access epoch), failing', () => {
  it('rolls back to version 1 with its data when it fails', () => {
    const db = cacheAt(1);
    db.prepare("UPDATE sync_state SET cursor = '42' WHERE id = 1").run();
    db.prepare(
      "INSERT INTO cases VALUES ('c', '2-24-1', 'civil', 'HMK', 's', 'Õun', 'none', 'r', NULL, NULL, 1, '{}')",
    ).run();
    expectRollsBack(db, 2);
    expect(db.prepare('SELECT cursor FROM sync_state').pluck().get()).toBe('42');
    expect(db.prepare('SELECT subject FROM cases').pluck().get()).toBe('Õun');
    db.close();
  });
});
