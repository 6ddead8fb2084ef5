import type { Migration } from './index.js';

/**
 * Hearing minutes (issue 9), written on this computer during the hearing. `minutes` holds one row
 * per hearing: its status, the revision raised by every change, the header (court, place, case,
 * composition, publicity) as JSON, the times, and the approval: the presiding judge approves with
 * their own ID card on the secretary's computer, so the judge's register id is kept with the name
 * and personal code from the card's certificate (all three or none).
 * Participants and entries have their own rows so a change rewrites only what it touched (2,000
 * entries must not be rewritten at every keystroke). Minutes are NOT dropped when their case leaves
 * the cache: they are the user's own work until the register has them.
 */
export const minutesSchema: Migration = {
  version: 8,
  name: 'minutes',
  up(db) {
    db.exec(`
      CREATE TABLE minutes (
        id TEXT PRIMARY KEY,
        hearing_id TEXT NOT NULL UNIQUE,
        case_id TEXT NOT NULL,
        status TEXT NOT NULL
          CHECK (status IN ('draft', 'finalised', 'approved', 'submitted', 'filed')),
        revision INTEGER NOT NULL CHECK (revision >= 0),
        header TEXT NOT NULL CHECK (json_valid(header)),
        started_at TEXT,
        ended_at TEXT,
        recording_started_at TEXT,
        created_at TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        finalised_at TEXT,
        approved_by_id TEXT,
        approved_by_name TEXT,
        approved_by_personal_code TEXT,
        approved_at TEXT,
        submitted_at TEXT,
        CHECK ((approved_by_id IS NULL) = (approved_by_name IS NULL)
          AND (approved_by_id IS NULL) = (approved_by_personal_code IS NULL))
      ) STRICT;
      CREATE INDEX minutes_by_case ON minutes (case_id);

      CREATE TABLE minutes_participants (
        minutes_id TEXT NOT NULL REFERENCES minutes (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        role TEXT NOT NULL,
        name TEXT NOT NULL,
        procedure_role TEXT NOT NULL,
        represents_id TEXT,
        attendance TEXT CHECK (attendance IS NULL OR attendance IN ('present', 'absent', 'excused', 'video')),
        PRIMARY KEY (minutes_id, id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE minutes_entries (
        minutes_id TEXT NOT NULL REFERENCES minutes (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        -- Order in the timeline: a move puts the entry between its new neighbours.
        position REAL NOT NULL,
        kind TEXT NOT NULL,
        at TEXT NOT NULL,
        audio_ms INTEGER CHECK (audio_ms IS NULL OR audio_ms >= 0),
        speaker_id TEXT,
        text TEXT NOT NULL,
        refers_to_id TEXT,
        appeal_route TEXT NOT NULL,
        PRIMARY KEY (minutes_id, id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX minutes_entries_in_order ON minutes_entries (minutes_id, position);
    `);
  },
};
