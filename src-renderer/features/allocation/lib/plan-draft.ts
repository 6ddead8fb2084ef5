// The plan as the form edits it (strings, as typed) and the two ways across: from the plan in
// force, and to the register's PutAllocationPlanRequest after checking what the register checks.
import { PROCEDURE_TYPES, type ProcedureType } from '../../../../src-shared/domain/procedure-type';
import type { CheckedKey } from '../../../i18n/dictionary';
import type { AllocationPlan, CourtJudge, PutAllocationPlanRequest } from '../api/allocation-queries';

export interface JudgeRow {
  judgeId: string;
  name: string;
  /** The procedure types the judge receives; none means the judge is not in the plan. */
  types: ProcedureType[];
  /** As typed: `1`, `0.75` or `0,75`. */
  weight: string;
  /** Comma-separated; empty means every category. */
  categories: string;
  panelMember: boolean;
}

export interface ExclusionRow {
  /** Only for React keys and field ids; never sent. */
  key: string;
  judgeId: string;
  procedureType: ProcedureType | null;
  category: string | null;
  reason: string;
}

export interface PlanDraft {
  rows: JudgeRow[];
  exclusions: ExclusionRow[];
  panelProcedureTypes: ProcedureType[];
  reason: string;
}

/** Every message a field of this feature can show beside it. */
export type AllocationErrorKey = CheckedKey<`allocation.error.${
  'weight' | 'noEntries' | 'reason' | 'judge' | 'date' | 'dateOrder'}`>;
export type PlanErrorKey = Extract<
  AllocationErrorKey,
  'allocation.error.weight' | 'allocation.error.noEntries' | 'allocation.error.reason'
>;

/** Field → message: `weight:<judgeId>`, `entries`, `reason`. */
export type PlanErrors = Readonly<Record<string, PlanErrorKey>>;

export const MIN_REASON = 3;
export const MAX_WEIGHT = 2;

let exclusionCounter = 0;
export const nextExclusionKey = (): string => `x${(exclusionCounter += 1)}`;

const byName = (a: JudgeRow, b: JudgeRow) => a.name.localeCompare(b.name, 'et');

/**
 * The draft of the plan in force; judges of the court who are not in it appear unticked. Without
 * a plan, every judge starts with every procedure type at a full weight.
 */
export function draftFromPlan(plan: AllocationPlan | null, judges: readonly CourtJudge[]): PlanDraft {
  const names = new Map(judges.map((judge) => [judge.id, judge.name]));
  const rows: JudgeRow[] = [];
  const seen = new Set<string>();
  for (const entry of plan?.entries ?? []) {
    seen.add(entry.judgeId);
    rows.push({
      judgeId: entry.judgeId,
      name: names.get(entry.judgeId) ?? entry.judgeId,
      types: PROCEDURE_TYPES.filter((type) => entry.procedureTypes.includes(type)),
      weight: String(entry.weight),
      categories: (entry.categories ?? []).join(', '),
      panelMember: entry.panelMember,
    });
  }
  for (const judge of judges) {
    if (seen.has(judge.id)) continue;
    rows.push({
      judgeId: judge.id,
      name: judge.name,
      types: plan ? [] : [...PROCEDURE_TYPES],
      weight: '1',
      categories: '',
      panelMember: false,
    });
  }
  return {
    rows: rows.sort(byName),
    exclusions: (plan?.exclusions ?? []).map((exclusion) => ({ ...exclusion, key: nextExclusionKey() })),
    panelProcedureTypes: [...(plan?.panelProcedureTypes ?? [])],
    reason: '',
  };
}

/** `0,75` (Estonian) and `0.75` alike; NaN for anything else. */
export function parseWeight(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export function parseCategories(text: string): string[] | null {
  const list = [
    ...new Set(
      text
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    ),
  ];
  return list.length > 0 ? list : null;
}

export const isReason = (text: string): boolean => text.trim().length >= MIN_REASON;

/** What the register would refuse, found before sending; empty when the draft can be adopted. */
export function validateDraft(draft: PlanDraft): PlanErrors {
  const errors: Record<string, PlanErrorKey> = {};
  for (const row of draft.rows) {
    if (row.types.length === 0) continue;
    const weight = parseWeight(row.weight);
    if (!(weight > 0 && weight <= MAX_WEIGHT)) errors[`weight:${row.judgeId}`] = 'allocation.error.weight';
  }
  if (!draft.rows.some((row) => row.types.length > 0)) errors.entries = 'allocation.error.noEntries';
  if (!isReason(draft.reason)) errors.reason = 'allocation.error.reason';
  return errors;
}

/** The request to adopt the draft; judges with no procedure type are left out of the plan. */
export function draftToRequest(draft: PlanDraft): PutAllocationPlanRequest {
  return {
    reason: draft.reason.trim(),
    entries: draft.rows
      .filter((row) => row.types.length > 0)
      .map((row) => ({
        judgeId: row.judgeId,
        procedureTypes: PROCEDURE_TYPES.filter((type) => row.types.includes(type)),
        categories: parseCategories(row.categories),
        weight: parseWeight(row.weight),
        panelMember: row.panelMember,
      })),
    exclusions: draft.exclusions.map(({ judgeId, procedureType, category, reason }) => ({
      judgeId,
      procedureType,
      category,
      reason: reason.trim(),
    })),
    panelProcedureTypes: PROCEDURE_TYPES.filter((type) => draft.panelProcedureTypes.includes(type)),
  };
}

/** Adds or removes one item, keeping the list in the statute's order of procedure types. */
export function toggleType(
  types: readonly ProcedureType[],
  type: ProcedureType,
  on: boolean,
): ProcedureType[] {
  return PROCEDURE_TYPES.filter((candidate) => (candidate === type ? on : types.includes(candidate)));
}
