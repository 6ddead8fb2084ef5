import { type ProcedureType, isValidPersonalCode } from '../../src-shared/domain/index.js';
import type { Db } from '../db/index.js';
import { insertRows, iso } from './bulk-insert.js';
import type { PlannedCase } from './demo-cases.js';
import type { DemoStaff } from './demo-people.js';

export interface DemoData {
  court: { code: string; name: string; level: number; ecliCode: string };
  staff: DemoStaff;
  cases: PlannedCase[];
  counters: { procedureType: ProcedureType; year: number; next: number }[];
  files: Map<string, { sha256: string; size: number }>;
}

/** Writes the planned demo in dependency order; runs inside the seeding transaction. */
export async function insertDemo(tx: Db, data: DemoData): Promise<void> {
  const { court, staff, cases } = data;
  await tx.query('INSERT INTO courts (code, name, level, ecli_code) VALUES ($1, $2, $3, $4)', [
    court.code,
    court.name,
    court.level,
    court.ecliCode,
  ]);
  for (const user of staff.users) {
    if (!isValidPersonalCode(user.personalCode)) throw new Error(`invalid personal code for ${user.name}`);
  }
  await insertRows(
    tx,
    'users',
    [
      { name: 'id', type: 'uuid', value: (u) => u.id },
      { name: 'name', type: 'text', value: (u) => u.name },
      { name: 'personal_code', type: 'text', value: (u) => u.personalCode },
    ],
    staff.users,
  );
  const assignments = staff.users.flatMap((u) => u.roles.map((r) => ({ ...r, userId: u.id })));
  await insertRows(
    tx,
    'role_assignments',
    [
      { name: 'id', type: 'uuid', value: (a) => a.id },
      { name: 'user_id', type: 'uuid', value: (a) => a.userId },
      { name: 'role', type: 'text', value: (a) => a.role },
      { name: 'court_code', type: 'text', value: () => court.code },
      { name: 'observer_scope', type: 'text', value: (a) => a.observerScope },
      { name: 'valid_from', type: 'date', value: () => '2020-01-01' },
    ],
    assignments,
  );
  await insertRows(
    tx,
    'cases',
    [
      { name: 'id', type: 'uuid', value: (c) => c.id },
      { name: 'number', type: 'text', value: (c) => c.number },
      { name: 'procedure_type', type: 'text', value: (c) => c.procedureType },
      { name: 'court_code', type: 'text', value: () => court.code },
      { name: 'status', type: 'text', value: (c) => c.status },
      { name: 'subject', type: 'text', value: (c) => c.subject },
      { name: 'category', type: 'text', value: (c) => c.category },
      { name: 'claim_value_cents', type: 'bigint', value: (c) => c.claimValueCents },
      { name: 'restriction', type: 'text', value: (c) => c.restriction },
      { name: 'registered_at', type: 'timestamptz', value: (c) => iso(c.registeredAt) },
      { name: 'judge_id', type: 'uuid', value: (c) => c.judgeId },
    ],
    cases,
  );
  const parties = cases.flatMap((c) => c.parties.map((p, position) => ({ ...p, caseId: c.id, position })));
  await insertRows(
    tx,
    'parties',
    [
      { name: 'id', type: 'uuid', value: (p) => p.id },
      { name: 'case_id', type: 'uuid', value: (p) => p.caseId },
      { name: 'position', type: 'integer', value: (p) => p.position },
      { name: 'kind', type: 'text', value: (p) => p.kind },
      { name: 'name', type: 'text', value: (p) => p.name },
      { name: 'code', type: 'text', value: (p) => p.code },
      { name: 'role', type: 'text', value: (p) => p.role },
      { name: 'representative', type: 'text', value: (p) => p.representative },
    ],
    parties,
  );
  const hearings = cases.flatMap((c) => c.hearings.map((h) => ({ ...h, caseId: c.id })));
  await insertRows(
    tx,
    'hearings',
    [
      { name: 'id', type: 'uuid', value: (h) => h.id },
      { name: 'case_id', type: 'uuid', value: (h) => h.caseId },
      { name: 'starts_at', type: 'timestamptz', value: (h) => iso(h.startsAt) },
      { name: 'room', type: 'text', value: (h) => h.room },
      { name: 'public', type: 'boolean', value: (h) => h.public },
      { name: 'kind', type: 'text', value: (h) => h.kind },
      { name: 'secretary_id', type: 'uuid', value: (h) => h.secretaryId },
    ],
    hearings,
  );
  const hearingJudges = hearings.flatMap((h) =>
    h.judgeIds.map((userId, position) => ({ hearingId: h.id, userId, position })),
  );
  await insertRows(
    tx,
    'hearing_judges',
    [
      { name: 'hearing_id', type: 'uuid', value: (j) => j.hearingId },
      { name: 'user_id', type: 'uuid', value: (j) => j.userId },
      { name: 'position', type: 'smallint', value: (j) => j.position },
    ],
    hearingJudges,
  );
  const documents = cases.flatMap((c) =>
    c.documents.map((d) => ({ ...d, caseId: c.id, file: data.files.get(d.id)! })),
  );
  await insertRows(
    tx,
    'documents',
    [
      { name: 'id', type: 'uuid', value: (d) => d.id },
      { name: 'case_id', type: 'uuid', value: (d) => d.caseId },
      { name: 'number', type: 'text', value: (d) => d.number },
      { name: 'kind', type: 'text', value: (d) => d.kind },
      { name: 'title', type: 'text', value: (d) => d.title },
      { name: 'media_type', type: 'text', value: () => 'application/pdf' },
      { name: 'sha256', type: 'text', value: (d) => d.file.sha256 },
      { name: 'size', type: 'bigint', value: (d) => d.file.size },
      { name: 'pages', type: 'integer', value: (d) => d.pages },
      { name: 'restricted', type: 'boolean', value: (d) => d.restricted },
      { name: 'filed_at', type: 'timestamptz', value: (d) => iso(d.filedAt) },
    ],
    documents,
  );
  const steps = cases.flatMap((c) => c.steps.map((s) => ({ ...s, caseId: c.id })));
  await insertRows(
    tx,
    'procedural_steps',
    [
      { name: 'id', type: 'uuid', value: (s) => s.id },
      { name: 'case_id', type: 'uuid', value: (s) => s.caseId },
      { name: 'kind', type: 'text', value: (s) => s.kind },
      { name: 'occurred_at', type: 'timestamptz', value: (s) => iso(s.occurredAt) },
      { name: 'entered_at', type: 'timestamptz', value: (s) => iso(s.enteredAt) },
      { name: 'entered_by', type: 'uuid', value: (s) => s.enteredBy },
      { name: 'description', type: 'text', value: (s) => s.description },
    ],
    steps,
  );
  await insertRows(
    tx,
    'case_number_counters',
    [
      { name: 'procedure_type', type: 'text', value: (c) => c.procedureType },
      { name: 'year', type: 'integer', value: (c) => c.year },
      { name: 'next', type: 'integer', value: (c) => c.next },
    ],
    data.counters,
  );
}
