// The part of PouchDB the sync benchmark's peer uses. @types/pouchdb-core pulls the DOM library into
// the whole Node program (`/// <reference lib="dom" />`), which breaks Node's Buffer types, so the
// benchmark declares what it needs here instead.
declare namespace PouchDB {
  namespace Configuration {
    interface DatabaseConfiguration {
      adapter?: string;
    }
  }

  interface Document {
    _id: string;
    _rev?: string;
  }

  interface BulkAnswer {
    ok?: boolean;
    id?: string;
    rev?: string;
    error?: string | boolean;
    reason?: string;
  }

  interface AllDocsRow<T> {
    id: string;
    key: string;
    value: { rev: string; deleted?: boolean };
    doc?: T & Document;
  }

  interface AllDocsErrorRow {
    key: string;
    error: string;
  }

  interface AllDocsResponse<T> {
    total_rows: number;
    offset: number;
    rows: Array<AllDocsRow<T> | AllDocsErrorRow>;
  }

  interface ReplicationResult {
    ok: boolean;
    docs_read: number;
    docs_written: number;
    doc_write_failures: number;
    errors: unknown[];
  }

  interface ReplicateOptions {
    batch_size?: number;
    batches_limit?: number;
    since?: number | string;
  }

  interface Database {
    bulkDocs<T extends object>(docs: ReadonlyArray<T & { _id: string }>): Promise<BulkAnswer[]>;
    allDocs<T extends object>(options: {
      keys?: string[];
      include_docs?: boolean;
      limit?: number;
    }): Promise<AllDocsResponse<T>>;
    info(): Promise<{ doc_count: number; update_seq: number | string }>;
    close(): Promise<void>;
    destroy(): Promise<void>;
    replicate: {
      from(source: Database | string, options?: ReplicateOptions): Promise<ReplicationResult>;
    };
  }

  interface Static {
    new (name?: string, options?: Configuration.DatabaseConfiguration): Database;
    plugin(plugin: Plugin): Static;
    defaults(options: Configuration.DatabaseConfiguration): Static;
  }

  /** A PouchDB plugin module (adapters, replication). */
  interface Plugin {
    readonly __pouchPlugin?: never;
  }
}

declare module 'pouchdb-core' {
  const PouchDB: PouchDB.Static;
  export default PouchDB;
}

declare module 'pouchdb-adapter-http' {
  const plugin: PouchDB.Plugin;
  export default plugin;
}

declare module 'pouchdb-adapter-memory' {
  const plugin: PouchDB.Plugin;
  export default plugin;
}

declare module 'pouchdb-replication' {
  const plugin: PouchDB.Plugin;
  export default plugin;
}
