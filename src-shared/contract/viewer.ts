import { z } from 'zod';

/**
 * The document viewer's contract (issue 7): a document's facts and download, the bytes by URL, the
 * reader's position per document (local only), and the user's private notes and highlights (synced
 * to the register as the user's own, never shown to anyone else).
 */

const DocumentId = z.string().min(1).max(64);

/** What the viewer needs to know of a document before it asks for the bytes. */
export const DocumentInfo = z.object({
  documentId: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  /** The document's own number, `T-YY-N/D`. */
  number: z.string(),
  title: z.string(),
  mediaType: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  pages: z.number().int().positive().nullable(),
  restricted: z.boolean(),
});
export type DocumentInfo = z.infer<typeof DocumentInfo>;

/** A download the user is waiting for (`documents:open` of a file not yet on this computer). */
export const DocumentDownload = z.object({
  documentId: z.string(),
  received: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().nullable(),
  done: z.boolean(),
});
export type DocumentDownload = z.infer<typeof DocumentDownload>;

/**
 * Where the bytes of a document are read (GET and HEAD, with `Range`): the browser host serves
 * `/documents/<documentId>` on its own origin (cookie-authenticated), Electron a privileged
 * `chambers-doc://document/<documentId>` scheme. Both read the local encrypted store only: call
 * `documents:open` first, which downloads a missing file.
 */
export const DOCUMENT_PATH_PREFIX = '/documents/';
export const DOCUMENT_SCHEME = 'chambers-doc';

export const Rotation = z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]);
export type Rotation = z.infer<typeof Rotation>;

export const ZoomSetting = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fit-width') }),
  z.object({ kind: z.literal('fit-page') }),
  /** CSS pixels per PDF point (1 = 100 %). */
  z.object({ kind: z.literal('scale'), scale: z.number().min(0.1).max(8) }),
]);
export type ZoomSetting = z.infer<typeof ZoomSetting>;

/** Where the reader was in a document: kept per user and document on this computer, never synced. */
export const ViewerState = z.object({
  documentId: DocumentId,
  /** 1-based. */
  page: z.number().int().positive(),
  /** How far down that page the top of the view was, 0..1. */
  offset: z.number().min(0).max(1),
  zoom: ZoomSetting,
  /** Pages turned by the reader (page number → degrees clockwise); pages not listed are upright. */
  rotations: z.record(z.string().regex(/^[1-9][0-9]{0,5}$/), Rotation),
});
export type ViewerState = z.infer<typeof ViewerState>;

/** A region of a page as fractions (0..1) of the unrotated page, from its top-left corner. */
export const PageRect = z
  .object({
    x: z.number().min(0).max(1),
    y: z.number().min(0).max(1),
    width: z.number().min(0).max(1),
    height: z.number().min(0).max(1),
  })
  .refine((r) => r.x + r.width <= 1.000001 && r.y + r.height <= 1.000001, 'the region must lie on the page');
export type PageRect = z.infer<typeof PageRect>;

export const AnnotationKind = z.enum(['note', 'highlight']);
export type AnnotationKind = z.infer<typeof AnnotationKind>;
export const AnnotationColor = z.enum(['yellow', 'green', 'blue', 'pink']);
export type AnnotationColor = z.infer<typeof AnnotationColor>;
export const ANNOTATION_TEXT_MAX = 4_000;

/** The user's private note or highlight on a region of a page, as this computer holds it. */
export const Annotation = z.object({
  id: z.uuid(),
  documentId: z.string(),
  caseId: z.string(),
  page: z.number().int().positive(),
  rect: PageRect,
  kind: AnnotationKind,
  text: z.string().max(ANNOTATION_TEXT_MAX),
  color: AnnotationColor,
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  /** Saved here, not yet confirmed by the register. */
  unsent: z.boolean(),
});
export type Annotation = z.infer<typeof Annotation>;

export const viewerChannels = {
  /** The document's facts; downloads it first (with `documents:download` events) if it is missing. */
  'documents:open': { input: z.object({ documentId: DocumentId }), output: DocumentInfo },
  'viewer:getState': { input: z.object({ documentId: DocumentId }), output: ViewerState.nullable() },
  'viewer:putState': { input: ViewerState, output: z.null() },
  'annotations:list': { input: z.object({ documentId: DocumentId }), output: z.array(Annotation) },
  /** Creates or replaces one (the client makes the id); saved at once, sent when the register is reachable. */
  'annotations:put': {
    input: z.object({
      id: z.uuid(),
      documentId: DocumentId,
      page: z.number().int().positive().max(100_000),
      rect: PageRect,
      kind: AnnotationKind,
      text: z.string().max(ANNOTATION_TEXT_MAX),
      color: AnnotationColor,
    }),
    output: Annotation,
  },
  'annotations:delete': { input: z.object({ id: z.uuid() }), output: z.null() },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const viewerEvents = {
  'documents:download': DocumentDownload,
  /** Annotations of these documents changed (a local edit, a pull, a push result). */
  'annotations:changed': z.object({ documentIds: z.array(z.string()) }),
} as const satisfies Record<string, z.ZodType>;
