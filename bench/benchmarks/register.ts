import { rmSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, percentile } from '../lib/measure.js';
import { signIn } from '../lib/register-http.js';
import { devUser, pullAll, registerMany } from '../lib/register-load.js';
import type { BenchReport } from '../lib/types.js';

export const name = 'register';
export const description =
  'register: registrations/s with the allocation draw (1 and 8 clients) and sync rows/s, PGlite vs PostgreSQL';

const WARMUP = 20;
const COUNT = 300;
const CLIENTS = 8;
/** The page size the desktop sync asks for (src-main/services/sync.ts). */
const PAGE_LIMIT = 200;
const SYNC_REPS = 3;
/** Enough for a realistic feed and workload per judge, few enough that seeding takes seconds. */
const DEMO_CASES = 40;
const COURT = 'HMK';

interface Batch {
  count: number;
  latenciesMs: number[];
  wallMs: number;
}

interface Figures {
  seed: { cases: number; ms: number };
  sequential: Batch;
  concurrent: Batch;
  /** Per user pulled: rows of one full pull, every page's ms and the timed pulls' wall time together. */
  sync: Array<{ who: string } & Batch>;
}

const perSecond = (count: number, ms: number) => (count * 1000) / ms;

async function measure(db: string, blobDir: string, log: (line: string) => void): Promise<Figures> {
  // Imported here so listing benchmarks and running the others never loads the register or PGlite.
  const { startRegister } = await import('../../src-register/server.js');
  const seedStarted = performance.now();
  const register = await startRegister({
    db,
    blobDir,
    host: '127.0.0.1',
    port: 0,
    devSignIn: true,
    production: false,
    seedDemo: true,
    demoCaseCount: DEMO_CASES,
    logLevel: 'warn',
  });
  const seed = { cases: register.seed?.cases ?? 0, ms: performance.now() - seedStarted };
  try {
    const { url } = register;
    log(`migrate + demo seed (${seed.cases} cases): ${(seed.ms / 1000).toFixed(1)} s`);
    const chancery = await devUser(url, /^Chancery official/);
    const token = await signIn(url, chancery.personalCode);
    // Indices run on across batches: every registration has its own parties and subject.
    const batch = async (firstIndex: number, count: number, clients: number): Promise<Batch> => ({
      count,
      ...(await registerMany(url, token, { firstIndex, count, clients, courtCode: COURT })),
    });
    await batch(0, WARMUP, 1);
    const sequential = await batch(WARMUP, COUNT, 1);
    log(`${COUNT} registrations, 1 client: ${(sequential.wallMs / 1000).toFixed(1)} s`);
    const concurrent = await batch(WARMUP + COUNT, COUNT, CLIENTS);
    log(`${COUNT} registrations, ${CLIENTS} clients: ${(concurrent.wallMs / 1000).toFixed(1)} s`);

    const sync: Figures['sync'] = [];
    for (const [who, role] of [
      ['judge', /^Judge/],
      ['court president', /^Court president/],
    ] as const) {
      const user = await devUser(url, role);
      const userToken = await signIn(url, user.personalCode);
      const { rows } = await pullAll(url, userToken, PAGE_LIMIT); // untimed: warms the feed's queries
      const timed = { who, count: rows, latenciesMs: [] as number[], wallMs: 0 };
      for (let rep = 0; rep < SYNC_REPS; rep++) {
        const pulled = await pullAll(url, userToken, PAGE_LIMIT);
        if (pulled.rows !== rows) throw new Error(`${who}: ${pulled.rows} rows after ${rows} before`);
        timed.latenciesMs.push(...pulled.pageMs);
        timed.wallMs += pulled.wallMs;
      }
      log(`full pull as ${who} (${user.name}): ${rows} rows, ${timed.latenciesMs.length / SYNC_REPS} pages`);
      sync.push(timed);
    }
    return { seed, sequential, concurrent, sync };
  } finally {
    await register.close();
  }
}

function rowsOf(database: string, f: Figures): Array<Array<string | number>> {
  const batch = (measureName: string, b: Batch, perRep = 1) => [
    database,
    measureName,
    b.count,
    median(b.latenciesMs),
    percentile(b.latenciesMs, 95),
    b.wallMs / 1000,
    perSecond(b.count * perRep, b.wallMs),
  ];
  return [
    // One sample: its median and p95 are the seed time itself.
    batch(`seed: migrate + ${f.seed.cases} demo cases`, {
      count: f.seed.cases,
      latenciesMs: [f.seed.ms],
      wallMs: f.seed.ms,
    }),
    batch('register, 1 client', f.sequential),
    batch(`register, ${CLIENTS} clients`, f.concurrent),
    ...f.sync.map((s) => batch(`sync rows, ${s.who} (${PAGE_LIMIT}/page)`, s, SYNC_REPS)),
  ];
}

const syncRowsPerSecond = (f: Figures) =>
  perSecond(
    f.sync.reduce((n, s) => n + s.count * SYNC_REPS, 0),
    f.sync.reduce((ms, s) => ms + s.wallMs, 0),
  );

/**
 * startPostgres puts its cluster under os.tmpdir(): pointed into `dir`, an interrupted run's exit hook
 * removes the cluster's folder along with everything else.
 */
async function startPostgresIn(dir: string) {
  const { startPostgres } = await import('../../test/support/postgres.js');
  // The cluster runs as the postgres user when we are root: it must be able to pass through `dir`.
  await chmod(dir, 0o711);
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    return await startPostgres();
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}

export async function run(): Promise<BenchReport> {
  const root = await mkdtemp(join(tmpdir(), 'chambers-bench-register-'));
  // Ctrl-C or a kill still runs the exit hooks: startPostgres stops its cluster there, this removes root.
  const removeRoot = () => rmSync(root, { recursive: true, force: true });
  const exitOnSignal = () => process.exit(130);
  process.once('exit', removeRoot);
  process.once('SIGINT', exitOnSignal);
  process.once('SIGTERM', exitOnSignal);
  try {
    console.log('PGlite (a fresh folder):');
    const lite = await measure(`pglite:${join(root, 'pglite')}`, join(root, 'blobs-pglite'), (line) =>
      console.log(`  ${line}`),
    );
    console.log('PostgreSQL (a throw-away local cluster, fsync off):');
    const server = await startPostgresIn(root);
    // Exit hooks run in order: the cluster's own hook must stop it before its folder goes.
    process.removeListener('exit', removeRoot);
    process.once('exit', removeRoot);
    let pg: Figures;
    try {
      const dbUrl = await server.createDatabase('bench_register');
      pg = await measure(dbUrl, join(root, 'blobs-pg'), (line) => console.log(`  ${line}`));
    } finally {
      await server.stop();
    }

    const figures = (f: Figures) => ({
      reg: perSecond(f.sequential.count, f.sequential.wallMs),
      concurrent: perSecond(f.concurrent.count, f.concurrent.wallMs),
      sync: syncRowsPerSecond(f),
    });
    const a = figures(lite);
    const b = figures(pg);
    return {
      columns: ['database', 'measure', 'count', 'median ms', 'p95 ms', 'total s', 'per s'],
      rows: [...rowsOf('PGlite', lite), ...rowsOf('PostgreSQL', pg)],
      result: {
        pglite_reg_per_s: a.reg,
        pg_reg_per_s: b.reg,
        pglite_reg_concurrent_per_s: a.concurrent,
        pg_reg_concurrent_per_s: b.concurrent,
        pglite_sync_rows_per_s: Math.round(a.sync),
        pg_sync_rows_per_s: Math.round(b.sync),
        pg_vs_pglite_reg: b.reg / a.reg,
        pg_vs_pglite_reg_concurrent: b.concurrent / a.concurrent,
        pg_vs_pglite_sync: b.sync / a.sync,
        pglite_seed_s: lite.seed.ms / 1000,
        pg_seed_s: pg.seed.ms / 1000,
      },
    };
  } finally {
    process.removeListener('SIGINT', exitOnSignal);
    process.removeListener('SIGTERM', exitOnSignal);
    process.removeListener('exit', removeRoot);
    await rm(root, { recursive: true, force: true });
  }
}
