import { AppError } from '../../../src-shared/contract/result.js';
import type { ProcedureType } from '../../../src-shared/domain/index.js';
import type {
  AllocationPlan,
  AllocationPlanResponse,
  PutAllocationPlanRequest,
} from '../../../src-shared/register-api/index.js';
import type { Db } from '../../db/index.js';
import { appendLog } from './allocation-log.js';

interface VersionRow {
  id: number;
  court_code: string;
  version: number;
  created_at: Date;
  created_by: string | null;
  reason: string;
}

export interface LoadedPlan extends AllocationPlan {
  id: number;
}

async function panelTypes(db: Db, courtCode: string): Promise<ProcedureType[]> {
  const rows = await db.query<{ procedure_type: ProcedureType }>(
    `SELECT procedure_type FROM court_allocation_settings
     WHERE court_code = $1 AND sits_in_panels ORDER BY procedure_type`,
    [courtCode],
  );
  return rows.map((r) => r.procedure_type);
}

/** The court's plan in force (its highest version), or null when the court has none yet. */
export async function loadCurrentPlan(db: Db, courtCode: string): Promise<LoadedPlan | null> {
  const [version] = await db.query<VersionRow>(
    `SELECT id, court_code, version, created_at, created_by, reason FROM allocation_plan_versions
     WHERE court_code = $1 ORDER BY version DESC LIMIT 1`,
    [courtCode],
  );
  if (!version) return null;
  const entries = await db.query<{
    judge_id: string;
    procedure_types: ProcedureType[];
    categories: string[] | null;
    weight: number;
    panel_member: boolean;
  }>(
    `SELECT judge_id, procedure_types, categories, weight, panel_member FROM allocation_plan_entries
     WHERE plan_id = $1 ORDER BY judge_id`,
    [version.id],
  );
  const exclusions = await db.query<{
    judge_id: string;
    procedure_type: ProcedureType | null;
    category: string | null;
    reason: string;
  }>(
    `SELECT judge_id, procedure_type, category, reason FROM allocation_plan_exclusions
     WHERE plan_id = $1 ORDER BY position`,
    [version.id],
  );
  return {
    id: Number(version.id),
    courtCode: version.court_code,
    version: version.version,
    createdAt: version.created_at.toISOString(),
    createdBy: version.created_by,
    reason: version.reason,
    entries: entries.map((e) => ({
      judgeId: e.judge_id,
      procedureTypes: e.procedure_types,
      categories: e.categories,
      weight: Number(e.weight),
      panelMember: e.panel_member,
    })),
    exclusions: exclusions.map((x) => ({
      judgeId: x.judge_id,
      procedureType: x.procedure_type,
      category: x.category,
      reason: x.reason,
    })),
    panelProcedureTypes: await panelTypes(db, courtCode),
  };
}

export function publicPlan({ id: _id, ...plan }: LoadedPlan): AllocationPlan {
  return plan;
}

export async function planOverview(db: Db, courtCode: string): Promise<AllocationPlanResponse> {
  const current = await loadCurrentPlan(db, courtCode);
  const versions = await db.query<VersionRow>(
    `SELECT version, created_at, created_by, reason FROM allocation_plan_versions
     WHERE court_code = $1 ORDER BY version`,
    [courtCode],
  );
  return {
    current: current && publicPlan(current),
    versions: versions.map((v) => ({
      version: v.version,
      createdAt: v.created_at.toISOString(),
      createdBy: v.created_by,
      reason: v.reason,
    })),
  };
}

/** Judges of the court today: the plan may name only them. */
async function checkJudges(tx: Db, courtCode: string, judgeIds: readonly string[]): Promise<void> {
  const rows = await tx.query<{ user_id: string }>(
    `SELECT DISTINCT user_id FROM role_assignments
     WHERE court_code = $1 AND role = 'judge' AND user_id = ANY($2::uuid[])
       AND valid_from <= current_date AND (valid_to IS NULL OR valid_to >= current_date)`,
    [courtCode, [...new Set(judgeIds)]],
  );
  const known = new Set(rows.map((r) => r.user_id));
  const unknown = [...new Set(judgeIds)].filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new AppError('invalid_input', `not a judge of court ${courtCode}: ${unknown.join(', ')}`);
}

/**
 * Writes a new plan version (the old ones stay as they were) and logs the change in the allocation
 * log; returns the new version. Runs inside the caller's transaction.
 */
export async function createPlanVersion(
  tx: Db,
  courtCode: string,
  plan: PutAllocationPlanRequest,
  actor: { userId: string | null },
): Promise<LoadedPlan> {
  const judgeIds = plan.entries.map((e) => e.judgeId);
  if (new Set(judgeIds).size !== judgeIds.length)
    throw new AppError('invalid_input', 'entries: a judge may appear only once in a plan');
  await checkJudges(tx, courtCode, [...judgeIds, ...plan.exclusions.map((x) => x.judgeId)]);
  // The court row lock makes concurrent plan changes of one court take turns for the next version.
  await tx.query('SELECT code FROM courts WHERE code = $1 FOR UPDATE', [courtCode]);
  const [created] = await tx.query<{ id: number; version: number }>(
    `INSERT INTO allocation_plan_versions (court_code, version, created_by, reason)
     SELECT $1, coalesce(max(version), 0) + 1, $2, $3 FROM allocation_plan_versions WHERE court_code = $1
     RETURNING id, version`,
    [courtCode, actor.userId, plan.reason],
  );
  const planId = Number(created!.id);
  for (const e of plan.entries) {
    await tx.query(
      `INSERT INTO allocation_plan_entries (plan_id, judge_id, procedure_types, categories, weight, panel_member)
       VALUES ($1, $2, $3::text[], $4::text[], $5, $6)`,
      [planId, e.judgeId, e.procedureTypes, e.categories, e.weight, e.panelMember],
    );
  }
  for (const [position, x] of plan.exclusions.entries()) {
    await tx.query(
      `INSERT INTO allocation_plan_exclusions (plan_id, position, judge_id, procedure_type, category, reason)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [planId, position + 1, x.judgeId, x.procedureType, x.category, x.reason],
    );
  }
  await tx.query('DELETE FROM court_allocation_settings WHERE court_code = $1', [courtCode]);
  for (const type of new Set(plan.panelProcedureTypes)) {
    await tx.query(
      'INSERT INTO court_allocation_settings (court_code, procedure_type, sits_in_panels) VALUES ($1, $2, true)',
      [courtCode, type],
    );
  }
  const loaded = (await loadCurrentPlan(tx, courtCode))!;
  await appendLog(tx, {
    kind: 'plan_change',
    courtCode,
    caseId: null,
    inputs: { actorUserId: actor.userId, reason: plan.reason, plan: publicPlan(loaded) },
    result: { version: loaded.version },
  });
  return loaded;
}
