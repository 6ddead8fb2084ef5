import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/contract/index.js';
import { createCasesService } from '../../../src-main/services/cases.js';
import { type CacheDb, cacheSource, openCache } from '../../../src-main/services/store/cache.js';
import { listCases, listCasesSql } from '../../../src-main/services/store/case-queries.js';
import { applySyncPage } from '../../../src-main/services/store/case-store.js';
import { startSearchWorker } from '../../../src-main/services/store/search-worker.js';
import { makeCase } from '../support/cases.js';

const CASES = 20_000;
let dir: string;
let db: CacheDb;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chambers-cases-search-'));
  db = openCache(join(dir, 'cache.sqlite'), { key: randomBytes(32).toString('hex') });
  for (let page = 0; page < CASES / 1000; page++) {
    const changes = Array.from({ length: 1000 }, (_, i) => {
      const n = page * 1000 + i + 1;
      const special = n % 1000 === 7;
      return {
        kind: 'case' as const,
        case: makeCase(n, special ? { subject: `Mägi kinnistu vaidlus ${n}` } : {}),
      };
    });
    applySyncPage(db, changes, String(page + 1));
  }
});
afterAll(() => {
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `work` while a 2 ms interval ticks; returns the longest time the main thread did not tick. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stall: number; ticks: number }> {
  let last = performance.now();
  let stall = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
    ticks++;
  }, 2);
  try {
    const result = await work();
    stall = Math.max(stall, performance.now() - last);
    return { result, stall, ticks };
  } finally {
    clearInterval(timer);
  }
}

describe('case search off the main thread', () => {
  const session = { require: () => ({ cache: db }) };

  it('returns what the main-thread query returns', async () => {
    const cases = createCasesService(session);
    const queries = [
      { text: 'magi', limit: 100 },
      { text: 'Mägi kinnistu', limit: 100 },
      { text: '2-24-7', limit: 10 },
      { text: 'hageja 1999', limit: 100 },
      { text: 'nõue', procedureType: 'civil' as const, limit: 50 },
      { text: 'nõue', procedureType: 'criminal' as const, limit: 50 },
      { text: '" * (', limit: 10 },
    ];
    for (const query of queries) {
      const expected = listCases(db, query);
      expect(await cases.list(query), query.text).toEqual(expected);
    }
    expect((await cases.list({ text: 'MAGI' })).map((c) => c.id)).toHaveLength(20);
    expect((await cases.list({ text: '2-24-7', limit: 1 }))[0]?.id).toBe('case-7');
    // Without text the indexed list is read on this thread, as before.
    expect(await cases.list({ limit: 5 })).toEqual(listCases(db, { limit: 5 }));
  });

  it('sees what the main connection committed since the worker started', async () => {
    const cases = createCasesService(session);
    expect(await cases.list({ text: 'Kõrvits' })).toEqual([]);
    applySyncPage(db, [{ kind: 'case', case: makeCase(CASES + 1, { subject: 'Kõrvitsa põld' }) }], 'x');
    expect((await cases.list({ text: 'korvits' })).map((c) => c.id)).toEqual([`case-${CASES + 1}`]);
  });

  it('keeps the main thread free during a slow query', async () => {
    // Summaries of every case, three times, counted: slow (JSON of 60k snapshots), a one-row answer.
    const all = db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
    const { sql, params } = listCasesSql({ text: 'hageja', limit: all })!;
    const once = `SELECT * FROM (${sql})`;
    const slow = `SELECT count(*) / 3 AS n, sum(length(party_names) + length(court)) > 0 AS read
                  FROM (${once} UNION ALL ${once} UNION ALL ${once})`;
    const blocked = await longestStall(async () => db.prepare(slow).all(params));
    const mainMs = blocked.stall;
    expect(blocked.result).toEqual([{ n: all, read: 1 }]);
    // On this thread the query blocks for all of it: not one tick.
    expect(mainMs).toBeGreaterThan(150);
    expect(blocked.ticks).toBe(0);

    const worker = startSearchWorker(cacheSource(db)!);
    try {
      await worker.all('SELECT 1', {});
      const free = await longestStall(() => worker.all(slow, params));
      expect(free.result).toEqual([{ n: all, read: 1 }]);
      expect(free.stall).toBeLessThan(mainMs / 4);
      expect(free.ticks).toBeGreaterThan(10);
    } finally {
      await worker.close();
    }
  });

  it('ticks while a search runs through the service, not while it runs here', async () => {
    const query = { text: 'nõue number', limit: 100 };
    const cases = createCasesService(session);
    await cases.list({ text: 'warm up' });
    const here = await longestStall(async () => listCases(db, query));
    const there = await longestStall(() => cases.list(query));
    expect(there.result).toEqual(here.result);
    expect(here.ticks).toBe(0);
    expect(there.ticks).toBeGreaterThan(0);
  });

  it('ends the worker thread when the cache closes (sign-out), and searches no more', async () => {
    const threads = () => readdirSync('/proc/self/task').length;
    const other = openCache(join(dir, 'other.sqlite'), { key: 'k' });
    applySyncPage(other, [{ kind: 'case', case: makeCase(1) }], '1');
    let cache: CacheDb | null = other;
    const cases = createCasesService({
      require: () => {
        if (!cache) throw new AppError('unauthenticated', 'Sign in.');
        return { cache };
      },
    });
    const before = threads();
    expect(await cases.list({ text: 'hageja' })).toHaveLength(1);
    expect(threads()).toBeGreaterThan(before);
    const inFlight = cases.list({ text: 'hageja' });
    // What the session does on sign-out: the cache closes, then require() refuses.
    other.close();
    cache = null;
    await expect(inFlight).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(cases.list({ text: 'hageja' })).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect.poll(threads, { timeout: 5000 }).toBe(before);
  });

  it('reports a worker that cannot open the cache as an error, not as no results', async () => {
    const worker = startSearchWorker({ file: cacheSource(db)!.file, key: 'wrong key' });
    try {
      await expect(worker.all('SELECT 1', {})).rejects.toThrow(/search cannot open the local cache/);
    } finally {
      await worker.close();
    }
    expect(worker.alive()).toBe(false);
  });
});
