// Issue 5: a desktop client in a child process, killed with SIGKILL at random points of sign-in, pull
// and push (CHAMBERS_CRASH_RUNS times, 50 by default). Afterwards no local edit is lost, no mutation is
// applied twice on the register, the cache opens intact, and it holds exactly the register's view for
// the user. Everything is real: a SoftHSM card, `openssl ocsp`, the keychain, a PGlite register.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegisterClient } from '../../../src-main/services/register-client.js';
import { createKeychain } from '../../../src-main/services/keychain.js';
import { cacheFileFor } from '../../../src-main/services/session.js';
import { accountFor, readItem } from '../../../src-main/services/session/keychain-item.js';
import { openCache } from '../../../src-main/services/store/cache.js';
import type { CaseSnapshot } from '../../../src-shared/domain/index.js';
import { type RunningRegister, startRegister } from '../../../src-register/server.js';
import {
  createTestPki,
  issuePersonCertificate,
  refreshResponders,
  startOcspResponder,
  type TestPki,
} from '../../../scripts/testcards/pki.js';
import {
  type CardTokens,
  listTokens,
  prepareSoftHsm,
  type SoftHsm,
  SOFTHSM_MODULE,
  writeCard,
} from '../../../scripts/testcards/softhsm.js';
import type { CrashLine, CrashTask } from '../support/crash-child.js';
import { splitName } from '../support/id-card.js';
import { ensureKeyring } from '../support/keyring.js';
import { devSession, devUsers, registerView, type StaffMember } from '../support/register.js';
import { startTcpGate } from '../support/tcp-gate.js';
import { canonical, mulberry32 } from '../../support/determinism.js';

const RUNS = Number(process.env.CHAMBERS_CRASH_RUNS ?? 50);
const SEED = 0xc4a5_0005;
const ROOT = join(import.meta.dirname, '..', '..', '..');
const CHILD = join(ROOT, 'test', 'main', 'support', 'crash-child.ts');
/** Cases changed on the register before each start, so every start has a pull to do. */
const TOUCHED_PER_RUN = 60;
const EDITED_CASES = 12;

function hashOf(items: Iterable<[string, unknown]>): string {
  const hash = createHash('sha256');
  for (const [id, item] of [...items].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    hash.update(`${id} ${canonical(item)}\n`);
  return hash.digest('hex');
}

/** What one start of the child did, as far as the parent saw before the kill. */
interface RunLog {
  lines: CrashLine[];
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  child: ChildProcess;
  stderr: string[];
  state: { signedIn: boolean; pulls: number; pushes: number; syncing: boolean; ready: Promise<void> };
}

function startChild(task: CrashTask, env: NodeJS.ProcessEnv): RunLog {
  // tsx as a loader in the child's own process (its CLI would put a second process between): the
  // SIGKILL hits the client itself.
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(task)], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: CrashLine[] = [];
  const stderr: string[] = [];
  let readyNow = (): void => undefined;
  const state: RunLog['state'] = {
    signedIn: false,
    pulls: 0,
    pushes: 0,
    syncing: false,
    ready: new Promise<void>((resolve) => (readyNow = resolve)),
  };
  let rest = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    for (const part of parts) {
      if (!part.trim()) continue;
      const line = JSON.parse(part) as CrashLine;
      lines.push(line);
      if (line.t === 'ready') readyNow();
      else if (line.t === 'signedIn') state.signedIn = true;
      else if (line.t === 'syncing') state.syncing = line.on;
      else if (line.t === 'req') state[line.kind === 'pull' ? 'pulls' : 'pushes'] += line.on ? 1 : -1;
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  // A child that fails before it is ready must not leave the parent waiting.
  void exit.then(() => readyNow());
  return { lines, exit, child, stderr, state };
}

/** Resolves when `condition` holds (checked every 2 ms) or after `timeoutMs`. */
async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 2));
}

/** `openssl ocsp` re-reads its index only when its mtime changed by whole seconds (as idCardFixture). */
function responderSeesIndex(pki: TestPki): void {
  const bumped = Math.max(Date.now(), statSync(pki.indexPath).mtimeMs + 2_000) / 1_000;
  utimesSync(pki.indexPath, bumped, bumped);
  refreshResponders(pki);
}

const cleanups: Array<() => Promise<void> | void> = [];
let register: RunningRegister;
let registerUrl: string;
let user: StaffMember;
let dir: string;
let hsmConf: string;
let hsm: SoftHsm;
let cardTokens: CardTokens;
const timings: Record<string, number> = {};

describe('a desktop client killed with SIGKILL during sign-in, pull and push', () => {
  beforeAll(async () => {
    const started = performance.now();
    dir = mkdtempSync(join(tmpdir(), 'chambers-crash-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    cleanups.push(await ensureKeyring());
    const pki = createTestPki(join(dir, 'pki'));
    const ocsp = await startOcspResponder(pki);
    cleanups.push(() => ocsp.stop());
    const gate = await startTcpGate();
    cleanups.push(() => gate.stop());
    register = await startRegister({
      db: 'pglite:memory',
      host: '127.0.0.1',
      port: 0,
      devSignIn: true,
      production: false,
      blobDir: join(dir, 'blobs'),
      seedDemo: true,
      demoCaseCount: 100,
      logLevel: 'warn',
      auth: {
        trustedCaCertificates: [pki.intermediate.certPem],
        origin: gate.url,
        ocspUrl: ocsp.url,
        ocspTimeoutMs: 2_000,
      },
    });
    cleanups.push(() => register.close());
    gate.target = register.url;
    registerUrl = gate.url;
    // The first of the demo staff is the court president, who sees nearly every case.
    user = (await devUsers(register.url))[0]!;
    const { surname, given } = splitName(user.name);
    const person = { surname, given, personalCode: user.personalCode };
    hsm = prepareSoftHsm(join(dir, 'softhsm'));
    hsmConf = hsm.confPath;
    cardTokens = writeCard(hsm, {
      holder: `${surname},${given}`,
      pin1: '1234',
      pin2: '12345',
      authentication: issuePersonCertificate(pki, { ...person, kind: 'authentication' }),
      signing: issuePersonCertificate(pki, { ...person, kind: 'signing' }),
    });
    responderSeesIndex(pki);
    cpSync(hsm.tokenDir, join(dir, 'tokens-as-issued'), { recursive: true });
    timings.setup = Math.round(performance.now() - started);
  }, 180_000);

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it(`loses no edit, applies no mutation twice and ends with the register's view after ${RUNS} kills`, async () => {
    const { token } = await devSession(register.url, user.personalCode);
    const direct = createRegisterClient({ baseUrl: register.url });
    const caseIds = [...(await registerView(direct, token)).cases.keys()].slice(0, EDITED_CASES);
    expect(caseIds).toHaveLength(EDITED_CASES);
    const dataDir = join(dir, 'desktop');
    const env = { ...process.env, SOFTHSM2_CONF: hsmConf };
    const random = mulberry32(SEED);
    const task = (mode: CrashTask['mode'], run: number): CrashTask => ({
      mode,
      registerUrl,
      dataDir,
      cardModule: SOFTHSM_MODULE,
      personalCode: user.personalCode,
      pin: '1234',
      caseIds,
      run,
      seed: Math.floor(random() * 2 ** 32),
    });

    /** Every edit in the order the child made them: tried (maybe committed) and confirmed committed. */
    const edits: Array<{ caseId: string; text: string; confirmed: boolean }> = [];
    const phases = { 'sign-in': 0, pull: 0, push: 0, 'local edits': 0 };
    const unexpected: string[] = [];
    const cardsDamaged: string[] = [];
    const killsStarted = performance.now();
    for (let run = 1; run <= RUNS; run++) {
      // The register changes between starts: each start has cases to pull.
      await register.db.exec(
        `UPDATE cases SET subject = regexp_replace(subject, ' \\[r[0-9]+\\]$', '') || ' [r${run}]'
         WHERE id IN (SELECT id FROM cases ORDER BY md5(id::text || '${run}') LIMIT ${TOUCHED_PER_RUN})`,
      );
      const log = startChild(task('work', run), env);
      await log.state.ready;
      const { state } = log;
      // Most kills land at a random time; every fourth run waits for a pull request in flight and
      // every fourth (shifted) for a push, so both are cut mid-request whatever the machine's speed.
      const target = run % 4 === 2 ? 'pulls' : run % 4 === 3 ? 'pushes' : null;
      if (target) await until(() => state[target] > 0 || log.child.exitCode !== null, 10_000);
      // And every fourth run is cut early, inside the card sign-in.
      const delay = target ? random() * 20 : run % 4 === 0 ? 20 + random() * 150 : 50 + random() * 2_450;
      await new Promise((resolve) => setTimeout(resolve, delay));
      // What the kill cut: a request in flight first (the first pull runs inside sign-in).
      if (state.pulls > 0) phases.pull++;
      else if (state.pushes > 0) phases.push++;
      else if (!state.signedIn) phases['sign-in']++;
      else if (state.syncing) phases.pull++;
      else phases['local edits']++;
      log.child.kill('SIGKILL');
      const { signal } = await log.exit;
      if (process.env.CHAMBERS_CRASH_DEBUG)
        console.log(`run ${run}: ${log.lines.length} lines, state ${JSON.stringify(state)}`);
      // A kill inside SoftHSM can leave its token files half written (a test card, not a real one):
      // noted, and the card put back as issued so the next start can sign in.
      const labels = listTokens(hsm).map((t) => t.label);
      if (!labels.includes(cardTokens.pin1Label) || !labels.includes(cardTokens.pin2Label)) {
        const files = readdirSync(hsm.tokenDir, { recursive: true, encoding: 'utf8' });
        cardsDamaged.push(
          `run ${run}: ${files.map((f) => `${f}=${statSync(join(hsm.tokenDir, f)).size}`).join(' ')}`,
        );
        rmSync(hsm.tokenDir, { recursive: true, force: true });
        cpSync(join(dir, 'tokens-as-issued'), hsm.tokenDir, { recursive: true });
      }
      if (signal !== 'SIGKILL') unexpected.push(`run ${run}: ended before the kill: ${log.stderr.join('')}`);
      for (const line of log.lines) {
        if (line.t === 'try') edits.push({ caseId: line.caseId, text: line.text, confirmed: false });
        else if (line.t === 'edit') edits.at(-1)!.confirmed = true;
        else if (line.t === 'error') unexpected.push(`run ${run}: ${line.message}`);
      }
    }
    timings.kills = Math.round(performance.now() - killsStarted);
    expect(unexpected).toEqual([]);

    // The cache survived every kill: it opens with the key from the keychain and is intact.
    const item = await readItem(createKeychain(), accountFor(new URL(registerUrl).origin, user.personalCode));
    expect(item, 'the keychain holds the cache key').not.toBeNull();
    const cacheFile = cacheFileFor(dataDir, user.personalCode);
    const afterKills = openCache(cacheFile, { key: item!.cacheKey });
    expect(afterKills.pragma('integrity_check', { simple: true })).toBe('ok');
    // Every confirmed edit is in the cache: the last one tried of each case is the note's text.
    for (const caseId of caseIds) {
      const mine = edits.filter((e) => e.caseId === caseId);
      const last = mine.findLastIndex((e) => e.confirmed);
      if (last < 0) continue;
      const note = afterKills.prepare('SELECT text FROM notes WHERE case_id = ?').pluck().get(caseId);
      expect(
        mine.slice(last).map((e) => e.text),
        `the local note of ${caseId}`,
      ).toContain(note);
    }
    afterKills.close();

    // One clean run syncs everything and exits normally.
    const final = startChild(task('final', RUNS + 1), env);
    const stuck = setTimeout(() => final.child.kill('SIGKILL'), 120_000);
    const finalExit = await final.exit;
    clearTimeout(stuck);
    const report = final.lines.find((line) => line.t === 'final');
    expect(finalExit, final.stderr.join('') + JSON.stringify(final.lines.slice(-3))).toEqual({
      code: 0,
      signal: null,
    });
    expect(report).toMatchObject({ status: { pending: 0, failed: 0, conflicts: 0, lastError: null } });

    // No edit lost: the register holds, per case, the last confirmed edit or a later one that was
    // committed just before a kill (tried, not yet confirmed).
    const registerNotes = new Map<string, { text: string; version: number }>();
    for (let cursor = '0'; ;) {
      const page = await direct.syncPullAll(token, { cursor, limit: 500 });
      for (const change of page.changes)
        if (change.kind === 'case-note') registerNotes.set(change.note.caseId, change.note);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    for (const caseId of caseIds) {
      const mine = edits.filter((e) => e.caseId === caseId);
      const last = mine.findLastIndex((e) => e.confirmed);
      if (last < 0) continue;
      expect(
        mine.slice(last).map((e) => e.text),
        `the register's note of ${caseId}`,
      ).toContain(registerNotes.get(caseId)?.text);
    }

    // No mutation applied twice: one stored result and one audit entry per applied id, and no text
    // written twice (each edit's text is unique).
    const applied = await register.db.query<{ id: string; text: string }>(
      `SELECT id, result->'record'->'note'->>'text' AS text FROM sync_mutations
       WHERE status = 'applied' AND kind = 'case.note.put'`,
    );
    const audited = await register.db.query<{ id: string; n: number }>(
      `SELECT details->>'mutationId' AS id, count(*)::int AS n FROM audit_log
       WHERE action = 'case-note.put' GROUP BY 1`,
    );
    expect(audited.filter((a) => a.n !== 1)).toEqual([]);
    expect(new Set(audited.map((a) => a.id.toLowerCase()))).toEqual(
      new Set(applied.map((a) => a.id.toLowerCase())),
    );
    expect(new Set(applied.map((a) => a.text)).size).toBe(applied.length);
    expect(applied.length).toBeGreaterThan(0);
    expect(applied.length).toBeLessThanOrEqual(edits.length);
    const conflicted = await register.db.query(`SELECT id FROM sync_mutations WHERE status <> 'applied'`);
    expect(conflicted, 'one client meets no conflict and no refusal').toEqual([]);

    // The cache equals the register's view for the user: cases and notes, by content hash.
    const view = await registerView(direct, token);
    const cache = openCache(cacheFile, { key: item!.cacheKey });
    try {
      expect(cache.pragma('integrity_check', { simple: true })).toBe('ok');
      const cached = cache.prepare('SELECT id, snapshot FROM cases').all() as Array<{
        id: string;
        snapshot: string;
      }>;
      expect(cached.length).toBe(view.cases.size);
      expect(hashOf(cached.map((c) => [c.id, JSON.parse(c.snapshot) as CaseSnapshot]))).toBe(
        hashOf(view.cases.entries()),
      );
      const notes = cache.prepare('SELECT case_id, text, base_version FROM notes').all() as Array<{
        case_id: string;
        text: string;
        base_version: number | null;
      }>;
      expect(hashOf(notes.map((n) => [n.case_id, { text: n.text, version: n.base_version }]))).toBe(
        hashOf([...registerNotes].map(([id, n]) => [id, { text: n.text, version: n.version }])),
      );
      expect(cache.prepare(`SELECT count(*) FROM outbox WHERE state <> 'done'`).pluck().get()).toBe(0);
    } finally {
      cache.close();
    }

    const confirmed = edits.filter((e) => e.confirmed).length;
    console.log(
      `crash test: ${RUNS} kills, ${confirmed} edits confirmed (${edits.length - confirmed} cut short), ` +
        `${applied.length} mutations applied; kills during ${JSON.stringify(phases)}; timings (ms) ${JSON.stringify(timings)}; SoftHSM tokens damaged by a kill: ${cardsDamaged.length}`,
      ...cardsDamaged,
    );
    if (RUNS >= 30) {
      // The kills really hit each phase.
      expect(phases['sign-in']).toBeGreaterThan(0);
      expect(phases.pull).toBeGreaterThan(0);
      expect(phases.push).toBeGreaterThan(0);
    }
  }, 600_000);
});
