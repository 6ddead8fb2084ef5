import type { Minutes, MinutesEntry, MinutesOp } from '../../../../src-shared/contract/minutes';
import {
  addedEntry,
  definedFields as defined,
  updatedEntry,
  upsertedParticipant,
} from '../../../../src-shared/domain/minutes-ops';

function insertAfter(entries: MinutesEntry[], entry: MinutesEntry, afterId: string | null | undefined) {
  if (afterId === undefined) return [...entries, entry];
  if (afterId === null) return [entry, ...entries];
  const at = entries.findIndex((e) => e.id === afterId);
  if (at < 0) return [...entries, entry];
  return [...entries.slice(0, at + 1), entry, ...entries.slice(at + 1)];
}

/**
 * The same change the host makes (src-main/services/minutes/apply.ts), made at once on the view's
 * copy so what is typed shows before the host has it. `now` stamps an entry added without `at`.
 */
export function applyLocal(minutes: Minutes, op: MinutesOp, now: string): Minutes {
  switch (op.op) {
    case 'header':
      return { ...minutes, header: { ...minutes.header, ...defined(op.patch) } };
    case 'times':
      return {
        ...minutes,
        ...(op.startedAt !== undefined ? { startedAt: op.startedAt } : {}),
        ...(op.endedAt !== undefined ? { endedAt: op.endedAt } : {}),
      };
    case 'recording':
      return { ...minutes, recordingStartedAt: op.startedAt };
    case 'participant.upsert': {
      const before = minutes.participants.find((p) => p.id === op.participant.id);
      const next = upsertedParticipant(op.participant, before);
      return {
        ...minutes,
        participants: before
          ? minutes.participants.map((p) => (p.id === next.id ? next : p))
          : [...minutes.participants, next],
      };
    }
    case 'participant.remove':
      return { ...minutes, participants: minutes.participants.filter((p) => p.id !== op.id) };
    case 'attendance':
      return {
        ...minutes,
        participants: minutes.participants.map((p) =>
          p.id === op.participantId ? { ...p, attendance: op.attendance } : p,
        ),
      };
    case 'entry.add': {
      const existing = minutes.entries.find((e) => e.id === op.entry.id);
      const entry = addedEntry(op.entry, existing, minutes.recordingStartedAt, now);
      return {
        ...minutes,
        entries: existing
          ? minutes.entries.map((e) => (e.id === entry.id ? entry : e))
          : insertAfter(minutes.entries, entry, op.afterId),
      };
    }
    case 'entry.update':
      return {
        ...minutes,
        entries: minutes.entries.map((e) =>
          e.id === op.id ? updatedEntry(e, op.patch, minutes.recordingStartedAt) : e,
        ),
      };
    case 'entry.remove':
      return { ...minutes, entries: minutes.entries.filter((e) => e.id !== op.id) };
    case 'entry.move': {
      const entry = minutes.entries.find((e) => e.id === op.id);
      if (!entry || op.afterId === op.id) return minutes;
      return {
        ...minutes,
        entries: insertAfter(
          minutes.entries.filter((e) => e.id !== op.id),
          entry,
          op.afterId,
        ),
      };
    }
  }
}
