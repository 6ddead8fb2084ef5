// A large demo court written straight into a register's database, for tests and benchmarks that need
// thousands of cases in seconds: no scanned PDFs or hearings, and as many procedural steps per case as
// asked (the register's own plan first, then plausible follow-up entries).
import type { Db } from '../../src-register/db/index.js';
import { seedDemoAllocation } from '../../src-register/seed/demo-allocation.js';
import { planCases } from '../../src-register/seed/demo-cases.js';
import { DEMO_COURT } from '../../src-register/seed/demo-court.js';
import { insertDemo } from '../../src-register/seed/demo-insert.js';
import {
  DEMO_SEED,
  type DemoStaff,
  type DemoUser,
  makeDemoStaff,
} from '../../src-register/seed/demo-people.js';
import type { PlannedStep } from '../../src-register/seed/demo-steps.js';
import { Prng } from '../../src-register/seed/prng.js';

export interface BulkCourtOptions {
  cases: number;
  /**
   * Procedural steps of every case: 0 (the default) writes none; N > 0 writes exactly N, the
   * register's planned steps (registration, assignment, …) first, then follow-up entries.
   */
  stepsPerCase?: number;
  /** Seed of the plan; the same seed gives the same cases, parties and steps. */
  seed?: number;
}

export interface BulkCourt {
  /** The court president sees every case but the adoption cases. */
  president: DemoUser;
  staff: DemoStaff;
  cases: number;
  steps: number;
}

/** Rows whose triggers touch their case: off while seeding, so each case gets one change at the end. */
const TOUCHING = ['parties', 'case_judges', 'case_staff', 'procedural_steps'] as const;

const FOLLOW_UPS: ReadonlyArray<readonly [kind: string, description: string]> = [
  ['document_filed', 'Menetlusosaliselt saabus menetlusdokument.'],
  ['document_sent', 'Menetlusdokument saadeti menetlusosalistele e-toimiku kaudu.'],
  ['deadline_set', 'Kohus määras vastuse esitamise tähtaja.'],
  ['response_received', 'Vastustajalt saabus vastus hagile.'],
  ['motion_filed', 'Menetlusosaline esitas taotluse menetlustähtaja pikendamiseks.'],
  ['motion_decided', 'Kohus rahuldas taotluse määrusega.'],
  ['evidence_filed', 'Esitati täiendavaid tõendeid.'],
  ['summons_served', 'Kohtukutse toimetati kätte.'],
  ['fee_paid', 'Riigilõiv tasuti.'],
  ['representative_changed', 'Menetlusosalise esindaja vahetus.'],
];

const HOUR = 3_600_000;

/** Pads a case's planned steps with follow-up entries (hours apart, never after `now`) up to `count`. */
function padSteps(
  rng: Prng,
  planned: readonly PlannedStep[],
  count: number,
  enteredBy: readonly string[],
  now: Date,
): PlannedStep[] {
  const steps = planned.slice(0, count);
  let at = steps.at(-1)?.occurredAt.getTime() ?? now.getTime() - 400 * 24 * HOUR;
  const latest = now.getTime() - HOUR;
  while (steps.length < count) {
    const [kind, description] = rng.pick(FOLLOW_UPS);
    at = Math.min(at + rng.int(1, 72) * HOUR, latest);
    const occurredAt = new Date(at);
    const enteredAt = new Date(Math.min(at + rng.int(0, 30) * 60_000, latest));
    steps.push({ id: rng.uuid(), kind, occurredAt, enteredAt, enteredBy: rng.pick(enteredBy), description });
  }
  return steps;
}

/**
 * Seeds the demo court with `cases` cases into an empty, migrated register database. The rows inside a
 * case are written with their touch triggers off, then every case is touched once, so each case has
 * exactly one change in the feed, recorded with its final judges, staff and steps.
 */
export async function seedBulkCourt(db: Db, options: BulkCourtOptions): Promise<BulkCourt> {
  const stepsPerCase = options.stepsPerCase ?? 0;
  if (!Number.isInteger(stepsPerCase) || stepsPerCase < 0)
    throw new Error('stepsPerCase: a whole number ≥ 0');
  const rng = new Prng(options.seed ?? DEMO_SEED);
  const taken = new Set<string>();
  const staff = makeDemoStaff(rng, taken);
  const now = new Date();
  const { cases, counters } = planCases({ rng, caseCount: options.cases, now, staff, takenCodes: taken });
  const clerks = staff.chancery.map((u) => u.id);
  const bare = cases.map((c) => ({
    ...c,
    documents: [],
    hearings: [],
    steps: stepsPerCase === 0 ? [] : padSteps(rng, c.steps, stepsPerCase, [...clerks, c.judgeId], now),
  }));
  await db.transaction(async (tx) => {
    for (const table of TOUCHING) await tx.exec(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_touch_case`);
    await insertDemo(tx, { court: DEMO_COURT, staff, cases: bare, counters, files: new Map() });
    await seedDemoAllocation(tx, DEMO_COURT.code, staff);
    for (const table of TOUCHING) await tx.exec(`ALTER TABLE ${table} ENABLE TRIGGER ${table}_touch_case`);
    await tx.exec('UPDATE cases SET updated_at = now()');
  });
  return { president: staff.president, staff, cases: bare.length, steps: bare.length * stepsPerCase };
}
