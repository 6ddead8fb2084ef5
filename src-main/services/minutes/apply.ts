import { AppError } from '../../../src-shared/contract/index.js';
import type { MinutesOp } from '../../../src-shared/contract/minutes.js';
import {
  addedEntry,
  definedFields,
  updatedEntry,
  upsertedParticipant,
} from '../../../src-shared/domain/minutes-ops.js';
import type { CacheDb } from '../store/cache.js';
import {
  type Durability,
  type MinutesRowPatch,
  currentRevision,
  deleteEntry,
  deleteParticipant,
  durably,
  positionAfter,
  readEntry,
  readMinutes,
  updateMinutesRow,
  upsertParticipant,
  writeEntry,
} from '../store/minutes-store.js';

export interface ApplyOptions {
  baseRevision?: number | undefined;
  now: Date;
  /** `process-kill` only for the benchmark's comparison. */
  durability?: Durability;
}

/**
 * Applies a batch of changes to draft minutes in one transaction that is on disk when this returns
 * (see `durably`); the revision goes up by one per batch.
 */
export function applyMinutesOps(
  db: CacheDb,
  minutesId: string,
  ops: readonly MinutesOp[],
  options: ApplyOptions,
): { revision: number; savedAt: string } {
  const savedAt = options.now.toISOString();
  return durably(
    db,
    () => {
      const { revision, status } = currentRevision(db, minutesId);
      if (status !== 'draft')
        throw new AppError('conflict', `These minutes are ${status}; reopen them to change them.`, {
          reason: 'not-draft',
        });
      if (options.baseRevision !== undefined && options.baseRevision !== revision)
        throw new AppError(
          'conflict',
          `The minutes changed elsewhere (revision ${revision}, not ${options.baseRevision}).`,
          {
            reason: 'stale-revision',
          },
        );
      const current = readMinutes(db, minutesId, false);
      const row: MinutesRowPatch = {};
      let header = current.header;
      let recordingStartedAt = current.recordingStartedAt;
      const participants = new Map(current.participants.map((p) => [p.id, p]));
      const participantNotFound = (id: string) =>
        new AppError('not_found', `No participant ${id} in these minutes.`, {
          reason: 'participant-missing',
        });

      for (const op of ops) {
        switch (op.op) {
          case 'header': {
            header = { ...header, ...definedFields(op.patch) };
            row.header = header;
            break;
          }
          case 'times':
            if (op.startedAt !== undefined) row.startedAt = op.startedAt;
            if (op.endedAt !== undefined) row.endedAt = op.endedAt;
            break;
          case 'recording':
            recordingStartedAt = op.startedAt;
            row.recordingStartedAt = op.startedAt;
            break;
          case 'participant.upsert': {
            const next = upsertedParticipant(op.participant, participants.get(op.participant.id));
            upsertParticipant(db, minutesId, next);
            participants.set(next.id, next);
            break;
          }
          case 'participant.remove':
            // Like an entry: removing one already gone is a resent batch, not an error.
            deleteParticipant(db, minutesId, op.id);
            participants.delete(op.id);
            break;
          case 'attendance': {
            const p = participants.get(op.participantId);
            if (!p) throw participantNotFound(op.participantId);
            const next = { ...p, attendance: op.attendance };
            upsertParticipant(db, minutesId, next);
            participants.set(p.id, next);
            break;
          }
          case 'entry.add': {
            const existing = readEntry(db, minutesId, op.entry.id);
            const entry = addedEntry(op.entry, existing ?? undefined, recordingStartedAt, savedAt);
            const position = existing ? existing.position : positionAfter(db, minutesId, op.afterId);
            writeEntry(db, minutesId, entry, position);
            break;
          }
          case 'entry.update': {
            const existing = readEntry(db, minutesId, op.id);
            if (!existing)
              throw new AppError('not_found', `No entry ${op.id} in these minutes.`, {
                reason: 'entry-missing',
              });
            const { position, ...before } = existing;
            writeEntry(db, minutesId, updatedEntry(before, op.patch, recordingStartedAt), position);
            break;
          }
          case 'entry.remove':
            // Removing what is already gone is what a resent batch does: no error.
            deleteEntry(db, minutesId, op.id);
            break;
          case 'entry.move': {
            const existing = readEntry(db, minutesId, op.id);
            if (!existing)
              throw new AppError('not_found', `No entry ${op.id} in these minutes.`, {
                reason: 'entry-missing',
              });
            if (op.afterId === op.id) break;
            const { position: _old, ...entry } = existing;
            writeEntry(db, minutesId, entry, positionAfter(db, minutesId, op.afterId, op.id));
            break;
          }
        }
      }
      return { revision: updateMinutesRow(db, minutesId, row, savedAt), savedAt };
    },
    options.durability,
  );
}
