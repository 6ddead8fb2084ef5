// Issue 5: a pull of more than 10,000 changes through a fault-injecting TCP proxy (drops, delays,
// resets, truncated responses) converges to exactly what the register shows the user. Everything is
// real: a SoftHSM card, `openssl ocsp`, the keychain, a PGlite register, the desktop services.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionInfo, SyncStatus } from '../../../src-shared/contract/index.js';
import type { CaseSnapshot } from '../../../src-shared/domain/index.js';
import { createInvoker } from '../../../src-main/ipc/handler-registry.js';
import { createRegisterClient } from '../../../src-main/services/register-client.js';
import { createServices, type Services } from '../../../src-main/services/index.js';
import { DEMO_SEED, type DemoUser, makeDemoStaff } from '../../../src-register/seed/demo-people.js';
import { Prng } from '../../../src-register/seed/prng.js';
import { type RunningRegister, startRegister } from '../../../src-register/server.js';
import {
  createTestPki,
  issuePersonCertificate,
  type OcspResponder,
  startOcspResponder,
} from '../../../scripts/testcards/pki.js';
import { prepareSoftHsm, SOFTHSM_MODULE, writeCard } from '../../../scripts/testcards/softhsm.js';
import { seedBulkCourt } from '../../support/bulk-register.js';
import { canonical } from '../../support/determinism.js';
import { type FaultProxy, startFaultProxy } from '../../support/fault-proxy.js';
import { splitName } from '../support/id-card.js';
import { ensureKeyring } from '../support/keyring.js';
import { devSession, registerView } from '../support/register.js';

/** Cases seeded; the court president sees all but the adoption cases, so the feed has > 10,000. */
const CASES = 10_800;
const CHANGED_DURING_PULL = 300;
const MAX_ATTEMPTS = 150;
const SEED = 0x5eed_0005;

const cleanups: Array<() => Promise<void> | void> = [];
let register: RunningRegister;
let proxy: FaultProxy;
let services: Services;
let user: DemoUser;
let invoke: ReturnType<typeof createInvoker>;
const timings: Record<string, number> = {};

async function timed<T>(what: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await fn();
  } finally {
    timings[what] = Math.round(performance.now() - started);
  }
}

async function value<T>(channel: string, input?: unknown): Promise<T> {
  const result = await invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

function hashSnapshots(snapshots: Iterable<CaseSnapshot>): string {
  const sorted = [...snapshots].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const hash = createHash('sha256');
  for (const snapshot of sorted) hash.update(`${canonical(snapshot)}\n`);
  return hash.digest('hex');
}

describe('pull through a faulty network', () => {
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chambers-sync-faults-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    cleanups.push(await ensureKeyring());

    // The card first: the responder reads the index of issued certificates when it starts.
    const pki = createTestPki(join(dir, 'pki'));
    const president = makeDemoStaff(new Prng(DEMO_SEED), new Set()).president;
    const { surname, given } = splitName(president.name);
    const person = { surname, given, personalCode: president.personalCode };
    const authentication = issuePersonCertificate(pki, { ...person, kind: 'authentication' });
    const signing = issuePersonCertificate(pki, { ...person, kind: 'signing' });
    const hsm = prepareSoftHsm(join(dir, 'softhsm'));
    writeCard(hsm, { holder: `${surname},${given}`, pin1: '1234', pin2: '12345', authentication, signing });
    const previousConf = process.env.SOFTHSM2_CONF;
    process.env.SOFTHSM2_CONF = hsm.confPath;
    cleanups.push(() => {
      if (previousConf === undefined) delete process.env.SOFTHSM2_CONF;
      else process.env.SOFTHSM2_CONF = previousConf;
    });
    const ocsp: OcspResponder = await startOcspResponder(pki);
    cleanups.push(() => ocsp.stop());

    // The desktop talks to the proxy, so the proxy's address is the origin the card signs for. Faults
    // hit only the change feed: the sign-in goes through cleanly and its first pull is already faulty.
    proxy = await startFaultProxy({
      target: new URL('http://127.0.0.1:9'),
      seed: SEED,
      faults: {
        dropRate: 0.05,
        resetRate: 0.05,
        truncateRate: 0.05,
        delayRate: 0.3,
        delayMs: [1, 25],
        match: /^GET \/api\/v1\/sync\/changes\?/,
      },
    });
    cleanups.push(() => proxy.close());
    const blobDir = join(dir, 'blobs');
    register = await timed('register start', () =>
      startRegister({
        db: 'pglite:memory',
        host: '127.0.0.1',
        port: 0,
        devSignIn: true,
        production: false,
        blobDir,
        seedDemo: false,
        logLevel: 'warn',
        auth: {
          trustedCaCertificates: [pki.intermediate.certPem],
          origin: proxy.url,
          ocspUrl: ocsp.url,
          ocspTimeoutMs: 2_000,
        },
      }),
    );
    cleanups.push(() => register.close());
    user = (await timed('seed', () => seedBulkCourt(register.db, { cases: CASES }))).president;
    proxy.setTarget(new URL(register.url));

    const dataDir = join(dir, 'desktop');
    services = await createServices({
      registerUrl: proxy.url,
      dataDir,
      host: 'browser',
      version: '9.9.9',
      cardModule: SOFTHSM_MODULE,
    });
    cleanups.push(() => services.close());
    invoke = createInvoker(services.handlers);
  }, 240_000);

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    console.log('sync-faults timings (ms):', timings, 'proxy:', proxy?.stats);
  });

  it('converges to the register’s view of more than 10,000 changes despite drops, delays, resets and truncations', async () => {
    const { cards } = await value<{ cards: Array<{ id: string; personalCode: string }> }>('card:list');
    const card = cards.find((c) => c.personalCode === user.personalCode);
    expect(card, 'the card is in the reader').toBeDefined();
    const session = await value<SessionInfo>('session:signIn', { cardId: card!.id, pin: '1234' });
    expect(session).toMatchObject({ connection: 'online', user: { personalCode: user.personalCode } });

    // sync:now until a pull gets to the end; each failed one resumes from the cursor it reached.
    const errors: string[] = [];
    let status: SyncStatus | null = null;
    let attempts = 0;
    await timed('faulty pull', async () => {
      while (attempts < MAX_ATTEMPTS) {
        attempts += 1;
        status = await value<SyncStatus>('sync:now');
        if (status.lastError === null && status.connectivity === 'online') break;
        errors.push(status.lastError ?? status.connectivity);
        if (attempts === 3) {
          // Changes made while the pull is under way come along too, at their new versions.
          await register.db.exec(
            `UPDATE cases SET subject = subject || ' (muudetud)'
             WHERE id IN (SELECT id FROM cases ORDER BY id LIMIT ${CHANGED_DURING_PULL})`,
          );
        }
      }
    });
    const done = status as SyncStatus | null;
    expect(
      done,
      `converged within ${MAX_ATTEMPTS} attempts; errors: ${errors.slice(-5).join(' | ')}`,
    ).toMatchObject({ connectivity: 'online', lastError: null, progress: null });
    expect(done!.lastSuccessAt).not.toBeNull();
    // The faults really broke pulls, and every failure was reported as the register being unreachable.
    expect(errors.length).toBeGreaterThan(3);
    for (const error of errors) expect(error).toMatch(/cannot be reached|did not answer|terminated/);

    // Each kind of fault happened, on connections that carried several requests.
    const { stats } = proxy;
    expect(stats.drops).toBeGreaterThan(0);
    expect(stats.resets).toBeGreaterThan(0);
    expect(stats.truncations).toBeGreaterThan(0);
    expect(stats.delayedExchanges).toBeGreaterThan(0);
    expect(stats.delayedChunks).toBeGreaterThan(stats.delayedExchanges);
    expect(stats.exchanges).toBeGreaterThan(stats.connections);

    // The register's view for this user, read directly (not through the proxy) with a token of its own.
    const { token } = await devSession(register.url, user.personalCode);
    const view = await timed('register view', () =>
      registerView(createRegisterClient({ baseUrl: register.url }), token, 500),
    );
    expect(view.cases.size).toBeGreaterThanOrEqual(10_000);
    const changed = [...view.cases.values()].filter((c) => c.subject.endsWith(' (muudetud)'));
    expect(changed.length).toBeGreaterThan(CHANGED_DURING_PULL * 0.8);

    // The cache holds exactly those cases (same count, each one present), with the same content.
    expect(done!.cachedCases).toBe(view.cases.size);
    const cached = await timed('cache read', async () => {
      const snapshots: CaseSnapshot[] = [];
      for (const id of view.cases.keys())
        snapshots.push(await value<CaseSnapshot>('cases:get', { caseId: id }));
      return snapshots;
    });
    expect(hashSnapshots(cached)).toBe(hashSnapshots(view.cases.values()));
  }, 240_000);
});

describe('the fault proxy', () => {
  let origin: Server;
  const proxies: FaultProxy[] = [];
  const body = 'x'.repeat(200_000);
  beforeAll(async () => {
    origin = createServer((_req, res) => res.end(body));
    await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const p of proxies) await p.close();
    await new Promise<void>((resolve) => origin.close(() => resolve()));
  });
  const target = () => new URL(`http://127.0.0.1:${(origin.address() as AddressInfo).port}`);
  async function outcomes(faults: Parameters<typeof startFaultProxy>[0]['faults'], n: number) {
    const p = await startFaultProxy({ target: target(), seed: 7, faults });
    proxies.push(p);
    const seen: string[] = [];
    for (let i = 0; i < n; i++) {
      seen.push(
        await fetch(`${p.url}/${i}`)
          .then((r) => r.text())
          .then((t) => (t === body ? 'ok' : `short ${t.length}`))
          .catch(() => 'error'),
      );
    }
    return { seen, stats: { ...p.stats } };
  }

  it('relays keep-alive connections byte for byte when no fault is set', async () => {
    const { seen, stats } = await outcomes({}, 10);
    expect(seen).toEqual(Array(10).fill('ok'));
    expect(stats).toMatchObject({ exchanges: 10, drops: 0, resets: 0, truncations: 0 });
    expect(stats.connections).toBeLessThan(stats.exchanges / 2);
  });

  it('cuts every response it is told to, and a client notices each one', async () => {
    const { seen, stats } = await outcomes({ truncateRate: 0.5, resetRate: 0.5 }, 12);
    expect(seen).toEqual(Array(12).fill('error'));
    expect(stats.truncations + stats.resets).toBe(12);
    expect(stats.truncations).toBeGreaterThan(0);
    expect(stats.resets).toBeGreaterThan(0);
  });

  it('draws the same faults from the same seed', async () => {
    const faults = {
      dropRate: 0.2,
      truncateRate: 0.2,
      resetRate: 0.2,
      delayRate: 0.5,
      delayMs: [0, 5] as const,
    };
    const first = await outcomes(faults, 20);
    const second = await outcomes(faults, 20);
    expect(second).toEqual(first);
    expect(new Set(first.seen)).toEqual(new Set(['ok', 'error']));
  });
});
