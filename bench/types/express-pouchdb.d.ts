// express-pouchdb ships no types; this is the part the sync benchmark's peer server uses.
declare module 'express-pouchdb' {
  import type { RequestHandler } from 'express';

  interface ExpressPouchDbOptions {
    /** 'fullCouchDB' (default), 'minimumForPouchDB' (what a PouchDB replicator needs) or 'custom'. */
    mode?: 'fullCouchDB' | 'minimumForPouchDB' | 'custom';
    /** Keep the server's configuration in memory instead of a ./config.json. */
    inMemoryConfig?: boolean;
    /** Where the server writes its log (default ./log.txt). */
    logPath?: string;
    configPath?: string;
  }

  /** A PouchDB constructor: the class itself or one from `PouchDB.defaults(…)` (which keeps the statics). */
  type PouchConstructor = new (
    name?: string,
    options?: PouchDB.Configuration.DatabaseConfiguration,
  ) => PouchDB.Database;

  /** An express application serving the CouchDB HTTP API over databases made with `PouchDB`. */
  function expressPouchDB(PouchDB: PouchConstructor, options?: ExpressPouchDbOptions): RequestHandler;
  export = expressPouchDB;
}
