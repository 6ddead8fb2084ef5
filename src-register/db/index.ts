export type { Db, DbSpec } from './db.js';
export { DbSpecError, parseDbSpec, redactUrl } from './db.js';
export { openDb } from './open-db.js';
export { LATEST_SCHEMA_VERSION, migrate, SchemaTooNewError, schemaVersion } from './migrate.js';
