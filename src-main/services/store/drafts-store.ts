import {
  AppError,
  DraftSummary,
  IntroductionFieldKey,
  type DraftSection,
} from '../../../src-shared/contract/index.js';
import type { RichDoc } from '../../../src-shared/domain/rich-text.js';
import type { CacheDb } from './cache.js';
import { checkpointDue, getVersion, keepVersion } from './draft-versions.js';
import {
  type NewDraft,
  type Overrides,
  type StoredDraft,
  column,
  requireDraft,
  requireEditable,
  sectionsWordCount,
  staleRevision,
} from './drafts-rows.js';

export {
  CHECKPOINT_EVERY_MS,
  MAX_VERSIONS,
  addVersion,
  getVersion,
  listVersions,
  thinVersions,
} from './draft-versions.js';
export {
  type NewDraft,
  type Overrides,
  type StoredDraft,
  findDraft,
  requireDraft,
  sectionsWordCount,
} from './drafts-rows.js';

/**
 * Decision drafts on this computer (issue 8). A save is one UPDATE guarded by the revision it was
 * based on, so two windows never overwrite each other silently; it is durable when it returns (WAL,
 * synchronous commit). Versions are taken at most every two minutes of saving, on request, and
 * before a restore, on import, export and submit; old checkpoints are thinned past 200 versions.
 * Every JSON column is parsed back with its schema: a damaged row is an `internal` error.
 */

export function insertDraft(db: CacheDb, draft: NewDraft, now: Date): StoredDraft {
  const at = now.toISOString();
  db.prepare(
    `INSERT INTO drafts (id, case_id, case_number, template_id, template_version, template, decision_kind,
       title, status, revision, created_at, saved_at, sections, overrides, auto_seen, appeal, word_count)
     VALUES (@id, @caseId, @caseNumber, @templateId, @templateVersion, @template, @decisionKind, @title,
       'draft', 0, @at, @at, @sections, '{}', '{}', @appeal, @wordCount)`,
  ).run({
    id: draft.id.toLowerCase(),
    caseId: draft.caseId,
    caseNumber: draft.caseNumber,
    templateId: draft.template.id,
    templateVersion: draft.template.version,
    template: JSON.stringify(draft.template),
    decisionKind: draft.template.decisionKind,
    title: draft.title,
    at,
    sections: JSON.stringify(draft.sections),
    appeal: JSON.stringify(draft.appeal),
    wordCount: sectionsWordCount(draft.sections),
  });
  return requireDraft(db, draft.id);
}

export function listDrafts(db: CacheDb, caseId?: string): DraftSummary[] {
  const rows = db
    .prepare(
      `SELECT id, case_id AS caseId, case_number AS caseNumber, template_id AS templateId, title, status,
         saved_at AS savedAt, word_count AS wordCount, document_number AS documentNumber,
         json_extract(template, '$.name') AS templateName
       FROM drafts WHERE (@caseId IS NULL OR case_id = @caseId) ORDER BY saved_at DESC, id`,
    )
    .all({ caseId: caseId ?? null });
  return rows.map((row) => column(DraftSummary, JSON.stringify(row), 'summary of a draft'));
}

/** The introduction's automatic values now. */
export type Autos = Partial<Record<IntroductionFieldKey, string>>;
/**
 * The automatic values, or how to work them out for the draft as stored: the function is called
 * only when an override is new or edited (the renderer sends every key on every autosave).
 */
export type AutosOf = Autos | ((draft: StoredDraft) => Autos);

/** The next state of the overrides: a string sets one, null drops it, a missing key keeps it. */
export function mergeOverrides<D extends Pick<StoredDraft, 'overrides' | 'autoSeen'>>(
  draft: D,
  changes: Partial<Record<IntroductionFieldKey, string | null>>,
  autosOf: Autos | ((draft: D) => Autos),
): { overrides: Overrides; autoSeen: Overrides } {
  const overrides: Overrides = { ...draft.overrides };
  const autoSeen: Overrides = { ...draft.autoSeen };
  let autos: Autos | undefined;
  const autosNow = (): Autos => (autos ??= typeof autosOf === 'function' ? autosOf(draft) : autosOf);
  for (const key of IntroductionFieldKey.options) {
    if (!(key in changes)) continue;
    const next = changes[key];
    if (next === null || next === undefined) {
      delete overrides[key];
      delete autoSeen[key];
    } else if (next !== overrides[key] || autoSeen[key] === undefined) {
      // A new or edited override: what the judge saw of the case is what it replaces now.
      overrides[key] = next;
      autoSeen[key] = autosNow()[key] ?? '';
    }
  }
  return { overrides, autoSeen };
}

export interface SaveInput {
  draftId: string;
  baseRevision: number;
  sections: readonly { id: string; content: RichDoc }[];
  overrides: Partial<Record<IntroductionFieldKey, string | null>>;
  version?: boolean | undefined;
}

export interface SaveResult {
  revision: number;
  savedAt: string;
  wordCount: number;
}

/** Puts `sections` (by id) into the draft's sections; an unknown or repeated id is refused. */
function withContents(
  current: readonly DraftSection[],
  given: readonly { id: string; content: RichDoc }[],
): DraftSection[] {
  const byId = new Map(given.map((s) => [s.id, s.content]));
  if (byId.size !== given.length) throw new AppError('invalid_input', 'A section is given twice.');
  for (const id of byId.keys())
    if (!current.some((s) => s.id === id))
      throw new AppError('invalid_input', `The draft has no section "${id}".`);
  return current.map((s) => {
    const content = byId.get(s.id);
    return content === undefined ? s : { ...s, content };
  });
}

function writeState(
  db: CacheDb,
  draft: StoredDraft,
  next: { sections: DraftSection[]; overrides: Overrides; autoSeen: Overrides },
  now: Date,
): SaveResult {
  const savedAt = now.toISOString();
  const words = sectionsWordCount(next.sections);
  const result = db
    .prepare(
      `UPDATE drafts SET revision = revision + 1, saved_at = ?, sections = ?, overrides = ?, auto_seen = ?,
         word_count = ?
       WHERE id = ? AND revision = ? AND status = 'draft'`,
    )
    .run(
      savedAt,
      JSON.stringify(next.sections),
      JSON.stringify(next.overrides),
      JSON.stringify(next.autoSeen),
      words,
      draft.id,
      draft.revision,
    );
  if (result.changes !== 1) throw staleRevision(draft.revision);
  return { revision: draft.revision + 1, savedAt, wordCount: words };
}

/**
 * Autosave: one guarded UPDATE. A save from an older revision, or of a submitted draft, is refused
 * (`conflict`). `autos` are the introduction's automatic values now, kept beside a new override.
 * The draft is read (and its columns parsed) once: a version taken with the save is the state
 * just written.
 */
export function saveDraft(db: CacheDb, input: SaveInput, autos: AutosOf, now: Date): SaveResult {
  return db.transaction(() => {
    const draft = requireDraft(db, input.draftId);
    requireEditable(draft);
    if (draft.revision !== input.baseRevision) throw staleRevision(draft.revision);
    const next = {
      sections: withContents(draft.sections, input.sections),
      ...mergeOverrides(draft, input.overrides, autos),
    };
    const result = writeState(db, draft, next, now);
    const reason = input.version === true ? 'manual' : checkpointDue(db, draft.id, now) ? 'checkpoint' : null;
    if (reason)
      keepVersion(
        db,
        {
          id: draft.id,
          revision: result.revision,
          sections: next.sections,
          overrides: next.overrides,
          wordCount: result.wordCount,
        },
        reason,
        now,
      );
    return result;
  })();
}

/**
 * Puts a version back: the current state is kept as a version first ('before-restore'), then the
 * version's texts and overrides become the draft's (sections the version lacks stay as they are).
 */
export function restoreVersion(
  db: CacheDb,
  draftId: string,
  versionId: number,
  autos: AutosOf,
  now: Date,
): SaveResult {
  return db.transaction(() => {
    const draft = requireDraft(db, draftId);
    requireEditable(draft);
    const version = getVersion(db, draftId, versionId);
    keepVersion(db, draft, 'before-restore', now);
    const known = version.sections.filter((s) => draft.sections.some((d) => d.id === s.id));
    const sections = withContents(draft.sections, known);
    const changes: Partial<Record<IntroductionFieldKey, string | null>> = {};
    for (const key of IntroductionFieldKey.options) changes[key] = version.overrides[key] ?? null;
    return writeState(db, draft, { sections, ...mergeOverrides(draft, changes, autos) }, now);
  })();
}

/** Submitted: read-only from now on, with the filing's document id. Guarded by the revision rendered. */
export function setSubmitted(
  db: CacheDb,
  draftId: string,
  revision: number,
  documentId: string,
  now: Date,
): void {
  const result = db
    .prepare(
      `UPDATE drafts SET status = 'submitted', submitted_at = ?, document_id = ?
       WHERE id = ? AND revision = ? AND status = 'draft'`,
    )
    .run(now.toISOString(), documentId, draftId.toLowerCase(), revision);
  if (result.changes !== 1) {
    const draft = requireDraft(db, draftId);
    requireEditable(draft);
    throw staleRevision(draft.revision);
  }
}

/** The register numbered the decision. Returns whether the draft changed. */
export function setFiled(db: CacheDb, draftId: string, documentNumber: string): boolean {
  const result = db
    .prepare(
      `UPDATE drafts SET status = 'filed', document_number = ?
       WHERE id = ? AND status IN ('submitted', 'filed') AND document_number IS NOT ?`,
    )
    .run(documentNumber, draftId.toLowerCase(), documentNumber);
  return result.changes === 1;
}

/** The register refused the filing for good: the draft can be corrected and submitted again. */
export function setRefused(db: CacheDb, draftId: string): boolean {
  const result = db
    .prepare(
      `UPDATE drafts SET status = 'draft', submitted_at = NULL, document_id = NULL
       WHERE id = ? AND status = 'submitted'`,
    )
    .run(draftId.toLowerCase());
  return result.changes === 1;
}

/** Deletes a draft not yet submitted, with its versions. */
export function deleteDraft(db: CacheDb, draftId: string): void {
  db.transaction(() => {
    const draft = requireDraft(db, draftId);
    requireEditable(draft);
    db.prepare('DELETE FROM drafts WHERE id = ?').run(draft.id);
  })();
}
