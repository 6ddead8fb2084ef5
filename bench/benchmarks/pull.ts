import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, peakRssMb, percentile, timeMs } from '../lib/measure.js';
import { cardServices, startBenchCard, startCardRegister } from '../lib/id-card.js';
import { pickUser, signInAndFetchAll } from '../lib/register-http.js';
import type { BenchReport } from '../lib/types.js';

export const name = 'pull';
export const description =
  'sync:now: a full pull of the demo court into an empty desktop cache vs. fetching the same pages (no cache writes)';

const REPS = 5;
/** The page size the desktop sync asks for (src-main/services/sync.ts), so the peer fetches the same pages. */
const PAGE_LIMIT = 200;

export async function run(): Promise<BenchReport> {
  // Imported here so listing benchmarks and running the others never loads the register or PGlite.
  const root = await mkdtemp(join(tmpdir(), 'chambers-bench-pull-'));
  const { demoStaff } = await import('../../src-register/seed/demo-people.js');
  const president = demoStaff().president;
  // The desktop signs in with a real (SoftHSM2) card; the peer takes a token from the register's
  // test-only development route, which this harness starts the register with.
  const card = await startBenchCard(join(root, 'card'), president);
  const seedStarted = performance.now();
  const register = await startCardRegister(root, card, { devSignIn: true });
  const seedMs = performance.now() - seedStarted;
  try {
    const url = register.url;
    console.log(`register on a fresh PGlite folder with the demo seed: ${(seedMs / 1000).toFixed(1)} s`);
    const user = await pickUser(url);
    if (user.personalCode !== president.personalCode) throw new Error('the demo court president changed');
    console.log(`pulling as ${user.name} (${user.roleLabel}), ${PAGE_LIMIT} changes a page`);
    const signInMs: number[] = [];

    const pullOnce = async (rep: number) => {
      const dataDir = join(root, `desktop-${rep}`);
      const services = await cardServices(url, dataDir, card);
      try {
        const { cards } = await services.handlers['card:list']();
        const cardId = cards[0]!.id;
        // Signing in starts the first pull and sync:now joins it, so the two are timed together.
        let status: Awaited<ReturnType<(typeof services.handlers)['sync:now']>> | null = null;
        const ms = await timeMs(async () => {
          signInMs.push(await timeMs(() => services.handlers['session:signIn']({ cardId, pin: card.pin1 })));
          status = await services.handlers['sync:now']();
        });
        const done = status!;
        if (done.lastError) throw new Error(`sync:now failed: ${done.lastError}`);
        return { ms, cases: done.cachedCases };
      } finally {
        await services.close();
        await rm(dataDir, { recursive: true, force: true });
      }
    };

    // One untimed round of each warms the register's caches, the JIT and the connection pool.
    await pullOnce(0);
    let transfer = await signInAndFetchAll(url, user.personalCode, PAGE_LIMIT);
    const pullMs: number[] = [];
    const peerMs: number[] = [];
    let cases = 0;
    for (let rep = 1; rep <= REPS; rep++) {
      const pulled = await pullOnce(rep);
      pullMs.push(pulled.ms);
      cases = pulled.cases;
      peerMs.push(
        await timeMs(async () => (transfer = await signInAndFetchAll(url, user.personalCode, PAGE_LIMIT))),
      );
      console.log(
        `rep ${rep}/${REPS}: sync:now ${pulled.ms.toFixed(0)} ms, peer ${peerMs.at(-1)!.toFixed(0)} ms`,
      );
    }
    if (cases !== transfer.cases) {
      console.log(`note: the cache holds ${cases} cases, the register sent ${transfer.cases}`);
    }

    const ratio = median(pullMs) / median(peerMs);
    const casesPerSecond = (count: number, ms: number[]) => Math.round(count / (median(ms) / 1000));
    return {
      columns: ['variant', 'cases', 'pages', 'median ms', 'p95 ms', 'cases/s', '÷ peer'],
      rows: [
        [
          'card sign-in + sync:now, empty cache',
          cases,
          transfer.pages,
          median(pullMs),
          percentile(pullMs, 95),
          casesPerSecond(cases, pullMs),
          ratio,
        ],
        [
          'peer: sign-in + fetch + JSON.parse',
          transfer.cases,
          transfer.pages,
          median(peerMs),
          percentile(peerMs, 95),
          casesPerSecond(transfer.cases, peerMs),
          1,
        ],
      ],
      result: {
        cases,
        pages: transfer.pages,
        median_ms: median(pullMs),
        p95_ms: percentile(pullMs, 95),
        cases_per_s: casesPerSecond(cases, pullMs),
        peer_median_ms: median(peerMs),
        ratio,
        seed_s: seedMs / 1000,
        card_sign_in_median_ms: median(signInMs),
        peak_rss_mb: Math.round(peakRssMb()),
      },
    };
  } finally {
    await register.close();
    await card.stop();
    await rm(root, { recursive: true, force: true });
  }
}
