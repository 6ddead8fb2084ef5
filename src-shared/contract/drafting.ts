import { z } from 'zod';
import { ProcedureType } from '../domain/procedure-type.js';
import { RichDoc } from '../domain/rich-text.js';

/**
 * Decision drafting (issue 8): templates as data a court can change, drafts kept on this computer
 * (autosaved, with versions), the introduction filled in from the cached case, DOCX export and
 * import, and submission to the register as the case's next document.
 */

const Slug = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'a lower-case id such as civil-judgment');
const DraftId = z.uuid();
const CaseId = z.string().min(1).max(64);
const IsoDateTime = z.iso.datetime({ offset: true });

export const DecisionKind = z.enum(['judgment', 'ruling', 'decision']);
export type DecisionKind = z.infer<typeof DecisionKind>;

/** The facts of the introduction, each filled in from the case and overridable by the judge. */
export const INTRODUCTION_FIELDS = [
  'court',
  'judges',
  'pronouncedAt',
  'place',
  'caseNumber',
  'subject',
  'claimValue',
  'parties',
  'representatives',
  'procedure',
] as const;
export const IntroductionFieldKey = z.enum(INTRODUCTION_FIELDS);
export type IntroductionFieldKey = z.infer<typeof IntroductionFieldKey>;

/**
 * What a section is: the introduction is built from fields; the operative part ends with the appeal
 * route; the reasoning is written in numbered paragraphs; other sections are free text.
 */
export const SectionRole = z.enum(['introduction', 'operative', 'descriptive', 'reasoning', 'text']);
export type SectionRole = z.infer<typeof SectionRole>;

export const TemplateSection = z.object({
  id: Slug,
  /** As printed, e.g. "RESOLUTSIOON" or "PÕHJENDUSED". */
  heading: z.string().min(1).max(200),
  role: SectionRole,
  /** Missing content is flagged before submitting. */
  required: z.boolean(),
  /** Shown in an empty section. */
  hint: z.string().max(500).optional(),
  /** Text a new draft starts with; `{appealRoute}`, `{appealDeadlineDays}`, `{appealCourt}` are filled in. */
  initial: z.array(z.string().max(4_000)).max(50).optional(),
});
export type TemplateSection = z.infer<typeof TemplateSection>;

/** A decision template: data, read from the app's templates and the court's own folder. */
export const DecisionTemplate = z.object({
  id: Slug,
  /** Raised by the court when it changes the template; a draft keeps the version it began with. */
  version: z.number().int().positive(),
  procedureType: ProcedureType,
  decisionKind: DecisionKind,
  /** The name in lists, e.g. "Tsiviilasja kohtuotsus". */
  name: z.string().min(1).max(200),
  /** The document's title as printed, e.g. "KOHTUOTSUS". */
  title: z.string().min(1).max(200),
  introduction: z.array(IntroductionFieldKey).min(1),
  sections: z.array(TemplateSection).min(1).max(30),
  appeal: z.object({
    /** e.g. "Otsuse peale võib esitada apellatsiooni Tallinna Ringkonnakohtule". */
    route: z.string().min(1).max(1_000),
    deadlineDays: z.number().int().min(1).max(365),
    court: z.string().min(1).max(200),
  }),
});
export type DecisionTemplate = z.infer<typeof DecisionTemplate>;

export const IntroductionField = z.object({
  key: IntroductionFieldKey,
  /** Filled in from the cached case now. */
  auto: z.string(),
  /** The judge's own text, or null to use `auto`. */
  override: z.string().nullable(),
  /** What the decision says: the override if set, else `auto`. */
  value: z.string(),
  /** The case data changed since the judge overrode this field: `auto` is no longer what they saw. */
  autoChanged: z.boolean(),
});
export type IntroductionField = z.infer<typeof IntroductionField>;

export const DraftSection = z.object({
  id: Slug,
  heading: z.string(),
  role: SectionRole,
  required: z.boolean(),
  hint: z.string().optional(),
  content: RichDoc,
});
export type DraftSection = z.infer<typeof DraftSection>;

/** draft → submitted (queued for the register) → filed (the register gave it its number). */
export const DraftStatus = z.enum(['draft', 'submitted', 'filed']);
export type DraftStatus = z.infer<typeof DraftStatus>;

export const Draft = z.object({
  id: DraftId,
  caseId: z.string(),
  caseNumber: z.string(),
  templateId: Slug,
  templateVersion: z.number().int().positive(),
  decisionKind: DecisionKind,
  /** The printed title, e.g. "KOHTUOTSUS". */
  title: z.string(),
  status: DraftStatus,
  /** Raised by every save; a save based on an older revision is refused (another window saved). */
  revision: z.number().int().nonnegative(),
  createdAt: IsoDateTime,
  savedAt: IsoDateTime,
  introduction: z.array(IntroductionField),
  sections: z.array(DraftSection),
  appeal: DecisionTemplate.shape.appeal,
  wordCount: z.number().int().nonnegative(),
  /** `T-YY-N/D` once filed. */
  documentNumber: z.string().nullable(),
});
export type Draft = z.infer<typeof Draft>;

export const DraftSummary = Draft.pick({
  id: true,
  caseId: true,
  caseNumber: true,
  templateId: true,
  title: true,
  status: true,
  savedAt: true,
  wordCount: true,
  documentNumber: true,
}).extend({ templateName: z.string() });
export type DraftSummary = z.infer<typeof DraftSummary>;

export const DraftVersionReason = z.enum([
  'checkpoint',
  'manual',
  'before-restore',
  'import',
  'export',
  'submit',
]);
export type DraftVersionReason = z.infer<typeof DraftVersionReason>;

export const DraftVersion = z.object({
  id: z.number().int().positive(),
  draftId: DraftId,
  revision: z.number().int().nonnegative(),
  createdAt: IsoDateTime,
  reason: DraftVersionReason,
  wordCount: z.number().int().nonnegative(),
});
export type DraftVersion = z.infer<typeof DraftVersion>;

export const DraftVersionContent = DraftVersion.extend({
  sections: z.array(DraftSection.pick({ id: true, heading: true, content: true })),
  overrides: z.partialRecord(IntroductionFieldKey, z.string()),
});
export type DraftVersionContent = z.infer<typeof DraftVersionContent>;

/** A file the host made for the user to save (a DOCX export). */
export const ExportedFile = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int().nonnegative(),
  base64: z.string(),
});
export type ExportedFile = z.infer<typeof ExportedFile>;

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** The largest Word file `drafts:import` takes (base64 of it is a third larger). */
export const DRAFT_IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export const draftingChannels = {
  'drafting:templates': {
    input: z.object({ procedureType: ProcedureType.optional() }).optional(),
    output: z.array(DecisionTemplate),
  },
  'drafts:list': { input: z.object({ caseId: CaseId.optional() }).optional(), output: z.array(DraftSummary) },
  'drafts:create': { input: z.object({ caseId: CaseId, templateId: Slug }), output: Draft },
  /** The draft with its introduction filled in again from the case as cached now. */
  'drafts:get': { input: z.object({ draftId: DraftId }), output: Draft },
  /** Autosave: the whole of the free parts and the overrides; durable when it answers. */
  'drafts:save': {
    input: z.object({
      draftId: DraftId,
      baseRevision: z.number().int().nonnegative(),
      sections: z.array(z.object({ id: Slug, content: RichDoc })).max(30),
      /** Per field: a string overrides, null goes back to the case's value; missing fields are left as they are. */
      overrides: z.partialRecord(IntroductionFieldKey, z.string().max(4_000).nullable()),
      /** Also keep this state as a version the judge asked for. */
      version: z.boolean().optional(),
    }),
    output: z.object({
      revision: z.number().int().nonnegative(),
      savedAt: IsoDateTime,
      wordCount: z.number().int(),
    }),
  },
  'drafts:versions': { input: z.object({ draftId: DraftId }), output: z.array(DraftVersion) },
  'drafts:version': {
    input: z.object({ draftId: DraftId, versionId: z.number().int().positive() }),
    output: DraftVersionContent,
  },
  /** Keeps the current state as a version first, then puts the chosen one back. */
  'drafts:restore': {
    input: z.object({ draftId: DraftId, versionId: z.number().int().positive() }),
    output: Draft,
  },
  'drafts:export': { input: z.object({ draftId: DraftId }), output: ExportedFile },
  /** A Word file brought in as a new draft of the case (headings, paragraphs, lists, tables kept). */
  'drafts:import': {
    input: z.object({
      caseId: CaseId,
      templateId: Slug,
      fileName: z.string().min(1).max(255),
      base64: z.string().max(Math.ceil(DRAFT_IMPORT_MAX_BYTES / 3) * 4 + 4),
    }),
    output: Draft,
  },
  /** Exports and queues the decision for the register as the case's next document; refused while required parts are empty. */
  'drafts:submit': { input: z.object({ draftId: DraftId }), output: Draft },
  'drafts:delete': { input: z.object({ draftId: DraftId }), output: z.null() },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const draftingEvents = {
  /** These drafts changed outside the editor (filed by the register, restored, imported). */
  'drafts:changed': z.object({ draftIds: z.array(z.string()) }),
} as const satisfies Record<string, z.ZodType>;
