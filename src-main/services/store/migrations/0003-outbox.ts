import type { Migration } from './index.js';

/**
 * Local edits that must reach the register. `notes` holds the user's private note per case with the
 * register version its text was based on; every change that must be pushed is written to `outbox`
 * in the same transaction, with a client-made id the register applies at most once. A push that
 * meets a newer version on the register keeps both texts in `conflicts` until the user decides.
 * Ordering uses local sequence numbers only, never the device clock.
 */
export const outboxSchema: Migration = {
  version: 3,
  name: 'outbox',
  up(db) {
    db.exec(`
      CREATE TABLE notes (
        case_id TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        -- The register version this text was based on; null when the register had none.
        base_version INTEGER CHECK (base_version IS NULL OR base_version >= 0),
        -- The newest register version seen for this note (pull or push), for conflict detection.
        server_version INTEGER CHECK (server_version IS NULL OR server_version >= 0),
        updated_seq INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        -- The case the mutation is about, so unsent puts of one note can be coalesced.
        case_id TEXT NOT NULL,
        payload TEXT NOT NULL CHECK (json_valid(payload)),
        base_version INTEGER CHECK (base_version IS NULL OR base_version >= 0),
        state TEXT NOT NULL DEFAULT 'pending'
          CHECK (state IN ('pending', 'sending', 'failed', 'conflict', 'done')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error TEXT
      ) STRICT;
      CREATE INDEX outbox_by_state ON outbox (state, seq);
      CREATE INDEX outbox_by_case ON outbox (case_id, state);

      CREATE TABLE conflicts (
        id TEXT PRIMARY KEY REFERENCES outbox (id) ON DELETE CASCADE,
        case_id TEXT NOT NULL UNIQUE,
        local_text TEXT NOT NULL,
        -- Null when the register has no note on the case (deleted there or never written).
        server_text TEXT,
        server_version INTEGER CHECK (server_version IS NULL OR server_version >= 0),
        created_seq INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
