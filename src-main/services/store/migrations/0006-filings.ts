import type { Migration } from './index.js';

/**
 * Documents the user filed from Chambers (issue 8 item 6, issue 9 item 4): a decision or hearing
 * minutes on its way to the register as the case's next document. The bytes are in the encrypted
 * blob store under `sha256`; the `case.document.file` mutation is in the outbox (written in the same
 * transaction). `document_id` is the id the register will give the document. State: queued → filed
 * (with the register's `T-YY-N/D`) | failed (with the register's reason). A source (a draft, minutes)
 * is found again by (source_kind, source_id); it may have several rows when a failed filing was
 * made again; the newest is the one with the highest rowid (never ordered by the device clock).
 */
export const filingsSchema: Migration = {
  version: 6,
  name: 'filings',
  up(db) {
    db.exec(`
      CREATE TABLE filings (
        document_id TEXT PRIMARY KEY,
        source_kind TEXT NOT NULL CHECK (source_kind IN ('draft', 'minutes')),
        source_id TEXT NOT NULL,
        case_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('decision', 'minutes')),
        title TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        size INTEGER NOT NULL CHECK (size > 0),
        media_type TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'filed', 'failed')),
        document_number TEXT,
        error TEXT,
        queued_at TEXT NOT NULL,
        filed_at TEXT,
        CHECK ((state = 'filed') = (document_number IS NOT NULL)),
        CHECK ((state = 'failed') = (error IS NOT NULL))
      ) STRICT;
      CREATE INDEX filings_by_source ON filings (source_kind, source_id);
      CREATE INDEX filings_by_state ON filings (state);
    `);
  },
};
