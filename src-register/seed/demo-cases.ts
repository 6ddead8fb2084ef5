import {
  type CaseRestriction,
  type CaseStatus,
  type ProcedureType,
  formatCaseNumber,
} from '../../src-shared/domain/index.js';
import { ROOMS } from './demo-names.js';
import { type PlannedParty, planParties } from './demo-parties.js';
import { type PlannedDocument, planDocuments } from './demo-documents.js';
import type { DemoStaff } from './demo-people.js';
import { ADOPTION_SUBJECT, CLOSED_SUBJECTS, SUBJECTS } from './demo-subjects.js';
import { addDays, startOfUtcDay, tallinnTime, workingDay } from './demo-time.js';
import type { Prng } from './prng.js';
import { planSteps, type PlannedStep } from './demo-steps.js';

export interface PlannedHearing {
  id: string;
  startsAt: Date;
  room: string;
  public: boolean;
  kind: string;
  judgeIds: string[];
  secretaryId: string;
}

export interface PlannedCase {
  id: string;
  number: string;
  procedureType: ProcedureType;
  status: CaseStatus;
  subject: string;
  category: string;
  claimValueCents: number | null;
  restriction: CaseRestriction;
  registeredAt: Date;
  judgeId: string;
  parties: PlannedParty[];
  hearings: PlannedHearing[];
  documents: PlannedDocument[];
  steps: PlannedStep[];
}

export interface PlanOptions {
  rng: Prng;
  caseCount: number;
  now: Date;
  staff: DemoStaff;
  takenCodes: Set<string>;
}

// Every type appears even in a small demo; after that, a county court's mix.
const FIRST_TYPES: ProcedureType[] = [
  'civil',
  'criminal',
  'misdemeanour',
  'administrative',
  'constitutional',
];
const TYPE_WEIGHTS = [
  ['civil', 45],
  ['criminal', 32],
  ['misdemeanour', 12],
  ['administrative', 7],
  ['constitutional', 4],
] as const;
const STATUS_WEIGHTS = [
  ['registered', 12],
  ['in_progress', 50],
  ['suspended', 5],
  ['decided', 22],
  ['closed', 11],
] as const;
const REGISTRATION_FROM = Date.UTC(2025, 0, 2);
const REGISTRATION_TO = Date.UTC(2026, 9, 31);
const DAY_MS = 86_400_000;
const HEARING_SLOTS = [
  [9, 0],
  [9, 30],
  [10, 0],
  [11, 0],
  [13, 0],
  [13, 30],
  [14, 0],
  [15, 0],
] as const;

function restrictionOf(index: number): CaseRestriction {
  if (index % 29 === 3) return 'closed';
  if (index % 50 === 11) return 'adoption';
  return 'none';
}

function procedureTypeOf(rng: Prng, index: number, restriction: CaseRestriction): ProcedureType {
  if (restriction === 'adoption') return 'civil';
  if (restriction === 'closed') return rng.chance(0.7) ? 'criminal' : 'civil';
  return FIRST_TYPES[index] ?? rng.weighted(TYPE_WEIGHTS);
}

function planHearings(
  rng: Prng,
  c: { judgeId: string; restriction: CaseRestriction },
  staff: DemoStaff,
  now: Date,
): PlannedHearing[] {
  const count = rng.chance(0.1) ? 2 : 1;
  const today = startOfUtcDay(now);
  return Array.from({ length: count }, () => {
    const day = workingDay(addDays(today, rng.int(1, 12)));
    const [hour, minute] = rng.pick(HEARING_SLOTS);
    return {
      id: rng.uuid(),
      startsAt: tallinnTime(day, hour, minute),
      room: rng.pick(ROOMS),
      public: c.restriction === 'none' && rng.chance(0.9),
      kind: rng.weighted([
        ['main', 6],
        ['preliminary', 3],
        ['pronouncement', 1],
      ] as const),
      judgeIds: [c.judgeId],
      secretaryId: rng.pick(staff.secretaries).id,
    };
  }).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** The demo's cases, numbered `T-YY-N` in registration order per type and year, and the counters that follow. */
export function planCases(opts: PlanOptions): {
  cases: PlannedCase[];
  counters: { procedureType: ProcedureType; year: number; next: number }[];
} {
  const { rng, staff, now } = opts;
  const reservedNames = new Set(staff.users.map((u) => u.name));
  // Registered in 2025 and 2026, but never later than a few days before `now`.
  const registrationTo = Math.max(
    REGISTRATION_FROM + DAY_MS,
    Math.min(REGISTRATION_TO, now.getTime() - 3 * DAY_MS),
  );
  const judgeWeights = staff.judges.map((j) => [j, j === staff.president ? 0.5 : 1] as const);
  const drafts = Array.from({ length: opts.caseCount }, (_, index) => {
    const restriction = restrictionOf(index);
    const procedureType = procedureTypeOf(rng, index, restriction);
    const template =
      restriction === 'adoption'
        ? ADOPTION_SUBJECT
        : rng.pick(restriction === 'closed' ? CLOSED_SUBJECTS[procedureType]! : SUBJECTS[procedureType]);
    const day = workingDay(
      new Date(REGISTRATION_FROM + Math.floor(rng.next() * (registrationTo - REGISTRATION_FROM))),
    );
    return {
      id: rng.uuid(),
      procedureType,
      restriction,
      subject: template.subject,
      category: template.category,
      // Whole euros from about 200 to 240 000, most of them small, as claims are.
      claimValueCents: template.claim ? Math.round(Math.exp(5.3 + rng.next() * 7.1)) * 100 : null,
      status: (restriction === 'none' ? rng.weighted(STATUS_WEIGHTS) : 'in_progress') as CaseStatus,
      registeredAt: tallinnTime(day, rng.int(8, 15), rng.int(0, 59)),
      judgeId: rng.weighted(judgeWeights).id,
    };
  });
  drafts.sort((a, b) => a.registeredAt.getTime() - b.registeredAt.getTime());

  const nextNumber = new Map<string, number>();
  const cases = drafts.map((draft): PlannedCase => {
    const year = draft.registeredAt.getUTCFullYear();
    const key = `${draft.procedureType}/${year}`;
    const running = nextNumber.get(key) ?? 1;
    nextNumber.set(key, running + 1);
    const number = formatCaseNumber({ procedureType: draft.procedureType, year: year % 100, running });
    const parties = planParties(
      { rng, takenCodes: opts.takenCodes, reservedNames },
      draft.procedureType,
      draft.restriction,
    );
    const active = draft.status === 'registered' || draft.status === 'in_progress';
    const hearings =
      active && (draft.restriction !== 'none' || rng.chance(0.3)) ? planHearings(rng, draft, staff, now) : [];
    const documents = planDocuments(
      rng,
      {
        ...draft,
        number,
        parties,
        restricted: draft.restriction !== 'none',
        adoption: draft.restriction === 'adoption',
        decided: draft.status === 'decided' || draft.status === 'closed',
      },
      now,
    );
    const steps = planSteps(rng, { ...draft, hearings }, staff, now);
    return { ...draft, number, parties, hearings, documents, steps };
  });
  const counters = [...nextNumber].map(([key, next]) => {
    const [procedureType, year] = key.split('/') as [ProcedureType, string];
    return { procedureType, year: Number(year), next };
  });
  return { cases, counters };
}
