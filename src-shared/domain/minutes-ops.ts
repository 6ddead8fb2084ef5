import type { MinutesEntry, MinutesOp, Participant } from '../contract/minutes.js';

/**
 * What one minutes operation does to a participant or an entry: the same rules for the host, which
 * writes them to the cache (src-main/services/minutes/apply.ts), and for the view, which shows them
 * before the host has answered (src-renderer/features/minutes/lib/apply-local.ts).
 */

/** The audio position of an instant: ms since the recording started, or null (not recording, or before it). */
export function audioPosition(recordingStartedAt: string | null, at: string): number | null {
  if (recordingStartedAt === null) return null;
  const ms = Date.parse(at) - Date.parse(recordingStartedAt);
  return ms >= 0 ? Math.round(ms) : null;
}

/** The fields of a patch that are set (an absent field leaves the value as it is). */
export const definedFields = <T extends object>(patch: T): Partial<T> =>
  Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;

type Upsert = Extract<MinutesOp, { op: 'participant.upsert' }>['participant'];
type Added = Extract<MinutesOp, { op: 'entry.add' }>['entry'];
type EntryPatch = Extract<MinutesOp, { op: 'entry.update' }>['patch'];

/** A participant put again keeps the attendance already marked unless the op gives one. */
export function upsertedParticipant(incoming: Upsert, before: Participant | undefined): Participant {
  return {
    ...incoming,
    attendance: incoming.attendance === undefined ? (before?.attendance ?? null) : incoming.attendance,
  };
}

/**
 * An added entry; sent again (a resent batch, or the composer's first keystroke followed by more), it
 * keeps what it had for every field the op leaves out, and its audio marker from the first time.
 */
export function addedEntry(
  entry: Added,
  existing: MinutesEntry | undefined,
  recordingStartedAt: string | null,
  now: string,
): MinutesEntry {
  const at = entry.at ?? existing?.at ?? now;
  return {
    id: entry.id,
    kind: entry.kind,
    at,
    audioMs: existing?.audioMs ?? audioPosition(recordingStartedAt, at),
    speakerId: entry.speakerId ?? existing?.speakerId ?? null,
    text: entry.text ?? existing?.text ?? '',
    refersToId: entry.refersToId ?? existing?.refersToId ?? null,
    appealRoute: entry.appealRoute ?? existing?.appealRoute ?? '',
  };
}

/** An entry changed; a new time moves the audio marker with it unless the marker itself was given. */
export function updatedEntry(
  existing: MinutesEntry,
  patch: EntryPatch,
  recordingStartedAt: string | null,
): MinutesEntry {
  const next: MinutesEntry = { ...existing, ...definedFields(patch) };
  if (patch.at !== undefined && patch.audioMs === undefined)
    next.audioMs = audioPosition(recordingStartedAt, next.at);
  return next;
}

/**
 * Folds `op` into the last queued one when it only refines it (typing into the same entry), so a
 * long sentence goes as one op; anything else is queued after it. Order is never changed.
 */
export function enqueue(queue: MinutesOp[], op: MinutesOp): void {
  const last = queue[queue.length - 1];
  if (last && op.op === 'entry.update' && op.patch.audioMs === undefined) {
    if (last.op === 'entry.update' && last.id === op.id) {
      queue[queue.length - 1] = { ...last, patch: { ...last.patch, ...definedFields(op.patch) } };
      return;
    }
    if (last.op === 'entry.add' && last.entry.id === op.id) {
      queue[queue.length - 1] = { ...last, entry: { ...last.entry, ...definedFields(op.patch) } };
      return;
    }
  }
  if (last && op.op === 'header' && last.op === 'header') {
    queue[queue.length - 1] = { ...last, patch: { ...last.patch, ...definedFields(op.patch) } };
    return;
  }
  if (last && op.op === 'attendance' && last.op === 'attendance' && last.participantId === op.participantId) {
    queue[queue.length - 1] = op;
    return;
  }
  queue.push(op);
}
