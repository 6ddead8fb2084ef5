import type { CaseStatus, ProcedureType } from '../../src-shared/domain/index.js';
import type { DemoStaff } from './demo-people.js';
import { formatEstonian } from './demo-time.js';
import type { Prng } from './prng.js';

export interface PlannedStep {
  id: string;
  kind: string;
  occurredAt: Date;
  enteredAt: Date;
  enteredBy: string;
  description: string;
}

interface StepCase {
  procedureType: ProcedureType;
  status: CaseStatus;
  registeredAt: Date;
  judgeId: string;
  hearings: { startsAt: Date; room: string; secretaryId: string }[];
}

const ACCEPTED: Record<ProcedureType, string> = {
  civil: 'Hagi võeti menetlusse.',
  criminal: 'Kriminaalasi võeti menetlusse.',
  administrative: 'Kaebus võeti menetlusse.',
  misdemeanour: 'Kaebus võeti menetlusse.',
  constitutional: 'Taotlus võeti menetlusse.',
};

const HOUR = 3_600_000;

/** Registration, assignment and whatever the status implies; entered a little after each event. */
export function planSteps(rng: Prng, c: StepCase, staff: DemoStaff, now: Date): PlannedStep[] {
  const judge = staff.judges.find((j) => j.id === c.judgeId)!;
  const clerk = rng.pick(staff.chancery);
  const latest = now.getTime() - HOUR;
  let at = c.registeredAt.getTime();
  const steps: PlannedStep[] = [];
  const add = (kind: string, description: string, by: string, afterDays: [number, number]) => {
    at = Math.min(at + rng.int(afterDays[0] * 24, afterDays[1] * 24) * HOUR, latest);
    const occurredAt = new Date(at);
    // Most entries are made the same working day; some the next one (statute wants the next at the latest).
    const enteredAt = new Date(
      Math.min(at + rng.int(0, 30) * 60_000 + (rng.chance(0.15) ? 20 * HOUR : 0), latest),
    );
    steps.push({ id: rng.uuid(), kind, occurredAt, enteredAt, enteredBy: by, description });
  };
  add('registered', 'Asi registreeriti kohtu kantseleis.', clerk.id, [0, 0]);
  add('judge_assigned', `Asi jaotati automaatselt. Kohtunik: ${judge.name}.`, clerk.id, [0, 0]);
  if (c.status !== 'registered') {
    add('accepted', ACCEPTED[c.procedureType], judge.id, [2, 14]);
    if (c.status === 'suspended')
      add('suspended', 'Menetlus peatati kuni seotud asja lahendamiseni.', judge.id, [10, 60]);
    if (c.status === 'decided' || c.status === 'closed')
      add('decided', 'Lahend kuulutati välja.', judge.id, [30, 120]);
    if (c.status === 'closed') add('closed', 'Lahend jõustus, menetlus lõpetati.', clerk.id, [30, 45]);
  }
  for (const hearing of c.hearings) {
    add(
      'hearing_scheduled',
      `Kohtuistung määrati ${formatEstonian(hearing.startsAt)}, ${hearing.room}.`,
      hearing.secretaryId,
      [1, 5],
    );
  }
  return steps;
}
