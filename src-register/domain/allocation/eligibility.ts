import type { ProcedureType } from '../../../src-shared/domain/index.js';
import type { DrawCandidate, DrawExclusion } from '../../../src-shared/register-api/index.js';
import type { Db } from '../../db/index.js';
import type { LoadedPlan } from './plans.js';

const COURT_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Tallinn' });

/** The calendar day in Estonia, which is what absences are entered in. */
export function courtDay(at: Date): string {
  return COURT_DAY.format(at);
}

export interface EligibilityQuestion {
  plan: LoadedPlan;
  caseId: string;
  procedureType: ProcedureType;
  category: string | null;
  at: Date;
  panel: boolean;
}

export interface Eligibility {
  candidates: DrawCandidate[];
  excluded: DrawExclusion[];
}

/**
 * Who may draw this case under the plan, and why everyone else may not. A plan entry covers the case
 * when it lists the procedure type and either has no categories or lists the case's category.
 * Workload counts the open cases of the same court and procedure type on which the judge sits.
 */
export async function eligibility(tx: Db, q: EligibilityQuestion): Promise<Eligibility> {
  const entries = q.plan.entries.filter(
    (e) =>
      e.procedureTypes.includes(q.procedureType) &&
      (e.categories === null || (q.category !== null && e.categories.includes(q.category))),
  );
  const ids = entries.map((e) => e.judgeId);
  const absences = await tx.query<{ judge_id: string; reason: string; starts_on: string; ends_on: string }>(
    `SELECT judge_id, reason, starts_on::text, ends_on::text FROM judge_absences
     WHERE court_code = $1 AND judge_id = ANY($2::uuid[]) AND starts_on <= $3::date AND ends_on >= $3::date
     ORDER BY starts_on, id`,
    [q.plan.courtCode, ids, courtDay(q.at)],
  );
  const recusals = await tx.query<{ judge_id: string; reason: string }>(
    'SELECT judge_id, reason FROM case_recusals WHERE case_id = $1 ORDER BY recorded_at, judge_id',
    [q.caseId],
  );
  const loads = await tx.query<{ judge_id: string; n: number }>(
    `SELECT j.judge_id, count(DISTINCT c.id)::int AS n
     FROM cases c
     JOIN LATERAL (
       SELECT c.judge_id AS judge_id WHERE c.judge_id IS NOT NULL
       UNION SELECT cj.judge_id FROM case_judges cj WHERE cj.case_id = c.id
     ) j ON true
     WHERE c.court_code = $1 AND c.procedure_type = $2 AND c.id <> $3
       AND c.status IN ('registered','in_progress','suspended') AND j.judge_id = ANY($4::uuid[])
     GROUP BY j.judge_id`,
    [q.plan.courtCode, q.procedureType, q.caseId, ids],
  );
  const load = new Map(loads.map((l) => [l.judge_id, l.n]));

  const excluded: DrawExclusion[] = [];
  const candidates: DrawCandidate[] = [];
  for (const entry of entries) {
    const judgeId = entry.judgeId;
    const exclusion = q.plan.exclusions.find(
      (x) =>
        x.judgeId === judgeId &&
        (x.procedureType === null || x.procedureType === q.procedureType) &&
        (x.category === null || x.category === q.category),
    );
    const absence = absences.find((a) => a.judge_id === judgeId);
    const recusal = recusals.find((r) => r.judge_id === judgeId);
    if (recusal) excluded.push({ judgeId, why: 'recused', reason: recusal.reason });
    else if (exclusion) excluded.push({ judgeId, why: 'excluded', reason: exclusion.reason });
    else if (absence)
      excluded.push({
        judgeId,
        why: 'absent',
        reason: `${absence.reason} (${absence.starts_on} – ${absence.ends_on})`,
      });
    else if (q.panel && !entry.panelMember)
      excluded.push({ judgeId, why: 'not_panel_member', reason: 'not a panel member under the plan' });
    else candidates.push({ judgeId, weight: entry.weight, workload: load.get(judgeId) ?? 0 });
  }
  return { candidates, excluded };
}
