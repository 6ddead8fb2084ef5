import type { Migration } from './index.js';

/** Cases as synced snapshots, the pull cursor, and the full-text index for search. */
export const initialSchema: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL,
        procedure_type TEXT NOT NULL,
        court_code TEXT NOT NULL,
        status TEXT NOT NULL,
        subject TEXT NOT NULL,
        restriction TEXT NOT NULL,
        registered_at TEXT NOT NULL,
        judge_name TEXT,
        next_hearing_at TEXT,
        version INTEGER NOT NULL CHECK (version >= 0),
        snapshot TEXT NOT NULL CHECK (json_valid(snapshot))
      ) STRICT;
      CREATE INDEX cases_by_registered_at ON cases (registered_at DESC);
      CREATE INDEX cases_by_type ON cases (procedure_type, registered_at DESC);
      CREATE INDEX cases_by_next_hearing ON cases (next_hearing_at) WHERE next_hearing_at IS NOT NULL;

      -- One row: the pull cursor is written in the same transaction as the page it ends.
      CREATE TABLE sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        cursor TEXT NOT NULL,
        last_success_at TEXT
      ) STRICT;
      INSERT INTO sync_state (id, cursor) VALUES (1, '0');

      -- rowid = cases.rowid. remove_diacritics 2 folds Õ, Ä, Ö, Ü, Š, Ž so "oun" finds "Õun".
      CREATE VIRTUAL TABLE cases_search USING fts5 (
        number, subject, party_names, document_titles,
        tokenize = 'unicode61 remove_diacritics 2'
      );
    `);
  },
};
