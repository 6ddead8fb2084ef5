import type { Migration } from './index.js';

/**
 * The register's access epoch last seen, and the state of a sweep: when the epoch changes the
 * client pulls again from cursor 0, noting each case sent in `sweep_seen`, and at the end drops
 * the cases not sent. Both live here so a sweep interrupted by a crash or sign-out resumes.
 */
export const accessEpochSchema: Migration = {
  version: 2,
  name: 'access-epoch',
  up(db) {
    db.exec(`
      ALTER TABLE sync_state ADD COLUMN access_epoch TEXT;
      ALTER TABLE sync_state ADD COLUMN sweeping INTEGER NOT NULL DEFAULT 0 CHECK (sweeping IN (0, 1));
      CREATE TABLE sweep_seen (id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
    `);
  },
};
