import { z } from 'zod';
import { ErrorCode } from '../contract/result.js';
import { CaseSnapshot, ProceduralStep } from '../domain/index.js';
import { AccessEpoch, SyncCursor } from './schemas.js';

/** The sync protocol (issue 3 item 7): the change feed, client mutations, documents by content hash. */

const ServerId = z.guid().transform((id) => id.toLowerCase());
const IsoDateTime = z.iso.datetime({ offset: true });
/** A version from the register's one change sequence; every synced record carries one. */
export const RecordVersion = z.number().int().nonnegative();

export const SyncChangesQuery = z.object({
  cursor: SyncCursor.default('0'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type SyncChangesQuery = z.infer<typeof SyncChangesQuery>;

/** The user's own private note on a case; nobody else is ever sent it. */
export const CaseNote = z.object({
  caseId: z.string(),
  text: z.string(),
  version: RecordVersion,
  updatedAt: IsoDateTime,
});
export type CaseNote = z.infer<typeof CaseNote>;

export const SyncFeedChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('case'), case: CaseSnapshot }),
  /** The case is gone or this user may no longer see it: remove it (and its note) from the cache. */
  z.object({ kind: z.literal('case-removed'), caseId: z.string() }),
  z.object({ kind: z.literal('case-note'), note: CaseNote }),
]);
export type SyncFeedChange = z.infer<typeof SyncFeedChange>;

export const SyncChangesResponse = z.object({
  changes: z.array(SyncFeedChange),
  cursor: SyncCursor,
  hasMore: z.boolean(),
  remaining: z.number().int().nonnegative().nullable(),
  accessEpoch: AccessEpoch,
});
export type SyncChangesResponse = z.infer<typeof SyncChangesResponse>;

const mutation = <K extends string, P extends z.ZodObject>(kind: K, payload: P) =>
  z.strictObject({
    /** Made by the client (a random UUID); the register applies each id at most once. */
    id: z.uuid().transform((id) => id.toLowerCase()),
    kind: z.literal(kind),
    /** The version of the record the client changed; null when it believes there is none yet. */
    baseVersion: RecordVersion.nullable(),
    payload,
  });

/** Puts (creates or replaces) the user's private note on a case. baseVersion: the note's version. */
export const CaseNotePutMutation = mutation(
  'case.note.put',
  z.strictObject({ caseId: ServerId, text: z.string().max(20_000) }),
);

/**
 * Adds a procedural step to a case. baseVersion: the case version the client saw, or null to add
 * the step whatever changed meanwhile (a step is appended, it overwrites nothing).
 */
export const ProceduralStepAddMutation = mutation(
  'procedural_step.add',
  z.strictObject({
    stepId: z.uuid().transform((id) => id.toLowerCase()),
    caseId: ServerId,
    kind: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'a lower-case step kind such as hearing_postponed'),
    occurredAt: IsoDateTime,
    description: z.string().trim().min(1).max(4_000),
  }),
);

export const SyncMutation = z.discriminatedUnion('kind', [CaseNotePutMutation, ProceduralStepAddMutation]);
export type SyncMutation = z.infer<typeof SyncMutation>;

export const SyncMutationsRequest = z.strictObject({ mutations: z.array(SyncMutation).min(1).max(100) });
export type SyncMutationsRequest = z.infer<typeof SyncMutationsRequest>;

/** The server's record a mutation produced, or the one it conflicted with. */
export const SyncRecord = z.discriminatedUnion('type', [
  /** null: the user has no note on that case. */
  z.object({ type: z.literal('case-note'), note: CaseNote.nullable() }),
  z.object({ type: z.literal('procedural-step'), caseId: z.string(), step: ProceduralStep }),
  z.object({ type: z.literal('case'), case: CaseSnapshot }),
]);
export type SyncRecord = z.infer<typeof SyncRecord>;

export const SyncMutationResult = z.discriminatedUnion('status', [
  z.object({ id: z.string(), status: z.literal('applied'), record: SyncRecord }),
  z.object({ id: z.string(), status: z.literal('rejected'), code: ErrorCode, reason: z.string() }),
  /** The base version was stale: nothing changed; the client keeps its own text and shows both. */
  z.object({ id: z.string(), status: z.literal('conflict'), reason: z.string(), record: SyncRecord }),
]);
export type SyncMutationResult = z.infer<typeof SyncMutationResult>;

export const SyncMutationsResponse = z.object({ results: z.array(SyncMutationResult) });
export type SyncMutationsResponse = z.infer<typeof SyncMutationsResponse>;

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 as 64 lower-case hex digits');
export const BlobParams = z.object({ sha256: Sha256Hex });
export const BlobUploadQuery = z.object({ caseId: ServerId });
export const BlobUploadResponse = z.object({
  sha256: Sha256Hex,
  size: z.number().int().nonnegative(),
  /** False when the register already had these bytes. */
  created: z.boolean(),
});
export type BlobUploadResponse = z.infer<typeof BlobUploadResponse>;
