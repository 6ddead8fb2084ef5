import { z } from 'zod';
import { ProcedureType } from '../domain/procedure-type.js';
import { CourtDate, CourtParams } from './schemas.js';

/** Schemas of automatic case allocation (issue 3 item 3): plans, draws and the allocation log. */

/** The params of a court's allocation routes (the shared court params). */
export const AllocationCourtParams = CourtParams;
export const AllocationCaseParams = z.object({ caseId: z.uuid() });
export const AllocationLogParams = z.object({
  seq: z
    .string()
    .regex(/^[1-9]\d{0,14}$/, 'a log sequence number is a positive integer')
    .transform(Number),
});

// PostgreSQL text cannot hold NUL: refused here so that such input is a 400, not a database error.
const Text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters');
const Reason = Text(2000).refine((s) => s.length >= 3, 'give a reason of at least 3 characters');
const Category = Text(200).refine((s) => s.length >= 1, 'a category must not be empty');
const IsoDate = CourtDate;

export const AllocationKind = z.enum(['draw', 'plan_change', 'manual_reassignment', 'refiling']);
export type AllocationKind = z.infer<typeof AllocationKind>;

/** A judge who may draw the case, with what the weighting needs. */
export const DrawCandidate = z.object({
  judgeId: z.string(),
  weight: z.number().positive(),
  /** Open cases of this procedure type at this court on which the judge sits. */
  workload: z.number().int().nonnegative(),
});
export type DrawCandidate = z.infer<typeof DrawCandidate>;

export const DrawExclusion = z.object({
  judgeId: z.string(),
  why: z.enum(['absent', 'excluded', 'recused', 'not_panel_member']),
  reason: z.string(),
});
export type DrawExclusion = z.infer<typeof DrawExclusion>;

/** Everything a draw depends on: stored in the log so that it can be replayed. */
export const DrawInputs = z.object({
  rulesVersion: z.string(),
  panel: z.boolean(),
  candidates: z.array(DrawCandidate),
  excluded: z.array(DrawExclusion),
  /** Uniform integers in [0, 2^48), one per seat: from `crypto.randomBytes` in production. */
  random: z.array(z.number().int().nonnegative()),
});
export type DrawInputs = z.infer<typeof DrawInputs>;

export const DrawResult = z.object({
  /** The presiding judge first; three judges when the court sits in panels. */
  judgeIds: z.array(z.string()),
  /** Each candidate's chance of the first seat, as the weighting computed it. */
  chances: z.array(z.object({ judgeId: z.string(), chance: z.number() })),
  lowPool: z.boolean(),
  warnings: z.array(z.string()),
});
export type DrawResult = z.infer<typeof DrawResult>;

/** What an allocation decided for one case and why; answered by registration and reassignment. */
export const AllocationRecord = z.object({
  seq: z.number().int().positive(),
  at: z.iso.datetime({ offset: true }),
  kind: AllocationKind,
  courtCode: z.string(),
  caseId: z.string(),
  judgeIds: z.array(z.string()),
  lowPool: z.boolean(),
  warnings: z.array(z.string()),
  planVersion: z.number().int().nullable(),
  draw: DrawInputs.nullable(),
  /** For a refiling: the earlier case whose judge takes this one. */
  earlierCase: z.object({ id: z.string(), number: z.string() }).nullable(),
  reason: z.string().nullable(),
  actorUserId: z.string().nullable(),
});
export type AllocationRecord = z.infer<typeof AllocationRecord>;

export const PlanEntryInput = z.object({
  judgeId: z.uuid(),
  procedureTypes: z.array(ProcedureType).min(1),
  /** null: every category of those procedure types. */
  categories: z.array(Category).min(1).nullable(),
  /** Share of a full intake, e.g. 0.75 for a judge without a law clerk. */
  weight: z.number().gt(0).max(2),
  panelMember: z.boolean(),
});
export type PlanEntryInput = z.infer<typeof PlanEntryInput>;

export const PlanExclusionInput = z.object({
  judgeId: z.uuid(),
  procedureType: ProcedureType.nullable(),
  category: Category.nullable(),
  reason: Reason,
});
export type PlanExclusionInput = z.infer<typeof PlanExclusionInput>;

export const PutAllocationPlanRequest = z.object({
  reason: Reason,
  entries: z.array(PlanEntryInput).min(1).max(500),
  exclusions: z.array(PlanExclusionInput).max(500).default([]),
  /** Procedure types in which this court sits in three-judge panels. */
  panelProcedureTypes: z.array(ProcedureType).default([]),
});
export type PutAllocationPlanRequest = z.infer<typeof PutAllocationPlanRequest>;

export const AllocationPlan = z.object({
  courtCode: z.string(),
  version: z.number().int().positive(),
  createdAt: z.iso.datetime({ offset: true }),
  createdBy: z.string().nullable(),
  reason: z.string(),
  entries: z.array(PlanEntryInput.extend({ judgeId: z.string() })),
  exclusions: z.array(PlanExclusionInput.extend({ judgeId: z.string(), reason: z.string() })),
  panelProcedureTypes: z.array(ProcedureType),
});
export type AllocationPlan = z.infer<typeof AllocationPlan>;

export const AllocationPlanResponse = z.object({
  current: AllocationPlan.nullable(),
  versions: z.array(
    z.object({
      version: z.number().int(),
      createdAt: z.iso.datetime({ offset: true }),
      createdBy: z.string().nullable(),
      reason: z.string(),
    }),
  ),
});
export type AllocationPlanResponse = z.infer<typeof AllocationPlanResponse>;

export const AbsenceRequest = z
  .object({ judgeId: z.uuid(), from: IsoDate, to: IsoDate, reason: Reason })
  .refine((a) => a.from <= a.to, { message: '`to` must not be before `from`', path: ['to'] });
export type AbsenceRequest = z.infer<typeof AbsenceRequest>;

export const AbsenceResponse = z.object({
  id: z.string(),
  courtCode: z.string(),
  judgeId: z.string(),
  from: IsoDate,
  to: IsoDate,
  reason: z.string(),
});
export type AbsenceResponse = z.infer<typeof AbsenceResponse>;

/** Without `judgeId` the current judges are recused and the case is drawn again. */
export const ReassignRequest = z.object({ reason: Reason, judgeId: z.uuid().optional() });
export type ReassignRequest = z.infer<typeof ReassignRequest>;

export const ReassignResponse = z.object({ caseId: z.string(), record: AllocationRecord });
export type ReassignResponse = z.infer<typeof ReassignResponse>;

export const ReplayResponse = z.object({
  seq: z.number().int(),
  kind: AllocationKind,
  /** Only draws are re-run; a refiling, a named reassignment or a plan change has nothing to draw. */
  replayable: z.boolean(),
  /** Whether re-running the draw from its stored inputs gives the stored result; null if not replayable. */
  follows: z.boolean().nullable(),
  storedJudgeIds: z.array(z.string()),
  replayedJudgeIds: z.array(z.string()).nullable(),
  message: z.string(),
});
export type ReplayResponse = z.infer<typeof ReplayResponse>;

export const VerifyLogResponse = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), problem: z.string() }).nullable(),
});
export type VerifyLogResponse = z.infer<typeof VerifyLogResponse>;
