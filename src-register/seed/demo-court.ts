import type { BlobStore } from '../blobs/blob-store.js';
import type { Db } from '../db/index.js';
import { SYSTEM_ACTOR, writeAudit } from '../domain/audit.js';
import { seedDemoAllocation } from './demo-allocation.js';
import { type PlannedCase, planCases } from './demo-cases.js';
import { planExpertOpinion } from './demo-documents.js';
import { DEMO_SEED, type DemoStaff, makeDemoStaff } from './demo-people.js';
import { insertDemo } from './demo-insert.js';
import { Prng } from './prng.js';
import { addDays, startOfUtcDay, tallinnTime, workingDay } from './demo-time.js';
import { makeScannedPdf } from './scanned-pdf.js';

export const DEMO_COURT = { code: 'HMK', name: 'Harju Maakohus', level: 1, ecliCode: 'HMK' } as const;
export const DEFAULT_DEMO_CASES = 200;
/** Several register processes may start together on one new database: only one seeds it. */
const SEED_LOCK_KEY = 4_610_003;
// Drawing is on the main thread, JPEG encoding off it: two documents in flight keep two cores busy.
const PDFS_IN_FLIGHT = 2;

export interface DemoSeedOptions {
  caseCount?: number;
  /**
   * Gives one of Triin Lepik's cases the 500-page expert opinion (about 40 MB, seconds to make).
   * On for the demo a person starts (`npm start`, `npm run register`) and the end-to-end tests; off by
   * default, so the many small registers of the unit tests stay quick.
   */
  expertOpinion?: boolean;
  /** Hearings fall in the 14 days after this; defaults to the current time. */
  now?: Date;
}

export interface DemoSeedSummary {
  seeded: boolean;
  courts: number;
  users: number;
  cases: number;
  parties: number;
  hearings: number;
  documents: number;
  pages: number;
  steps: number;
  blobBytes: number;
}

const NOTHING: DemoSeedSummary = {
  seeded: false,
  courts: 0,
  users: 0,
  cases: 0,
  parties: 0,
  hearings: 0,
  documents: 0,
  pages: 0,
  steps: 0,
  blobBytes: 0,
};

/** The demo judge who signs in with PIN 1234 (scripts/testcards); her case has the long expert opinion. */
export const EXPERT_OPINION_JUDGE = 'Triin Lepik';
/** The secretary of that case's next hearing, the next working day at 09:30 (mission journey 3). */
export const JOURNEY_SECRETARY = 'Maarja Sepp';

/**
 * Gives the first open, undecided case of Triin Lepik (in registration order) a 500-page expert
 * opinion, drawn from its own Prng so the rest of the demo stays as it was, and moves its first
 * hearing to the next working day at 09:30 with Maarja Sepp as its secretary: the judge and the
 * secretary who have test cards meet in one public hearing. Returns that case.
 */
export function addExpertOpinion(cases: PlannedCase[], staff: DemoStaff, now: Date): PlannedCase | null {
  const judge = staff.users.find((u) => u.name === EXPERT_OPINION_JUDGE);
  const target = cases.find(
    (c) =>
      c.judgeId === judge?.id &&
      c.restriction === 'none' &&
      (c.status === 'registered' || c.status === 'in_progress'),
  );
  if (!target) return null;
  target.documents.push(planExpertOpinion(new Prng(DEMO_SEED + 500), target, now));
  const secretary = staff.users.find((u) => u.name === JOURNEY_SECRETARY);
  if (secretary) {
    const startsAt = tallinnTime(workingDay(addDays(startOfUtcDay(now), 1)), 9, 30);
    const hearing = target.hearings[0];
    if (hearing) Object.assign(hearing, { startsAt, secretaryId: secretary.id, public: true });
    else
      target.hearings.push({
        id: new Prng(DEMO_SEED + 501).uuid(),
        startsAt,
        room: 'Saal 215',
        public: true,
        kind: 'main',
        judgeIds: [target.judgeId],
        secretaryId: secretary.id,
      });
  }
  return target;
}

async function courtsEmpty(db: Db): Promise<boolean> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM courts');
  return row?.n === 0;
}

async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Seeds the demo court (Harju Maakohus) on first start: staff, cases with parties, steps, hearings in
 * the coming days and scanned-looking PDFs. Does nothing when any court exists. Deterministic apart
 * from dates that follow `now`.
 */
export async function seedDemoCourt(
  db: Db,
  blobs: BlobStore,
  options: DemoSeedOptions = {},
): Promise<DemoSeedSummary> {
  if (!(await courtsEmpty(db))) return NOTHING;
  const now = options.now ?? new Date();
  const rng = new Prng(DEMO_SEED);
  const takenCodes = new Set<string>();
  const staff = makeDemoStaff(rng, takenCodes);
  const { cases, counters } = planCases({
    rng,
    caseCount: options.caseCount ?? DEFAULT_DEMO_CASES,
    now,
    staff,
    takenCodes,
  });
  if (options.expertOpinion) addExpertOpinion(cases, staff, now);

  // Files first, outside the transaction: the blob store is content-addressed, so a losing racer's
  // files are the same files.
  const documents = cases.flatMap((c) => c.documents);
  const stored = await mapLimited(documents, PDFS_IN_FLIGHT, async (doc) =>
    blobs.put(
      await makeScannedPdf({ title: doc.title, lines: doc.lines, pages: doc.pages, seed: doc.pdfSeed }),
    ),
  );
  const files = new Map(documents.map((doc, i) => [doc.id, stored[i]!]));

  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    if (!(await courtsEmpty(tx))) return NOTHING;
    await insertDemo(tx, { court: DEMO_COURT, staff, cases, counters, files });
    await seedDemoAllocation(tx, DEMO_COURT.code, staff);
    const summary: DemoSeedSummary = {
      seeded: true,
      courts: 1,
      users: staff.users.length,
      cases: cases.length,
      parties: cases.reduce((n, c) => n + c.parties.length, 0),
      hearings: cases.reduce((n, c) => n + c.hearings.length, 0),
      documents: documents.length,
      pages: documents.reduce((n, d) => n + d.pages, 0),
      steps: cases.reduce((n, c) => n + c.steps.length, 0),
      blobBytes: stored.reduce((n, s) => n + s.size, 0),
    };
    await writeAudit(tx, {
      actor: SYSTEM_ACTOR,
      action: 'seed.demo-court',
      objectType: 'court',
      objectId: DEMO_COURT.code,
      details: { ...summary },
    });
    return summary;
  });
}
