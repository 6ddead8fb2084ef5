import { AppError } from '../../src-shared/contract/result.js';
import { type SessionUser, authorize } from '../../src-shared/domain/index.js';
import type { CaseNote, SyncMutation } from '../../src-shared/register-api/index.js';
import type { Db } from '../db/index.js';
import { readableCase, restrictedRead, snapshotOfRow } from './mutation-case.js';
import { actorOf, writeAudit } from './audit.js';
import type { MutationOutcome } from './sync-mutations.js';
import { caseTarget } from './visibility.js';

type NotePut = Extract<SyncMutation, { kind: 'case.note.put' }>;
type StepAdd = Extract<SyncMutation, { kind: 'procedural_step.add' }>;

interface NoteRow {
  case_id: string;
  text: string;
  version: number;
  updated_at: Date;
}

const toNote = (row: NoteRow): CaseNote => ({
  caseId: row.case_id,
  text: row.text,
  version: row.version,
  updatedAt: row.updated_at.toISOString(),
});

export async function applyNotePut(db: Db, user: SessionUser, m: NotePut): Promise<MutationOutcome> {
  const { caseId, text } = m.payload;
  await readableCase(db, user, caseId, false);
  // One statement each way, so two devices putting at once cannot both pass the version check.
  const written =
    m.baseVersion === null
      ? await db.query<NoteRow>(
          `INSERT INTO case_notes (case_id, user_id, text, version) VALUES ($1, $2, $3, next_change_version())
           ON CONFLICT (case_id, user_id) DO NOTHING RETURNING case_id, text, version, updated_at`,
          [caseId, user.id, text],
        )
      : await db.query<NoteRow>(
          `UPDATE case_notes SET text = $3, version = next_change_version(), updated_at = now()
           WHERE case_id = $1 AND user_id = $2 AND version = $4 RETURNING case_id, text, version, updated_at`,
          [caseId, user.id, text, m.baseVersion],
        );
  if (written[0]) {
    await writeAudit(db, {
      actor: actorOf(user),
      action: 'case-note.put',
      objectType: 'case',
      objectId: caseId,
      // The note is private: its text stays out of the log.
      details: { mutationId: m.id, version: written[0].version },
    });
    return { status: 'applied', record: { type: 'case-note', note: toNote(written[0]) } };
  }
  const [current] = await db.query<NoteRow>(
    'SELECT case_id, text, version, updated_at FROM case_notes WHERE case_id = $1 AND user_id = $2',
    [caseId, user.id],
  );
  return {
    status: 'conflict',
    reason: `the note was based on version ${m.baseVersion ?? 'none'}, the register has ${current?.version ?? 'none'}`,
    record: { type: 'case-note', note: current ? toNote(current) : null },
  };
}

export async function applyStepAdd(db: Db, user: SessionUser, m: StepAdd): Promise<MutationOutcome> {
  const { stepId, caseId, kind, occurredAt, description } = m.payload;
  const row = await readableCase(db, user, caseId, true);
  // Entering a step adds to the case file, as filing a document does.
  if (!authorize(user, 'document.upload', caseTarget(row)))
    throw new AppError('forbidden', `you may not add steps to case ${row.number}`);
  if (m.baseVersion !== null && m.baseVersion !== row.version) {
    const snapshot = await snapshotOfRow(db, row);
    await writeAudit(db, restrictedRead(user, row));
    return {
      status: 'conflict',
      reason: `case ${row.number} changed: the step was based on version ${m.baseVersion}, the register has ${row.version}`,
      record: { type: 'case', case: snapshot },
    };
  }
  const [inserted] = await db.query<{ entered_at: Date; occurred_at: Date }>(
    `INSERT INTO procedural_steps (id, case_id, kind, occurred_at, entered_at, entered_by, description)
     VALUES ($1, $2, $3, $4, now(), $5, $6) ON CONFLICT (id) DO NOTHING RETURNING entered_at, occurred_at`,
    [stepId, caseId, kind, occurredAt, user.id, description],
  );
  if (!inserted) throw new AppError('conflict', `a procedural step with id ${stepId} already exists`);
  await writeAudit(db, {
    actor: actorOf(user),
    action: 'procedural-step.add',
    objectType: 'procedural_step',
    objectId: stepId,
    details: { mutationId: m.id, caseId, number: row.number, kind },
  });
  return {
    status: 'applied',
    record: {
      type: 'procedural-step',
      caseId,
      step: {
        id: stepId,
        kind,
        occurredAt: inserted.occurred_at.toISOString(),
        enteredAt: inserted.entered_at.toISOString(),
        description,
      },
    },
  };
}
