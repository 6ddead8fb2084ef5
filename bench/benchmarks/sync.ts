import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseSnapshot } from '../../src-shared/domain/index.js';
import { cardServices, startBenchCard, startCardRegister } from '../lib/id-card.js';
import { median, percentile, peakRssMb, timeMs } from '../lib/measure.js';
import type { BenchReport } from '../lib/types.js';

export const name = 'sync';
export const description =
  'sync: initial pull of 5,000 cases + 100,000 steps and 10-change round trips vs PouchDB replication; search at 100,000 cached cases vs raw FTS5 and MiniSearch';

const CASES = 5_000;
const STEPS_PER_CASE = 20;
const INCREMENTAL_REPS = 20;
const CHANGED_PER_REP = 10;
const SEARCH_CASES = 100_000;
const SEARCH_ROUNDS = 3;
const LIMIT = 100;
/** The per-step PouchDB variant replicates this many cases' documents (each step its own document). */
const PER_STEP_CASES = 1_000;
const PAGE_LIMIT = 200;

const perSecond = (rows: number, ms: number) => Math.round((rows * 1000) / ms);
const log = (line: string) => console.log(line);

export async function run(): Promise<BenchReport> {
  // Imported here so listing benchmarks and running the others never loads the register or PGlite.
  const { demoStaff } = await import('../../src-register/seed/demo-people.js');
  const { seedBulkCourt } = await import('../../test/support/bulk-register.js');
  const { createKeychain } = await import('../../src-main/services/keychain.js');
  const { accountFor, readItem } = await import('../../src-main/services/session/keychain-item.js');
  const { cacheFileFor } = await import('../../src-main/services/session/cache-file.js');
  const { openCache } = await import('../../src-main/services/store/cache.js');
  const pouch = await import('../lib/pouch-peer.js');
  const search = await import('../lib/search-bench.js');

  const root = await mkdtemp(join(tmpdir(), 'chambers-bench-sync-'));
  const president = demoStaff().president;
  const card = await startBenchCard(join(root, 'card'), president);
  const register = await startCardRegister(root, card, { seedDemo: false });
  const peer = await pouch.startPouchPeer();
  const dataDir = join(root, 'desktop');
  const newServices = () => cardServices(register.url, dataDir, card);
  let services = await newServices();
  try {
    // ---- seed the register ----
    const seedMs = await timeMs(async () => {
      const court = await seedBulkCourt(register.db, { cases: CASES, stepsPerCase: STEPS_PER_CASE });
      if (court.president.personalCode !== president.personalCode) throw new Error('the president changed');
    });
    log(`register seeded with ${CASES} cases × ${STEPS_PER_CASE} steps in ${(seedMs / 1000).toFixed(1)} s`);

    // ---- initial sync: Chambers ----
    const { cards } = await services.handlers['card:list']();
    const cardId = cards[0]!.id;
    let cached = 0;
    const initialMs = await timeMs(async () => {
      await services.handlers['session:signIn']({ cardId, pin: card.pin1 });
      const status = await services.handlers['sync:now']();
      if (status.lastError) throw new Error(`sync:now failed: ${status.lastError}`);
      cached = status.cachedCases;
    });
    const initialRows = cached * (1 + STEPS_PER_CASE);
    log(
      `Chambers initial sync: ${cached} cases + ${cached * STEPS_PER_CASE} steps in ${initialMs.toFixed(0)} ms`,
    );

    // ---- incremental: Chambers ----
    const changedSubject = (rep: number) => ` (muudetud ${rep})`;
    const chambersIncMs: number[] = [];
    for (let rep = 0; rep <= INCREMENTAL_REPS; rep++) {
      const ids = await register.db.query<{ id: string }>(
        `UPDATE cases SET subject = subject || $1
         WHERE id IN (SELECT id FROM cases WHERE restriction = 'none' ORDER BY id OFFSET $2 LIMIT $3)
         RETURNING id`,
        [changedSubject(rep), rep * CHANGED_PER_REP, CHANGED_PER_REP],
      );
      const ms = await timeMs(async () => {
        const status = await services.handlers['sync:now']();
        if (status.lastError) throw new Error(`sync:now failed: ${status.lastError}`);
      });
      for (const { id } of ids) {
        const snapshot = await services.handlers['cases:get']({ caseId: id });
        if (!snapshot.subject.endsWith(changedSubject(rep)))
          throw new Error(`change ${rep} of ${id} not applied`);
      }
      if (rep > 0) chambersIncMs.push(ms); // rep 0 warms up
    }
    log(`Chambers incremental (${CHANGED_PER_REP} changes): p50 ${median(chambersIncMs).toFixed(1)} ms`);
    await services.handlers['session:signOut']();

    // ---- the synced snapshots, read from the user's cache, become the peer's documents ----
    const item = await readItem(
      createKeychain(),
      accountFor(new URL(register.url).origin, president.personalCode),
    );
    if (!item) throw new Error('the keychain holds no item for the signed-in user');
    const cacheFile = cacheFileFor(dataDir, president.personalCode);
    let cache = openCache(cacheFile, { key: item.cacheKey });
    const bases: CaseSnapshot[] = search.readSnapshots(cache);

    // ---- initial sync: PouchDB, one document per case (steps embedded) ----
    const caseDocs = bases.map(({ id, ...rest }) => ({ _id: id, ...rest }));
    await pouch.putAll(peer.serverDb('cases'), caseDocs);
    const caseClient = peer.clientDb('client-cases');
    let pouchCaseDocs = 0;
    const pouchCaseMs = await timeMs(async () => {
      pouchCaseDocs = await pouch.replicateOnce(peer.remote('cases'), caseClient, PAGE_LIMIT);
    });
    if (pouchCaseDocs !== bases.length) throw new Error(`PouchDB wrote ${pouchCaseDocs} of ${bases.length}`);
    const pouchCaseRows = bases.reduce((n, c) => n + 1 + c.steps.length, 0);
    log(
      `PouchDB, doc per case: ${pouchCaseDocs} docs (${pouchCaseRows} rows) in ${pouchCaseMs.toFixed(0)} ms`,
    );

    // ---- initial sync: PouchDB, one document per case and per step ----
    const stepDocs = bases
      .slice(0, PER_STEP_CASES)
      .flatMap(({ id, steps, ...rest }) => [
        { _id: id, ...rest },
        ...steps.map((step) => ({ ...step, _id: `${id}:${step.id}`, caseId: id })),
      ]);
    await pouch.putAll(peer.serverDb('steps'), stepDocs);
    let pouchStepDocs = 0;
    const pouchStepMs = await timeMs(async () => {
      pouchStepDocs = await pouch.replicateOnce(
        peer.remote('steps'),
        peer.clientDb('client-steps'),
        PAGE_LIMIT,
      );
    });
    log(`PouchDB, doc per step: ${pouchStepDocs} docs in ${pouchStepMs.toFixed(0)} ms`);

    // ---- incremental: PouchDB ----
    const serverCases = peer.serverDb('cases');
    const remoteCases = peer.remote('cases');
    const pouchIncMs: number[] = [];
    for (let rep = 0; rep <= INCREMENTAL_REPS; rep++) {
      const ids = bases.slice(rep * CHANGED_PER_REP, (rep + 1) * CHANGED_PER_REP).map((c) => c.id);
      const docs = await serverCases.allDocs<{ subject: string }>({ keys: ids, include_docs: true });
      const changed = docs.rows.map((row) => {
        if (!('doc' in row) || !row.doc) throw new Error('a peer document is missing');
        return { ...row.doc, subject: row.doc.subject + changedSubject(rep) };
      });
      await pouch.putAll(serverCases, changed);
      let written = 0;
      const ms = await timeMs(async () => {
        written = await pouch.replicateOnce(remoteCases, caseClient, PAGE_LIMIT);
      });
      if (written !== CHANGED_PER_REP) throw new Error(`PouchDB replicated ${written} of ${CHANGED_PER_REP}`);
      if (rep > 0) pouchIncMs.push(ms);
    }
    log(`PouchDB incremental (${CHANGED_PER_REP} changes): p50 ${median(pouchIncMs).toFixed(1)} ms`);
    await peer.close();

    // ---- search: grow the cache to 100,000 cases through the store's writes ----
    const growMs = await timeMs(async () => {
      search.growCache(cache, bases, SEARCH_CASES, (n) => {
        if (n % 20_000 === 0 || n === SEARCH_CASES) log(`cache: ${n} cases`);
      });
    });
    log(`cache grown to ${SEARCH_CASES} cases in ${(growMs / 1000).toFixed(1)} s`);
    const queries = search.makeQueries(search.readSnapshots(cache).slice(0, 20_000));
    const miniDocs = search.readMiniDocs(cache);
    cache.close();
    const cacheBytes = (await stat(cacheFile)).size;

    // Signed in again: the pull finds nothing new and the 100,000 cases stay.
    services = await newServices();
    await services.handlers['session:signIn']({ cardId, pin: card.pin1 });
    const status = await services.handlers['sync:now']();
    if (status.cachedCases !== SEARCH_CASES) throw new Error(`the cache holds ${status.cachedCases} cases`);
    log(`${queries.length} queries, ${SEARCH_ROUNDS} rounds each`);

    const sample = async (fn: (text: string) => Promise<number> | number) => {
      for (const q of queries) await fn(q); // warm-up
      const ms: number[] = [];
      let hits = 0;
      for (let round = 0; round < SEARCH_ROUNDS; round++)
        for (const q of queries) {
          const started = performance.now();
          hits += await fn(q);
          ms.push(performance.now() - started);
        }
      return { ms, hits: hits / SEARCH_ROUNDS };
    };

    search.collectGarbage();
    const rssBeforeService = process.memoryUsage().rss;
    const service = await sample(async (text) => (await services.handlers['cases:list']({ text })).length);
    const serviceRss = process.memoryUsage().rss - rssBeforeService;
    log(`service: p50 ${median(service.ms).toFixed(2)} ms`);

    search.collectGarbage();
    const rssBeforeFts = process.memoryUsage().rss;
    cache = openCache(cacheFile, { key: item.cacheKey });
    const fts = await sample(search.rawFtsSearch(cache, LIMIT));
    const ftsRss = process.memoryUsage().rss - rssBeforeFts;
    const pageSize = cache.pragma('page_size', { simple: true }) as number;
    const cacheSize = cache.pragma('cache_size', { simple: true }) as number;
    const pageCacheMb = search.mb(cacheSize < 0 ? -cacheSize * 1024 : cacheSize * pageSize);
    cache.close();
    log(`raw FTS5: p50 ${median(fts.ms).toFixed(2)} ms`);

    search.collectGarbage();
    const heapBefore = process.memoryUsage().heapUsed;
    let index: ReturnType<typeof search.buildMiniSearch> | null = null;
    const buildMs = await timeMs(async () => {
      index = search.buildMiniSearch(miniDocs);
    });
    miniDocs.length = 0;
    search.collectGarbage();
    const miniHeapMb = search.mb(process.memoryUsage().heapUsed - heapBefore);
    const mini = await sample(search.miniSearch(index!, LIMIT));
    log(`MiniSearch: built in ${buildMs.toFixed(0)} ms, p50 ${median(mini.ms).toFixed(2)} ms`);

    const chambersRowsPerS = perSecond(initialRows, initialMs);
    const pouchRowsPerS = perSecond(pouchCaseRows, pouchCaseMs);
    const pouchStepRowsPerS = perSecond(pouchStepDocs, pouchStepMs);
    const initialRatio = chambersRowsPerS / pouchRowsPerS;
    const incRatio = median(chambersIncMs) / median(pouchIncMs);
    const ftsRatio = median(service.ms) / median(fts.ms);
    const miniRatio = median(service.ms) / median(mini.ms);
    const fmt = (x: number) => Number(x.toFixed(2));
    return {
      columns: ['variant', 'rows/hits', 'p50 ms', 'p95 ms', 'rows/s', 'memory MB', 'ratio'],
      rows: [
        [
          'initial: Chambers sign-in + pull (cases+steps)',
          initialRows,
          initialMs,
          initialMs,
          chambersRowsPerS,
          '',
          `${fmt(initialRatio)}× PouchDB rows/s`,
        ],
        [
          'initial: PouchDB replicate, doc per case',
          pouchCaseRows,
          pouchCaseMs,
          pouchCaseMs,
          pouchRowsPerS,
          '',
          '1',
        ],
        [
          `initial: PouchDB replicate, doc per step (${PER_STEP_CASES} cases)`,
          pouchStepDocs,
          pouchStepMs,
          pouchStepMs,
          pouchStepRowsPerS,
          '',
          `${fmt(chambersRowsPerS / pouchStepRowsPerS)}× (Chambers ÷)`,
        ],
        [
          `incremental ${CHANGED_PER_REP}: Chambers sync:now`,
          CHANGED_PER_REP,
          median(chambersIncMs),
          percentile(chambersIncMs, 95),
          '',
          '',
          `${fmt(incRatio)}× PouchDB time`,
        ],
        [
          `incremental ${CHANGED_PER_REP}: PouchDB replicate`,
          CHANGED_PER_REP,
          median(pouchIncMs),
          percentile(pouchIncMs, 95),
          '',
          '',
          '1',
        ],
        [
          `search ${SEARCH_CASES}: cases:list (service)`,
          service.hits,
          median(service.ms),
          percentile(service.ms, 95),
          '',
          fmt(search.mb(serviceRss)),
          `${fmt(ftsRatio)}× FTS5, ${fmt(miniRatio)}× MiniSearch`,
        ],
        [
          `search ${SEARCH_CASES}: raw FTS5 MATCH`,
          fts.hits,
          median(fts.ms),
          percentile(fts.ms, 95),
          '',
          `cap ${fmt(pageCacheMb)}, RSS ${fmt(search.mb(ftsRss))}`,
          '1',
        ],
        [
          `search ${SEARCH_CASES}: MiniSearch`,
          mini.hits,
          median(mini.ms),
          percentile(mini.ms, 95),
          '',
          `heap +${fmt(miniHeapMb)}`,
          '',
        ],
      ],
      result: {
        cases: cached,
        steps: cached * STEPS_PER_CASE,
        initial_ms: Math.round(initialMs),
        initial_rows_per_s: chambersRowsPerS,
        pouch_initial_ms: Math.round(pouchCaseMs),
        pouch_rows_per_s: pouchRowsPerS,
        pouch_per_step_rows_per_s: pouchStepRowsPerS,
        initial_ratio_vs_pouch: fmt(initialRatio),
        inc_p50_ms: fmt(median(chambersIncMs)),
        inc_p95_ms: fmt(percentile(chambersIncMs, 95)),
        pouch_inc_p50_ms: fmt(median(pouchIncMs)),
        pouch_inc_p95_ms: fmt(percentile(pouchIncMs, 95)),
        inc_ratio_vs_pouch: fmt(incRatio),
        search_cases: SEARCH_CASES,
        queries: queries.length,
        search_p50_ms: fmt(median(service.ms)),
        search_p95_ms: fmt(percentile(service.ms, 95)),
        fts_p50_ms: fmt(median(fts.ms)),
        fts_p95_ms: fmt(percentile(fts.ms, 95)),
        minisearch_p50_ms: fmt(median(mini.ms)),
        minisearch_p95_ms: fmt(percentile(mini.ms, 95)),
        search_ratio_vs_fts: fmt(ftsRatio),
        search_ratio_vs_minisearch: fmt(miniRatio),
        minisearch_build_ms: Math.round(buildMs),
        minisearch_heap_mb: fmt(miniHeapMb),
        sqlite_page_cache_cap_mb: fmt(pageCacheMb),
        cache_file_mb: fmt(search.mb(cacheBytes)),
        seed_s: fmt(seedMs / 1000),
        grow_cache_s: fmt(growMs / 1000),
        peak_rss_mb: Math.round(peakRssMb()),
      },
    };
  } finally {
    await services.close();
    await peer.close().catch(() => undefined);
    await register.close();
    await card.stop();
    await rm(root, { recursive: true, force: true });
  }
}
