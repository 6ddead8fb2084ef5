import type { Migration } from './index.js';

/**
 * Decision drafts (issue 8), kept on this computer only until submitted. `drafts` holds the current
 * state: the template as it was when the draft began (a court may change or drop it later), the
 * free parts (`sections`), the judge's overrides of the introduction and the automatic values they
 * saw when they made each (`auto_seen`, to tell that the case changed since), and a `revision`
 * every save raises (a save from an older revision is refused). `draft_versions` keeps earlier
 * states: checkpoints while saving, the ones the judge asked for, and before a restore, on
 * import, export and submit. A draft outlives its case leaving the cache: it is the judge's work.
 */
export const draftsSchema: Migration = {
  version: 7,
  name: 'drafts',
  up(db) {
    db.exec(`
      CREATE TABLE drafts (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        case_number TEXT NOT NULL,
        template_id TEXT NOT NULL,
        template_version INTEGER NOT NULL CHECK (template_version > 0),
        template TEXT NOT NULL CHECK (json_valid(template)),
        decision_kind TEXT NOT NULL CHECK (decision_kind IN ('judgment', 'ruling', 'decision')),
        title TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'filed')),
        revision INTEGER NOT NULL CHECK (revision >= 0),
        created_at TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        sections TEXT NOT NULL CHECK (json_valid(sections)),
        overrides TEXT NOT NULL CHECK (json_valid(overrides)),
        auto_seen TEXT NOT NULL CHECK (json_valid(auto_seen)),
        appeal TEXT NOT NULL CHECK (json_valid(appeal)),
        word_count INTEGER NOT NULL CHECK (word_count >= 0),
        submitted_at TEXT,
        document_id TEXT,
        document_number TEXT
      ) STRICT;
      CREATE INDEX drafts_by_case ON drafts (case_id, saved_at DESC);
      CREATE INDEX drafts_by_saved_at ON drafts (saved_at DESC);

      CREATE TABLE draft_versions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        draft_id TEXT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
        revision INTEGER NOT NULL CHECK (revision >= 0),
        created_at TEXT NOT NULL,
        reason TEXT NOT NULL
          CHECK (reason IN ('checkpoint', 'manual', 'before-restore', 'import', 'export', 'submit')),
        sections TEXT NOT NULL CHECK (json_valid(sections)),
        overrides TEXT NOT NULL CHECK (json_valid(overrides)),
        word_count INTEGER NOT NULL CHECK (word_count >= 0)
      ) STRICT;
      CREATE INDEX draft_versions_by_draft ON draft_versions (draft_id, id);
    `);
  },
};
