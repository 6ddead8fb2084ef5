import { z } from 'zod';
import { ErrorCode } from '../contract/result.js';
import { CaseSnapshot, ProceduralStep } from '../domain/index.js';
import { ANNOTATION_TEXT_MAX, AnnotationColor, AnnotationKind, PageRect } from '../contract/viewer.js';
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

/**
 * The user's own note or highlight on a region of a document's page; nobody else is ever sent it.
 * A deleted one stays as a tombstone (`deleted`), so every device hears of the deletion.
 */
export const DocumentAnnotation = z.object({
  id: z.string(),
  documentId: z.string(),
  caseId: z.string(),
  page: z.number().int().positive(),
  rect: PageRect,
  kind: AnnotationKind,
  text: z.string(),
  color: AnnotationColor,
  deleted: z.boolean(),
  version: RecordVersion,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type DocumentAnnotation = z.infer<typeof DocumentAnnotation>;

export const SyncFeedChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('case'), case: CaseSnapshot }),
  /** The case is gone or this user may no longer see it: remove it (and its note) from the cache. */
  z.object({ kind: z.literal('case-removed'), caseId: z.string() }),
  z.object({ kind: z.literal('case-note'), note: CaseNote }),
  z.object({ kind: z.literal('annotation'), annotation: DocumentAnnotation }),
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

/**
 * Creates or replaces the user's note or highlight on a document. baseVersion: the annotation's
 * version, null for a new one. The document must belong to a case the user may read.
 */
export const AnnotationPutMutation = mutation(
  'annotation.put',
  z.strictObject({
    annotationId: z.uuid().transform((id) => id.toLowerCase()),
    documentId: ServerId,
    page: z.number().int().positive().max(100_000),
    rect: PageRect,
    kind: AnnotationKind,
    text: z.string().max(ANNOTATION_TEXT_MAX),
    color: AnnotationColor,
  }),
);

/** Deletes the user's annotation (it becomes a tombstone). baseVersion: the annotation's version. */
export const AnnotationDeleteMutation = mutation(
  'annotation.delete',
  z.strictObject({ annotationId: z.uuid().transform((id) => id.toLowerCase()) }),
);

/** What a document filed from Chambers is: a decision (issue 8) or hearing minutes (issue 9). */
export const FiledDocumentKind = z.enum(['decision', 'minutes']);
export type FiledDocumentKind = z.infer<typeof FiledDocumentKind>;

/**
 * Files a document the user made (a decision, hearing minutes) as the case's next document
 * `T-YY-N/D`. Its bytes were uploaded first (`PUT /api/v1/blobs/:sha256?caseId=`). The register
 * checks the user may (`decision.draft` / `minutes.write` on the case), numbers it, adds the
 * procedural step (`decided` for a judgment or decision, `ruling_made` for a ruling, `minutes_filed`
 * for minutes) and an audit entry, all in one transaction. baseVersion: null (a document is
 * appended, it overwrites nothing). The same documentId twice is answered with the first result.
 */
export const CaseDocumentFileMutation = mutation(
  'case.document.file',
  z.strictObject({
    documentId: z.uuid().transform((id) => id.toLowerCase()),
    caseId: ServerId,
    kind: FiledDocumentKind,
    /** e.g. "Kohtuotsus" or "Kohtuistungi protokoll". */
    title: z.string().trim().min(1).max(200),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    size: z.number().int().positive(),
    mediaType: z.enum([
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/pdf',
    ]),
    /** For a decision: which kind (sets the step); null for minutes. */
    decisionKind: z.enum(['judgment', 'ruling', 'decision']).nullable(),
    /** For minutes: the hearing they record (must be a hearing of the case); null for a decision. */
    hearingId: ServerId.nullable(),
    occurredAt: IsoDateTime,
  }),
);

/**
 * Reports that the user read a document from the copy on their computer, where the register did not
 * see the read (§18¹: every read of restricted data is logged). The desktop sends it for documents it
 * holds as restricted (or of a restricted case); the register checks the user may read the case
 * (else `not_found`) and, when the document or its case is restricted, logs a `document.read` in the
 * read chain with the time the desktop gives. It changes nothing else. baseVersion: null.
 */
export const DocumentReadMutation = mutation(
  'document.read',
  z.strictObject({ documentId: ServerId, readAt: IsoDateTime }),
);

export const SyncMutation = z.discriminatedUnion('kind', [
  CaseNotePutMutation,
  ProceduralStepAddMutation,
  AnnotationPutMutation,
  AnnotationDeleteMutation,
  CaseDocumentFileMutation,
  DocumentReadMutation,
]);
export type SyncMutation = z.infer<typeof SyncMutation>;

export const SyncMutationsRequest = z.strictObject({ mutations: z.array(SyncMutation).min(1).max(100) });
export type SyncMutationsRequest = z.infer<typeof SyncMutationsRequest>;

/** The server's record a mutation produced, or the one it conflicted with. */
export const SyncRecord = z.discriminatedUnion('type', [
  /** null: the user has no note on that case. */
  z.object({ type: z.literal('case-note'), note: CaseNote.nullable() }),
  z.object({ type: z.literal('procedural-step'), caseId: z.string(), step: ProceduralStep }),
  z.object({ type: z.literal('case'), case: CaseSnapshot }),
  /** null: the user has no annotation with that id. */
  z.object({ type: z.literal('annotation'), annotation: DocumentAnnotation.nullable() }),
  /** A read reported by `document.read`; `logged` is false when the register holds it unrestricted. */
  z.object({ type: z.literal('read-logged'), documentId: z.string(), logged: z.boolean() }),
  /** The filed document's number and the case as it now is. */
  z.object({
    type: z.literal('filed-document'),
    documentId: z.string(),
    documentNumber: z.string(),
    case: CaseSnapshot,
  }),
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
