import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  applyPullPage,
  beginSweep,
  epochChanged,
  readSyncState,
} from '../../../../src-main/services/store/access-sweep.js';
import { type CacheDb, openCache } from '../../../../src-main/services/store/cache.js';
import { countCases } from '../../../../src-main/services/store/case-store.js';
import { makeCase } from '../../support/cases.js';

let db: CacheDb;
beforeEach(() => {
  db = openCache(':memory:');
});
afterEach(() => db.close());

const page = (numbers: number[], cursor: string, hasMore: boolean, accessEpoch = '2.000000000000') => ({
  changes: numbers.map((n) => ({ kind: 'case' as const, case: makeCase(n) })),
  cursor,
  hasMore,
  remaining: null,
  accessEpoch,
});
const cached = () => (db.prepare('SELECT id FROM cases ORDER BY id').pluck().all() as string[]).sort();

describe('access sweep', () => {
  it('stores the first epoch without a sweep, and sees a different one as a change', () => {
    applyPullPage(db, page([1, 2, 3], '3', false, '1.000000000000'));
    const state = readSyncState(db);
    expect(state).toEqual({ cursor: '3', accessEpoch: '1.000000000000', sweeping: false });
    expect(epochChanged(state, { accessEpoch: '1.000000000000' })).toBe(false);
    expect(epochChanged(state, { accessEpoch: '2.000000000000' })).toBe(true);
    expect(epochChanged({ ...state, accessEpoch: null }, { accessEpoch: '2.000000000000' })).toBe(false);
  });

  it('drops the cases a sweep did not deliver, only when it ends, and survives an interruption', () => {
    applyPullPage(db, page([1, 2, 3, 4], '4', false, '1.000000000000'));
    beginSweep(db, '2.000000000000');
    expect(readSyncState(db)).toEqual({ cursor: '0', accessEpoch: '2.000000000000', sweeping: true });
    applyPullPage(db, page([2], '10', true));
    expect(countCases(db)).toBe(4);

    // The process stops here; a new one reads the sweep from the cache and carries on.
    const resumed = readSyncState(db);
    expect(resumed).toEqual({ cursor: '10', accessEpoch: '2.000000000000', sweeping: true });
    const touched = applyPullPage(db, page([4], '11', false));
    expect(cached()).toEqual(['case-2', 'case-4']);
    expect(touched.sort()).toEqual(['case-1', 'case-3', 'case-4']);
    expect(readSyncState(db)).toEqual({ cursor: '11', accessEpoch: '2.000000000000', sweeping: false });
    expect(db.prepare('SELECT count(*) FROM sweep_seen').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM cases_search').pluck().get()).toBe(2);
  });

  it('restarting a sweep forgets what the abandoned one saw', () => {
    applyPullPage(db, page([1, 2], '2', false, '1.000000000000'));
    beginSweep(db, '2.000000000000');
    applyPullPage(db, page([1], '5', true));
    beginSweep(db, '3.000000000000');
    applyPullPage(db, page([2], '6', false, '3.000000000000'));
    expect(cached()).toEqual(['case-2']);
  });
});
