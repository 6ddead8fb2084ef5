import { randomUUID } from 'node:crypto';
import {
  AppError,
  DOCX_MEDIA_TYPE,
  DRAFT_IMPORT_MAX_BYTES,
  type DecisionTemplate,
  type Draft,
  type IntroductionField,
  type IntroductionFieldKey,
} from '../../../src-shared/contract/index.js';
import { type CaseSnapshot, type SessionUser, authorize } from '../../../src-shared/domain/index.js';
import type { Handlers } from '../../ipc/handler-registry.js';
import type { EventBus } from '../events.js';
import type { FilingService } from '../filing-types.js';
import type { ActiveSession } from '../session.js';
import type { CacheDb } from '../store/cache.js';
import { getCaseSnapshot } from '../store/case-queries.js';
import {
  type StoredDraft,
  addVersion,
  deleteDraft,
  getVersion,
  insertDraft,
  listDrafts,
  listVersions,
  requireDraft,
  restoreVersion,
  saveDraft,
  setFiled,
  setRefused,
  setSubmitted,
} from '../store/drafts-store.js';
import { type CourtDocument, decisionFileName, docxExport } from './docx/court-document.js';
import { renderCourtDocx } from './docx/index.js';
import { hasText } from '../../../src-shared/domain/rich-text.js';
import { initialSections, splitIntoSections } from './drafts-sections.js';
import { importDocx } from './import-docx.js';
import { buildIntroduction, introductionRows } from './introduction.js';
import { loadTemplates, templateById, templatesFor } from './templates.js';

export type DraftingHandlers = Pick<
  Handlers,
  | 'drafting:templates'
  | 'drafts:list'
  | 'drafts:create'
  | 'drafts:get'
  | 'drafts:save'
  | 'drafts:versions'
  | 'drafts:version'
  | 'drafts:restore'
  | 'drafts:export'
  | 'drafts:import'
  | 'drafts:submit'
  | 'drafts:delete'
>;

export interface DraftingDeps {
  /** The active session or an `unauthenticated` error. */
  session: { require(): Pick<ActiveSession, 'cache' | 'user'> };
  /** Where the court's own templates are (`DATA/templates/decisions`). */
  dataDir: string;
  filing: FilingService;
  events: Pick<EventBus, 'emit'>;
  now?: () => Date;
  /** What `drafts:import` tells about the file (how it was split, what was left out). */
  onImportMessages?: (draftId: string, messages: string[]) => void;
}

type Autos = Record<IntroductionFieldKey, string>;

/** The case of a draft as cached now, or a clear `not_found`. */
function cachedCase(cache: CacheDb, caseId: string): CaseSnapshot {
  const snapshot = getCaseSnapshot(cache, caseId);
  if (!snapshot)
    throw new AppError('not_found', `The case ${caseId} is not on this computer; sync it first.`, {
      reason: 'case_not_cached',
    });
  return snapshot;
}

/** `decision.draft` on the case as the register would decide it, from what the cache knows. */
function requireMayDraft(user: SessionUser, snapshot: CaseSnapshot): void {
  const assigned = new Set<string>();
  if (snapshot.judge) assigned.add(snapshot.judge.id);
  for (const h of snapshot.hearings) {
    for (const j of h.judges) assigned.add(j.id);
    if (h.secretary) assigned.add(h.secretary.id);
  }
  const target = {
    courtCode: snapshot.court.code,
    procedureType: snapshot.procedureType,
    restriction: snapshot.restriction,
    assignedStaffIds: [...assigned],
  };
  if (!authorize(user, 'decision.draft', target))
    throw new AppError('forbidden', `You may not draft decisions in case ${snapshot.number}.`, {
      reason: 'decision_draft_denied',
    });
}

/** When the decision is dated: the submission once submitted, else now. */
const decidedAt = (draft: StoredDraft, now: Date) => (draft.submittedAt ? new Date(draft.submittedAt) : now);

function autosOf(draft: StoredDraft, snapshot: CaseSnapshot, now: Date): Autos {
  return buildIntroduction(draft.template, snapshot, { now: decidedAt(draft, now) });
}

function introductionOf(draft: StoredDraft, autos: Autos): IntroductionField[] {
  return draft.template.introduction.map((key) => {
    const override = draft.overrides[key] ?? null;
    const seen = draft.autoSeen[key];
    return {
      key,
      auto: autos[key],
      override,
      value: override ?? autos[key],
      autoChanged: override !== null && seen !== undefined && seen !== autos[key],
    };
  });
}

export function toDraft(draft: StoredDraft, autos: Autos): Draft {
  return {
    id: draft.id,
    caseId: draft.caseId,
    caseNumber: draft.caseNumber,
    templateId: draft.template.id,
    templateVersion: draft.template.version,
    decisionKind: draft.template.decisionKind,
    title: draft.title,
    status: draft.status,
    revision: draft.revision,
    createdAt: draft.createdAt,
    savedAt: draft.savedAt,
    introduction: introductionOf(draft, autos),
    sections: draft.sections,
    appeal: draft.appeal,
    wordCount: draft.wordCount,
    documentNumber: draft.documentNumber,
  };
}

/** The document title as the register lists it: "KOHTUOTSUS" → "Kohtuotsus". */
export function documentTitle(title: string): string {
  const lower = title.trim().toLocaleLowerCase('et');
  return lower.charAt(0).toLocaleUpperCase('et') + lower.slice(1);
}

/** The decision as the DOCX writer prints it. */
export function courtDocumentOf(draft: StoredDraft, snapshot: CaseSnapshot, autos: Autos): CourtDocument {
  const values = Object.fromEntries(introductionOf(draft, autos).map((f) => [f.key, f.value]));
  const judges = (values.judges ?? '')
    .split(/,\s*|\n/)
    .map((j) => j.trim())
    .filter(Boolean);
  return {
    courtName: snapshot.court.name,
    title: draft.title,
    caseNumber: draft.caseNumber,
    fields: introductionRows(draft.template, values),
    sections: draft.sections
      .filter((s) => s.role !== 'introduction' || hasText(s.content))
      .map((s) => ({ heading: s.heading, content: s.content })),
    signature: [judges.length > 1 ? 'Kohtunikud' : 'Kohtunik', ...judges, '(allkirjastatud digitaalselt)'],
    properties: { description: `${draft.title} ${draft.caseNumber}` },
  };
}

/** Strict base64 (whitespace allowed between groups) to bytes, or a clear `invalid_input`. */
export function decodeBase64(text: string): Uint8Array {
  const compact = text.replace(/\s+/g, '');
  if (compact === '') throw new AppError('invalid_input', 'The file is empty.', { reason: 'empty_file' });
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact))
    throw new AppError('invalid_input', 'The file is not valid base64.', { reason: 'bad_base64' });
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length > DRAFT_IMPORT_MAX_BYTES)
    throw new AppError(
      'invalid_input',
      `The file is larger than ${DRAFT_IMPORT_MAX_BYTES / 1024 / 1024} MB.`,
      {
        reason: 'file_too_large',
      },
    );
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The register numbered a submitted decision (the push hook saw its filing filed): the draft
 * becomes 'filed' with its document number. Emits `drafts:changed` when `events` is given and
 * the draft changed; returns whether it did.
 */
export function markFiled(
  cache: CacheDb,
  draftId: string,
  documentNumber: string,
  events?: Pick<EventBus, 'emit'>,
): boolean {
  const changed = setFiled(cache, draftId, documentNumber);
  if (changed) events?.emit('drafts:changed', { draftIds: [draftId.toLowerCase()] });
  return changed;
}

/** The register refused the filing for good: the draft is editable again so it can be corrected. */
export function markFilingRefused(cache: CacheDb, draftId: string, events?: Pick<EventBus, 'emit'>): boolean {
  const changed = setRefused(cache, draftId);
  if (changed) events?.emit('drafts:changed', { draftIds: [draftId.toLowerCase()] });
  return changed;
}

/**
 * Every `drafting:templates` / `drafts:*` channel, on the signed-in user's cache: drafts are kept
 * on this computer and work the same offline; a submitted one goes to the register through the
 * filing outbox.
 */
export function createDraftingHandlers(deps: DraftingDeps): DraftingHandlers {
  const now = deps.now ?? (() => new Date());
  const changed = (draftId: string) => deps.events.emit('drafts:changed', { draftIds: [draftId] });

  const templates = async () => (await loadTemplates({ dataDir: deps.dataDir })).templates;
  const template = async (id: string): Promise<DecisionTemplate> => {
    const found = templateById(await templates(), id);
    if (!found) throw new AppError('not_found', `There is no decision template "${id}".`);
    return found;
  };

  /** The case of a new draft, checked: cached, the user may draft in it, the template fits it. */
  const caseForNew = (
    cache: CacheDb,
    user: SessionUser,
    caseId: string,
    t: DecisionTemplate,
  ): CaseSnapshot => {
    const snapshot = cachedCase(cache, caseId);
    requireMayDraft(user, snapshot);
    if (t.procedureType !== snapshot.procedureType)
      throw new AppError(
        'invalid_input',
        `The template "${t.name}" is for ${t.procedureType} cases; case ${snapshot.number} is ${snapshot.procedureType}.`,
        { reason: 'template_mismatch' },
      );
    return snapshot;
  };

  const read = (cache: CacheDb, draftId: string): Draft => {
    const draft = requireDraft(cache, draftId);
    return toDraft(draft, autosOf(draft, cachedCase(cache, draft.caseId), now()));
  };

  /**
   * How the store works out the introduction's automatic values now, from the draft it read: only
   * when an override is new or edited. None when the case left the cache.
   */
  const autosNow =
    (cache: CacheDb) =>
    (draft: StoredDraft): Partial<Autos> => {
      const snapshot = getCaseSnapshot(cache, draft.caseId);
      return snapshot ? autosOf(draft, snapshot, now()) : {};
    };

  const render = async (cache: CacheDb, draft: StoredDraft, at: Date) => {
    const snapshot = cachedCase(cache, draft.caseId);
    const bytes = await renderCourtDocx(courtDocumentOf(draft, snapshot, autosOf(draft, snapshot, at)));
    return { bytes, fileName: decisionFileName(draft.caseNumber, draft.title) };
  };

  return {
    'drafting:templates': async (input) => {
      deps.session.require();
      return templatesFor(await templates(), input?.procedureType);
    },
    'drafts:list': async (input) => listDrafts(deps.session.require().cache, input?.caseId),
    'drafts:create': async ({ caseId, templateId }) => {
      const { cache, user } = deps.session.require();
      const t = await template(templateId);
      const snapshot = caseForNew(cache, user, caseId, t);
      const draft = insertDraft(
        cache,
        {
          id: randomUUID(),
          caseId: snapshot.id,
          caseNumber: snapshot.number,
          template: t,
          title: t.title,
          sections: initialSections(t),
          appeal: t.appeal,
        },
        now(),
      );
      return toDraft(draft, autosOf(draft, snapshot, now()));
    },
    'drafts:get': async ({ draftId }) => read(deps.session.require().cache, draftId),
    'drafts:save': async (input) => {
      const { cache } = deps.session.require();
      return saveDraft(cache, input, autosNow(cache), now());
    },
    'drafts:versions': async ({ draftId }) => listVersions(deps.session.require().cache, draftId),
    'drafts:version': async ({ draftId, versionId }) =>
      getVersion(deps.session.require().cache, draftId, versionId),
    'drafts:restore': async ({ draftId, versionId }) => {
      const { cache } = deps.session.require();
      restoreVersion(cache, draftId, versionId, autosNow(cache), now());
      changed(draftId.toLowerCase());
      return read(cache, draftId);
    },
    'drafts:export': async ({ draftId }) => {
      const { cache } = deps.session.require();
      const draft = requireDraft(cache, draftId);
      const { bytes, fileName } = await render(cache, draft, now());
      addVersion(cache, draft.id, 'export', now());
      return docxExport(fileName, bytes);
    },
    'drafts:import': async ({ caseId, templateId, fileName, base64 }) => {
      const { cache, user } = deps.session.require();
      const t = await template(templateId);
      const snapshot = caseForNew(cache, user, caseId, t);
      const { doc, messages } = await importDocx(decodeBase64(base64));
      const split = splitIntoSections(t, doc);
      const id = randomUUID();
      // The session may have ended while mammoth read the file.
      const live = deps.session.require().cache;
      if (live !== cache) throw new AppError('unauthenticated', 'The session ended during the import.');
      cache.transaction(() => {
        insertDraft(
          cache,
          {
            id,
            caseId: snapshot.id,
            caseNumber: snapshot.number,
            template: t,
            title: t.title,
            sections: split.sections,
            appeal: t.appeal,
          },
          now(),
        );
        addVersion(cache, id, 'import', now());
      })();
      const report = [`Imported from ${fileName}.`, split.message, ...messages];
      if (deps.onImportMessages) deps.onImportMessages(id, report);
      changed(id);
      return read(cache, id);
    },
    'drafts:submit': async ({ draftId }) => {
      const { cache } = deps.session.require();
      const draft = requireDraft(cache, draftId);
      if (draft.status !== 'draft')
        throw new AppError('conflict', `The draft was already ${draft.status}.`, {
          reason: 'draft_read_only',
        });
      const empty = draft.sections.filter((s) => s.required && !hasText(s.content)).map((s) => s.heading);
      if (empty.length > 0)
        throw new AppError('invalid_input', `Required parts are empty: ${empty.join(', ')}.`, {
          reason: 'required_sections_empty',
          details: { sections: empty.join(', ').slice(0, 500) },
        });
      const at = now();
      const { bytes } = await render(cache, draft, at);
      cache.transaction(() => {
        addVersion(cache, draft.id, 'submit', at);
        const filing = deps.filing.file(cache, {
          sourceKind: 'draft',
          sourceId: draft.id,
          caseId: draft.caseId,
          kind: 'decision',
          title: documentTitle(draft.title),
          bytes,
          mediaType: DOCX_MEDIA_TYPE,
          decisionKind: draft.template.decisionKind,
          hearingId: null,
          occurredAt: at.toISOString(),
        });
        // Guarded by the revision rendered: a save in between makes the whole step roll back.
        setSubmitted(cache, draft.id, draft.revision, filing.documentId, at);
      })();
      changed(draft.id);
      return read(cache, draftId);
    },
    'drafts:delete': async ({ draftId }) => {
      const { cache } = deps.session.require();
      deleteDraft(cache, draftId);
      changed(draftId.toLowerCase());
      return null;
    },
  };
}
