// Hearing minutes (issue 9): a 2-hour hearing with 2,000 timeline entries typed at a secretary's
// pace, replayed compressed in time through the same `minutes:apply` handler the host uses, on a
// real encrypted (SQLCipher, WAL) cache. The renderer sends at most every 200 ms, so a keystroke
// waits for the next send; the figure is keystroke → durable on disk, that wait included. Peers in
// the same run: the same batches with the cache's default synchronous = NORMAL (survives a killed
// process, not a power cut), and a plain append + fsync journal file (the floor for power-cut
// durability).
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMinutesOps } from '../../src-main/services/minutes/apply.js';
import { createMinutesHandlers } from '../../src-main/services/minutes/index.js';
import type { Filing, FilingService } from '../../src-main/services/filing-types.js';
import { type CacheDb, openCache } from '../../src-main/services/store/cache.js';
import { applySyncPage } from '../../src-main/services/store/case-store.js';
import { enqueue } from '../../src-shared/domain/minutes-ops.js';
import { Prng } from '../../src-register/seed/prng.js';
import type { MinutesOp } from '../../src-shared/contract/minutes.js';
import type { CaseSnapshot, SessionUser } from '../../src-shared/domain/index.js';
import { percentile } from '../lib/measure.js';
import type { BenchReport } from '../lib/types.js';

export const name = 'minutes';
export const description =
  'hearing minutes: keystroke → durable on disk (p50/p99/max) over a 2-hour hearing with 2,000 entries, 200 ms batching included; vs synchronous=NORMAL and append+fsync';

const HEARING_MS = 2 * 60 * 60 * 1000;
const ENTRIES = 2_000;
/** The renderer sends pending changes at most this often. */
const BATCH_MS = 200;
/** A secretary types about 5 characters a second, in bursts. */
const CHARS_PER_SECOND = 5;
const KINDS = [
  'statement',
  'question',
  'answer',
  'statement',
  'note',
  'application',
  'ruling',
  'evidence',
] as const;
const SPEAKERS = ['judge:judge-1', 'party:p-1', 'representative:p-1', 'party:p-2'];
const KEY = 'bench-minutes-key';

const SECRETARY: SessionUser = {
  id: 'secretary-1',
  name: 'Maarja Sepp',
  personalCode: '49001010000',
  roles: [{ role: 'court_session_secretary', courtCode: 'HMK', observerScope: null }],
};

function seed(cache: CacheDb): void {
  const snapshot: CaseSnapshot = {
    id: 'case-1',
    number: '2-25-7',
    procedureType: 'civil',
    court: { code: 'HMK', name: 'Harju Maakohus' },
    status: 'in_progress',
    subject: 'Võlanõue',
    category: null,
    claimValueCents: null,
    restriction: 'none',
    registeredAt: '2025-01-10T10:00:00+02:00',
    judge: { id: 'judge-1', name: 'Mari Maasikas' },
    parties: [
      {
        id: 'p-1',
        kind: 'natural',
        name: 'Kalle Kask',
        code: null,
        role: 'plaintiff',
        representative: 'Anu Aas',
      },
      { id: 'p-2', kind: 'legal', name: 'OÜ Puit', code: null, role: 'defendant', representative: null },
    ],
    hearings: [
      {
        id: 'hearing-1',
        startsAt: '2026-12-01T09:30:00+02:00',
        room: 'saal 215',
        public: true,
        kind: 'main',
        judges: [{ id: 'judge-1', name: 'Mari Maasikas' }],
        secretary: { id: SECRETARY.id, name: SECRETARY.name },
      },
    ],
    documents: [],
    steps: [],
    version: 1,
  };
  applySyncPage(cache, [{ kind: 'case', case: snapshot }], '1');
}

/** A keystroke at virtual time `at` (ms into the hearing) leaving the entry with `text`. */
interface Keystroke {
  at: number;
  entryId: string;
  ops: MinutesOp[];
}

/** The hearing as typed: each entry is started (kind, speaker), then typed a character at a time. */
function script(): Keystroke[] {
  const prng = new Prng(0x9_2026);
  const random = () => prng.next();
  const keys: Keystroke[] = [];
  const slot = HEARING_MS / ENTRIES;
  const words = 'hageja kostja leiab et leping lõpetati ja raha jäi maksmata tunnistaja kinnitas arve'.split(
    ' ',
  );
  for (let e = 0; e < ENTRIES; e++) {
    const entryId = `e${e}`;
    let at = e * slot + random() * 300;
    const kind = KINDS[Math.floor(random() * KINDS.length)]!;
    const start = new Date(Date.parse('2026-12-01T07:31:00Z') + at).toISOString();
    keys.push({
      at,
      entryId,
      ops: [
        {
          op: 'entry.add',
          entry: { id: entryId, kind, at: start, speakerId: SPEAKERS[e % SPEAKERS.length]! },
        },
      ],
    });
    // About half of the slot is spent typing; the rest is listening.
    const chars = Math.max(3, Math.round((slot / 1000) * 0.5 * CHARS_PER_SECOND * (0.5 + random())));
    let text = '';
    while (text.length < chars) text += `${words[Math.floor(random() * words.length)]} `;
    for (let c = 1; c <= chars; c++) {
      at += (1000 / CHARS_PER_SECOND) * (0.4 + random() * 1.2);
      keys.push({
        at,
        entryId,
        ops: [{ op: 'entry.update', id: entryId, patch: { text: text.slice(0, c) } }],
      });
    }
  }
  return keys.sort((a, b) => a.at - b.at);
}

/**
 * The renderer's batches: a send at most every BATCH_MS, its ops queued with the renderer's own
 * `enqueue` (keystrokes into the entry just added or edited fold into that op).
 */
function batches(keys: Keystroke[]): Array<{ sendAt: number; keys: Keystroke[]; ops: MinutesOp[] }> {
  const out: Array<{ sendAt: number; keys: Keystroke[]; ops: MinutesOp[] }> = [];
  let lastSend = -Infinity;
  let i = 0;
  while (i < keys.length) {
    const sendAt = Math.max(keys[i]!.at, lastSend + BATCH_MS);
    const group: Keystroke[] = [];
    while (i < keys.length && keys[i]!.at <= sendAt) group.push(keys[i++]!);
    const ops: MinutesOp[] = [];
    for (const key of group) for (const op of key.ops) enqueue(ops, op);
    out.push({ sendAt, keys: group, ops });
    lastSend = sendAt;
  }
  return out;
}

interface Variant {
  label: string;
  /** Per keystroke: wait for the send + queue + commit, ms. */
  keystroke: number[];
  /** Per batch: the commit alone, ms. */
  commit: number[];
}

type Commit = (ops: MinutesOp[]) => void;

function replay(label: string, plan: ReturnType<typeof batches>, commit: Commit): Variant {
  const began = performance.now();
  const keystroke: number[] = [];
  const commits: number[] = [];
  let busyUntil = 0;
  for (const batch of plan) {
    const started = performance.now();
    commit(batch.ops);
    const took = performance.now() - started;
    commits.push(took);
    // The send waits for the one before it to be answered.
    const done = Math.max(batch.sendAt, busyUntil) + took;
    busyUntil = done;
    for (const key of batch.keys) keystroke.push(done - key.at);
  }
  console.log(`${label}: ${((performance.now() - began) / 1000).toFixed(1)} s`);
  return { label, keystroke, commit: commits };
}

export async function run(): Promise<BenchReport> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-minutes-'));
  const noFiling: FilingService = {
    file: (): Filing => {
      throw new Error('not here');
    },
    get: () => null,
  };
  try {
    const plan = batches(script());
    const keystrokes = plan.reduce((n, b) => n + b.keys.length, 0);
    console.log(`${keystrokes} keystrokes in ${plan.length} batches over a simulated 2-hour hearing`);

    const open = async (file: string) => {
      const cache = openCache(join(dir, file), { key: KEY });
      seed(cache);
      const handlers = createMinutesHandlers({
        session: { require: () => ({ cache, user: SECRETARY }) },
        filing: noFiling,
        events: { emit: () => undefined },
      });
      const { id } = await handlers['minutes:open']({ hearingId: 'hearing-1' });
      return { cache, handlers, id };
    };

    // Ours: through the handler, as the host runs it (synchronous = FULL per minutes commit).
    const ours = await open('ours.db');
    const pending: Array<Promise<unknown>> = [];
    const oursVariant = replay('ours: minutes:apply, WAL fsync per commit', plan, (ops) => {
      // The handler's work is synchronous (better-sqlite3); awaiting it would only add a microtask.
      pending.push(ours.handlers['minutes:apply']({ minutesId: ours.id, ops }));
    });
    await Promise.all(pending);
    const stored = ours.cache.prepare('SELECT count(*) FROM minutes_entries').pluck().get() as number;
    if (stored !== ENTRIES) throw new Error(`expected ${ENTRIES} entries, found ${stored}`);
    ours.cache.close();

    const normal = await open('normal.db');
    const normalVariant = replay('peer: same ops, synchronous = NORMAL', plan, (ops) => {
      applyMinutesOps(normal.cache, normal.id, ops, { now: new Date(), durability: 'process-kill' });
    });
    normal.cache.close();

    const fd = openSync(join(dir, 'journal.ndjson'), 'a');
    const appendVariant = replay('peer: append + fsync a journal file', plan, (ops) => {
      writeSync(fd, `${JSON.stringify(ops)}\n`);
      fsyncSync(fd);
    });
    closeSync(fd);

    return report([oursVariant, normalVariant, appendVariant], keystrokes, plan.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (x: number) => Number(x.toFixed(2));

function report(variants: Variant[], keystrokes: number, batchCount: number): BenchReport {
  const rows = variants.flatMap((v) => [
    [
      `${v.label} — keystroke → durable`,
      fmt(percentile(v.keystroke, 50)),
      fmt(percentile(v.keystroke, 99)),
      fmt(Math.max(...v.keystroke)),
    ],
    [
      `${v.label} — commit only`,
      fmt(percentile(v.commit, 50)),
      fmt(percentile(v.commit, 99)),
      fmt(Math.max(...v.commit)),
    ],
  ]);
  const [ours, normal, append] = variants as [Variant, Variant, Variant];
  const ratio = (a: number[], b: number[], p: number) =>
    fmt(percentile(a, p) / Math.max(percentile(b, p), 1e-3));
  return {
    columns: ['ms', 'p50', 'p99', 'max'],
    rows,
    result: {
      entries: ENTRIES,
      keystrokes,
      batches: batchCount,
      p50_ms: fmt(percentile(ours.keystroke, 50)),
      p99_ms: fmt(percentile(ours.keystroke, 99)),
      max_ms: fmt(Math.max(...ours.keystroke)),
      commit_p50_ms: fmt(percentile(ours.commit, 50)),
      commit_p99_ms: fmt(percentile(ours.commit, 99)),
      normal_commit_p50_ms: fmt(percentile(normal.commit, 50)),
      append_commit_p50_ms: fmt(percentile(append.commit, 50)),
      ratio_commit_p50_vs_normal: ratio(ours.commit, normal.commit, 50),
      ratio_commit_p99_vs_normal: ratio(ours.commit, normal.commit, 99),
      ratio_commit_p50_vs_append: ratio(ours.commit, append.commit, 50),
      ratio_keystroke_p99_vs_normal: ratio(ours.keystroke, normal.keystroke, 99),
    },
  };
}
