// The sync benchmark's peer: a pouchdb-server (express-pouchdb over PouchDB with the memory adapter)
// on loopback, and PouchDB clients (memory) replicating from it over HTTP.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import httpAdapter from 'pouchdb-adapter-http';
import memoryAdapter from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';

const Pouch = PouchDB.plugin(memoryAdapter).plugin(httpAdapter).plugin(replication);
/** What the server makes its databases with. */
const ServerPouch = Pouch.defaults({ adapter: 'memory' });

export interface PouchPeer {
  url: string;
  /** A database of the server, opened in this process (the same store the server serves). */
  serverDb(name: string): PouchDB.Database;
  /** The server's database `name` through HTTP, as a replicating client sees it. */
  remote(name: string): PouchDB.Database;
  /** A fresh client database (memory), unique per name. */
  clientDb(name: string): PouchDB.Database;
  close(): Promise<void>;
}

export async function startPouchPeer(): Promise<PouchPeer> {
  const app = express();
  // express-pouchdb was written for express 4, which let middleware replace req.query; express 5
  // makes it a getter, so each request gets a plain, writable copy first.
  app.use((req, _res, next) => {
    Object.defineProperty(req, 'query', {
      value: { ...req.query },
      writable: true,
      configurable: true,
      enumerable: true,
    });
    next();
  });
  app.use('/', expressPouchDB(ServerPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true }));
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const opened: PouchDB.Database[] = [];
  const track = (db: PouchDB.Database) => (opened.push(db), db);
  return {
    url,
    serverDb: (name) => track(new ServerPouch(name)),
    remote: (name) => track(new Pouch(`${url}/${name}`, { adapter: 'http' })),
    clientDb: (name) => track(new Pouch(name, { adapter: 'memory' })),
    async close() {
      for (const db of opened) await db.close().catch(() => undefined);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Replicates everything from `source` into `target` once; returns the documents written. */
export async function replicateOnce(
  source: PouchDB.Database,
  target: PouchDB.Database,
  batchSize: number,
): Promise<number> {
  const result = await target.replicate.from(source, { batch_size: batchSize, batches_limit: 4 });
  if (!result.ok || result.doc_write_failures > 0)
    throw new Error(`replication failed: ${JSON.stringify(result.errors).slice(0, 300)}`);
  return result.docs_written;
}

/** Puts `docs` into `db` in chunks (bulkDocs); every write must succeed. */
export async function putAll<T extends object>(
  db: PouchDB.Database,
  docs: ReadonlyArray<T & { _id: string }>,
  chunk = 1000,
): Promise<void> {
  for (let start = 0; start < docs.length; start += chunk) {
    const answers = await db.bulkDocs(docs.slice(start, start + chunk));
    const failed = answers.find((a) => 'error' in a && a.error);
    if (failed) throw new Error(`bulkDocs: ${JSON.stringify(failed)}`);
  }
}
