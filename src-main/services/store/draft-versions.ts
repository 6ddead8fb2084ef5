import {
  AppError,
  DraftVersion,
  type DraftVersionContent,
  type DraftVersionReason,
} from '../../../src-shared/contract/index.js';
import type { CacheDb } from './cache.js';
import {
  Overrides,
  type StoredDraft,
  type VersionRow,
  VersionSections,
  column,
  requireDraft,
} from './drafts-rows.js';

/**
 * Earlier states of a draft: checkpoints taken at most every two minutes of saving, the ones the
 * judge asked for, and those kept before a restore, on import, export and submit. Past 200, old
 * checkpoints are thinned so the history stays spread out.
 */

export const CHECKPOINT_EVERY_MS = 2 * 60_000;
export const MAX_VERSIONS = 200;
/** The newest versions are never thinned. */
const KEEP_RECENT_VERSIONS = 20;

export function checkpointDue(db: CacheDb, draftId: string, now: Date): boolean {
  const last = db
    .prepare('SELECT max(created_at) FROM draft_versions WHERE draft_id = ?')
    .pluck()
    .get(draftId) as string | null;
  return last === null || now.getTime() - Date.parse(last) >= CHECKPOINT_EVERY_MS;
}

/** What a version keeps of a draft. */
export type VersionedState = Pick<StoredDraft, 'id' | 'revision' | 'sections' | 'overrides' | 'wordCount'>;

/** Keeps the draft's current state (as stored now) as a version; thins old checkpoints past MAX_VERSIONS. */
export function addVersion(db: CacheDb, draftId: string, reason: DraftVersionReason, now: Date): number {
  return db.transaction(() => keepVersion(db, requireDraft(db, draftId), reason, now))();
}

/**
 * Keeps `draft` as a version, for a caller that already holds the draft's state as stored (inside
 * its own transaction), so the row is not read and parsed again; thins old checkpoints.
 */
export function keepVersion(
  db: CacheDb,
  draft: VersionedState,
  reason: DraftVersionReason,
  now: Date,
): number {
  return db.transaction(() => {
    const sections = draft.sections.map((s) => ({ id: s.id, heading: s.heading, content: s.content }));
    const id = db
      .prepare(
        `INSERT INTO draft_versions (draft_id, revision, created_at, reason, sections, overrides, word_count)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .pluck()
      .get(
        draft.id,
        draft.revision,
        now.toISOString(),
        reason,
        JSON.stringify(sections),
        JSON.stringify(draft.overrides),
        draft.wordCount,
      ) as number;
    thinVersions(db, draft.id);
    return id;
  })();
}

/**
 * Past MAX_VERSIONS, drops the old checkpoint closest in time to the version before it (so the
 * history stays spread out), or the oldest version when only the judge's own remain.
 */
export function thinVersions(db: CacheDb, draftId: string, max = MAX_VERSIONS): void {
  const count = db.prepare('SELECT count(*) FROM draft_versions WHERE draft_id = ?').pluck();
  const closest = db
    .prepare(
      `SELECT id FROM (
         SELECT id, reason, julianday(created_at) - julianday(lag(created_at) OVER (ORDER BY id)) AS gap,
           row_number() OVER (ORDER BY id DESC) AS from_end
         FROM draft_versions WHERE draft_id = ?)
       WHERE reason = 'checkpoint' AND from_end > ? ORDER BY coalesce(gap, 1e9), id LIMIT 1`,
    )
    .pluck();
  const oldest = db.prepare('SELECT min(id) FROM draft_versions WHERE draft_id = ?').pluck();
  const drop = db.prepare('DELETE FROM draft_versions WHERE id = ?');
  while ((count.get(draftId) as number) > max) {
    const id = (closest.get(draftId, KEEP_RECENT_VERSIONS) as number | undefined) ?? oldest.get(draftId);
    drop.run(id);
  }
}

export function listVersions(db: CacheDb, draftId: string): DraftVersion[] {
  requireDraft(db, draftId);
  const rows = db
    .prepare(
      `SELECT id, draft_id AS draftId, revision, created_at AS createdAt, reason, word_count AS wordCount
       FROM draft_versions WHERE draft_id = ? ORDER BY id DESC`,
    )
    .all(draftId.toLowerCase());
  return rows.map((row) => column(DraftVersion, JSON.stringify(row), 'version of a draft'));
}

export function getVersion(db: CacheDb, draftId: string, versionId: number): DraftVersionContent {
  const row = db
    .prepare('SELECT * FROM draft_versions WHERE id = ? AND draft_id = ?')
    .get(versionId, draftId.toLowerCase()) as VersionRow | undefined;
  if (!row) throw new AppError('not_found', `The draft has no version ${versionId}.`);
  const what = (c: string) => `${c} of version ${row.id}`;
  return {
    id: row.id,
    draftId: row.draft_id,
    revision: row.revision,
    createdAt: row.created_at,
    reason: column(DraftVersion.shape.reason, JSON.stringify(row.reason), what('reason')),
    wordCount: row.word_count,
    sections: column(VersionSections, row.sections, what('sections')),
    overrides: column(Overrides, row.overrides, what('overrides')),
  };
}
