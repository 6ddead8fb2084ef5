import type { Database } from 'better-sqlite3-multiple-ciphers';
import { initialSchema } from './0001-initial.js';
import { accessEpochSchema } from './0002-access-epoch.js';
import { outboxSchema } from './0003-outbox.js';
import { searchCoverageSchema } from './0004-search-coverage.js';
import { viewerSchema } from './0005-viewer.js';
import { filingsSchema } from './0006-filings.js';
import { draftsSchema } from './0007-drafts.js';
import { minutesSchema } from './0008-minutes.js';

/** One step of the cache schema; `version` is what `PRAGMA user_version` holds once it ran. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/** In order, one per schema version; never edit a shipped migration, add the next one. */
export const MIGRATIONS: readonly Migration[] = [
  initialSchema,
  accessEpochSchema,
  outboxSchema,
  searchCoverageSchema,
  viewerSchema,
  filingsSchema,
  draftsSchema,
  minutesSchema,
];
