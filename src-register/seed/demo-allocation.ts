import { PROCEDURE_TYPES } from '../../src-shared/domain/index.js';
import type { Db } from '../db/index.js';
import { createPlanVersion } from '../domain/allocation/plans.js';
import type { DemoStaff } from './demo-people.js';

/**
 * The demo court's first allocation plan: every judge takes every procedure type; the president at
 * half intake (the court's administration takes the rest of her time) and the last judge at 0.75,
 * as a judge without a law clerk would be. A county court hears cases alone, so no panels.
 */
export async function seedDemoAllocation(tx: Db, courtCode: string, staff: DemoStaff): Promise<void> {
  const last = staff.judges.at(-1);
  await createPlanVersion(
    tx,
    courtCode,
    {
      reason: 'Esimene tööjaotusplaan (demo)',
      entries: staff.judges.map((judge) => ({
        judgeId: judge.id,
        procedureTypes: [...PROCEDURE_TYPES],
        categories: null,
        weight: judge.id === staff.president.id ? 0.5 : judge.id === last?.id ? 0.75 : 1,
        panelMember: true,
      })),
      exclusions: [],
      panelProcedureTypes: [],
    },
    { userId: null },
  );
}
