import { AppError, ViewerState, describeIssues } from '../../../src-shared/contract/index.js';
import type { CacheDb } from './cache.js';

/** Where the reader was in each document: kept in the user's cache only, never synced. */

/** The stored state, or null when there is none or what is stored no longer parses. */
export function getViewerState(db: CacheDb, documentId: string): ViewerState | null {
  const raw = db.prepare('SELECT state FROM viewer_state WHERE document_id = ?').pluck().get(documentId) as
    string | undefined;
  if (raw === undefined) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = ViewerState.safeParse(json);
  // Another document's state under this key is as useless as a damaged one.
  return parsed.success && parsed.data.documentId === documentId ? parsed.data : null;
}

export function putViewerState(db: CacheDb, state: ViewerState, now = new Date()): void {
  const parsed = ViewerState.safeParse(state);
  if (!parsed.success) throw new AppError('invalid_input', describeIssues(parsed.error));
  const valid = parsed.data;
  db.prepare(
    `INSERT INTO viewer_state (document_id, state, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (document_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
  ).run(valid.documentId, JSON.stringify(valid), now.toISOString());
}
