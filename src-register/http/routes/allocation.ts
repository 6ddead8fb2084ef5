import { randomUUID } from 'node:crypto';
import { AppError } from '../../../src-shared/contract/result.js';
import { type SessionUser, authorize, roleHas } from '../../../src-shared/domain/index.js';
import {
  AbsenceRequest,
  AbsenceResponse,
  AllocationCaseParams,
  AllocationCourtParams,
  AllocationLogParams,
  AllocationPlanResponse,
  PutAllocationPlanRequest,
  ReassignRequest,
  ReassignResponse,
  ReplayResponse,
  VerifyLogResponse,
} from '../../../src-shared/register-api/index.js';
import type { Db } from '../../db/index.js';
import { readLogRow, verifyLog } from '../../domain/allocation/allocation-log.js';
import { createPlanVersion, planOverview, publicPlan } from '../../domain/allocation/plans.js';
import { loadCaseForAllocation, reassignCase } from '../../domain/allocation/reassign.js';
import { replayLogRow } from '../../domain/allocation/replay.js';
import { actorOf, writeAudit } from '../../domain/audit.js';
import { addRoute, type RouteHost } from '../route.js';

/** `allocation.manage` (the court president) at this court, by the one access rule. */
function managesAllocation(user: SessionUser, courtCode: string): boolean {
  return authorize(user, 'allocation.manage', { courtCode });
}

export function requireManager(user: SessionUser, courtCode: string): void {
  if (!managesAllocation(user, courtCode))
    throw new AppError('forbidden', `only the president of court ${courtCode} manages its allocation`, {
      reason: 'allocation_not_permitted',
    });
}

/** Reading the whole log: any court president, or whoever may read audit records. */
function requireLogReader(user: SessionUser, courtCode: string | null): void {
  const anyCourt = (action: 'audit.read' | 'allocation.manage') =>
    user.active !== false && user.roles.some((r) => roleHas(r.role, action));
  const audit = courtCode ? authorize(user, 'audit.read', { courtCode }) : anyCourt('audit.read');
  const manager = courtCode ? managesAllocation(user, courtCode) : anyCourt('allocation.manage');
  if (!audit && !manager) throw new AppError('forbidden', 'you may not read the allocation log');
}

export function addAllocationRoutes(host: RouteHost, deps: { db: Db }): void {
  const { db } = deps;
  addRoute(host, {
    method: 'GET',
    path: '/api/v1/courts/:court/allocation-plan',
    summary: "The court's allocation plan in force and the list of its versions",
    auth: true,
    params: AllocationCourtParams,
    response: AllocationPlanResponse,
    handler: async ({ params, session }) => {
      requireManager(session.user, params.court);
      return planOverview(db, params.court);
    },
  });

  addRoute(host, {
    method: 'PUT',
    path: '/api/v1/courts/:court/allocation-plan',
    summary: 'Adopts a new version of the allocation plan (with a reason); logged',
    auth: true,
    params: AllocationCourtParams,
    body: PutAllocationPlanRequest,
    response: AllocationPlanResponse,
    handler: async ({ params, body, session }) => {
      requireManager(session.user, params.court);
      await db.transaction(async (tx) => {
        const plan = await createPlanVersion(tx, params.court, body, { userId: session.user.id });
        await writeAudit(tx, {
          actor: actorOf(session.user),
          action: 'allocation.plan-change',
          objectType: 'court',
          objectId: params.court,
          details: { version: plan.version, reason: body.reason, plan: publicPlan(plan) },
        });
      });
      return planOverview(db, params.court);
    },
  });

  addRoute(host, {
    method: 'POST',
    path: '/api/v1/courts/:court/absences',
    summary: "Records a judge's absence, during which the judge draws no cases",
    auth: true,
    params: AllocationCourtParams,
    body: AbsenceRequest,
    response: AbsenceResponse,
    handler: async ({ params, body, session }) => {
      requireManager(session.user, params.court);
      const id = randomUUID();
      await db.transaction(async (tx) => {
        const judge = await tx.query(
          `SELECT 1 FROM role_assignments WHERE user_id = $1 AND court_code = $2 AND role = 'judge'`,
          [body.judgeId, params.court],
        );
        if (judge.length === 0)
          throw new AppError('invalid_input', `judgeId: not a judge of court ${params.court}`);
        await tx.query(
          `INSERT INTO judge_absences (id, court_code, judge_id, starts_on, ends_on, reason, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [id, params.court, body.judgeId, body.from, body.to, body.reason, session.user.id],
        );
        await writeAudit(tx, {
          actor: actorOf(session.user),
          action: 'allocation.absence',
          objectType: 'judge_absence',
          objectId: id,
          details: { courtCode: params.court, ...body },
        });
      });
      return { id, courtCode: params.court, ...body };
    },
  });

  addRoute(host, {
    method: 'POST',
    path: '/api/v1/cases/:caseId/reassign',
    summary: 'Reassigns a case by hand (reason required): to a named judge, or by a new draw',
    auth: true,
    params: AllocationCaseParams,
    body: ReassignRequest,
    response: ReassignResponse,
    handler: async ({ params, body, session }) => {
      const theCase = await loadCaseForAllocation(db, params.caseId);
      if (!theCase || !managesAllocation(session.user, theCase.courtCode)) {
        // Without the right, whether the case exists is no business of the caller.
        if (!theCase) throw new AppError('not_found', `no case ${params.caseId}`);
        requireManager(session.user, theCase.courtCode);
      }
      const outcome = await db.transaction(async (tx) => {
        const fresh = (await loadCaseForAllocation(tx, params.caseId))!;
        const result = await reassignCase(tx, fresh, body, { userId: session.user.id });
        await writeAudit(tx, {
          actor: actorOf(session.user),
          action: 'allocation.reassign',
          objectType: 'case',
          objectId: params.caseId,
          details: { reason: body.reason, from: fresh.judgeIds, to: result.judgeIds, logSeq: result.logSeq },
        });
        return result;
      });
      return { caseId: params.caseId, record: outcome.record };
    },
  });

  addRoute(host, {
    method: 'GET',
    path: '/api/v1/allocation/log/:seq/replay',
    summary: 'Re-runs a logged draw from its stored inputs and tells whether the stored result follows',
    auth: true,
    params: AllocationLogParams,
    response: ReplayResponse,
    handler: async ({ params, session }) => {
      const row = await readLogRow(db, params.seq);
      if (!row) {
        requireLogReader(session.user, null);
        throw new AppError('not_found', `no allocation log entry ${params.seq}`);
      }
      requireLogReader(session.user, row.courtCode);
      return replayLogRow(row);
    },
  });

  addRoute(host, {
    method: 'GET',
    path: '/api/v1/allocation/log/verify',
    summary: 'Checks the hash chain of the allocation log and names the first broken link',
    auth: true,
    response: VerifyLogResponse,
    handler: async ({ session }) => {
      requireLogReader(session.user, null);
      return verifyLog(db);
    },
  });
}
