import type { Migration } from './index.js';

/**
 * The document viewer (issue 7). `annotations` holds the user's private notes and highlights on
 * document pages as this computer knows them: the register's version they are based on, the newest
 * version seen, whether an edit is unconfirmed, and tombstones of deleted ones (so an older copy
 * pulled later cannot bring one back). Every local edit writes its outbox row in the same
 * transaction. A case leaving the cache takes its annotations with it (trigger). `viewer_state`
 * keeps where the reader was in each document; it never leaves this computer.
 */
export const viewerSchema: Migration = {
  version: 5,
  name: 'viewer',
  up(db) {
    db.exec(`
      CREATE TABLE annotations (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL,
        case_id TEXT NOT NULL,
        page INTEGER NOT NULL CHECK (page > 0),
        rect_x REAL NOT NULL,
        rect_y REAL NOT NULL,
        rect_width REAL NOT NULL,
        rect_height REAL NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('note', 'highlight')),
        text TEXT NOT NULL,
        color TEXT NOT NULL CHECK (color IN ('yellow', 'green', 'blue', 'pink')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        -- The register version the local content is based on; null when the register has none.
        base_version INTEGER CHECK (base_version IS NULL OR base_version >= 0),
        -- The newest register version seen (pull or push).
        server_version INTEGER CHECK (server_version IS NULL OR server_version >= 0),
        unsent INTEGER NOT NULL DEFAULT 0 CHECK (unsent IN (0, 1)),
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
      ) STRICT;
      CREATE INDEX annotations_by_document ON annotations (document_id, deleted, page);
      CREATE INDEX annotations_by_case ON annotations (case_id);

      CREATE TRIGGER cases_drop_annotations AFTER DELETE ON cases
      BEGIN
        DELETE FROM annotations WHERE case_id = OLD.id;
      END;

      CREATE TABLE viewer_state (
        document_id TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
