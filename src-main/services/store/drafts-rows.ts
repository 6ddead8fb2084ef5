import { z } from 'zod';
import {
  AppError,
  DecisionTemplate,
  DraftSection,
  DraftStatus,
  DraftVersionContent,
  IntroductionFieldKey,
} from '../../../src-shared/contract/index.js';
import { type RichDoc, wordCount } from '../../../src-shared/domain/rich-text.js';
import type { CacheDb } from './cache.js';

/**
 * The rows of decision drafts (issue 8) and how they are read back: every JSON column is parsed
 * with its schema, so a damaged row is an `internal` error naming it, never a crash.
 */

export const Overrides = z.partialRecord(IntroductionFieldKey, z.string());
export type Overrides = z.infer<typeof Overrides>;
const Sections = z.array(DraftSection);
export const VersionSections = DraftVersionContent.shape.sections;
const Appeal = DecisionTemplate.shape.appeal;

/** A draft as stored: its template as it was when the draft began, and the judge's own work. */
export interface StoredDraft {
  id: string;
  caseId: string;
  caseNumber: string;
  template: DecisionTemplate;
  title: string;
  status: DraftStatus;
  revision: number;
  createdAt: string;
  savedAt: string;
  sections: DraftSection[];
  overrides: Overrides;
  /** Per overridden field: the automatic value when the override was made. */
  autoSeen: Overrides;
  appeal: DecisionTemplate['appeal'];
  wordCount: number;
  submittedAt: string | null;
  documentId: string | null;
  documentNumber: string | null;
}

export type NewDraft = Pick<
  StoredDraft,
  'id' | 'caseId' | 'caseNumber' | 'template' | 'title' | 'sections' | 'appeal'
>;

export interface DraftRow {
  id: string;
  case_id: string;
  case_number: string;
  template_id: string;
  template_version: number;
  template: string;
  decision_kind: string;
  title: string;
  status: string;
  revision: number;
  created_at: string;
  saved_at: string;
  sections: string;
  overrides: string;
  auto_seen: string;
  appeal: string;
  word_count: number;
  submitted_at: string | null;
  document_id: string | null;
  document_number: string | null;
}

export interface VersionRow {
  id: number;
  draft_id: string;
  revision: number;
  created_at: string;
  reason: string;
  sections: string;
  overrides: string;
  word_count: number;
}

/** Parses a stored JSON column with its schema; a damaged one is an internal error naming the row. */
export function column<T>(schema: z.ZodType<T>, text: string, what: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new AppError('internal', `The stored ${what} is damaged: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new AppError('internal', `The stored ${what} is damaged: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export function toStored(row: DraftRow): StoredDraft {
  const what = (c: string) => `${c} of draft ${row.id}`;
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: row.case_number,
    template: column(DecisionTemplate, row.template, what('template')),
    title: row.title,
    status: column(DraftStatus, JSON.stringify(row.status), what('status')),
    revision: row.revision,
    createdAt: row.created_at,
    savedAt: row.saved_at,
    sections: column(Sections, row.sections, what('sections')),
    overrides: column(Overrides, row.overrides, what('overrides')),
    autoSeen: column(Overrides, row.auto_seen, what('automatic values')),
    appeal: column(Appeal, row.appeal, what('appeal')),
    wordCount: row.word_count,
    submittedAt: row.submitted_at,
    documentId: row.document_id,
    documentNumber: row.document_number,
  };
}

/** Words of the free parts. */
export const sectionsWordCount = (sections: readonly { content: RichDoc }[]): number =>
  sections.reduce((n, s) => n + wordCount(s.content), 0);

export function findDraft(db: CacheDb, id: string): StoredDraft | null {
  const row = db.prepare('SELECT * FROM drafts WHERE id = ?').get(id.toLowerCase()) as DraftRow | undefined;
  return row ? toStored(row) : null;
}

export function requireDraft(db: CacheDb, id: string): StoredDraft {
  const draft = findDraft(db, id);
  if (!draft) throw new AppError('not_found', `There is no draft ${id} on this computer.`);
  return draft;
}

export function requireEditable(draft: StoredDraft): void {
  if (draft.status !== 'draft')
    throw new AppError(
      'conflict',
      `The draft was ${draft.status === 'filed' ? 'filed' : 'submitted to the register'} and can no longer be changed.`,
      { reason: 'draft_read_only' },
    );
}
export const staleRevision = (current: number) =>
  new AppError(
    'conflict',
    `The draft was saved elsewhere meanwhile (it is now at revision ${current}); reload it before saving.`,
    { reason: 'stale_revision', details: { revision: current } },
  );
