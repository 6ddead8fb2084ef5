import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { type Db, savepointTransaction } from './db.js';
import { acquireFolderLock } from './folder-lock.js';

function transactionDb(tx: Transaction): Db {
  const db: Db = {
    kind: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      return (await tx.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await tx.exec(sql);
    },
    transaction: (fn) => savepointTransaction(db, fn),
    close: () => Promise.reject(new Error('close() inside a transaction')),
  };
  return db;
}

/** PGlite: real PostgreSQL in WebAssembly, in process; a data folder, or memory when `dataDir` is null. */
export async function openPglite(dataDir: string | null): Promise<Db> {
  // PGlite does not guard its folder: two processes on one folder would corrupt it.
  const release = dataDir ? await acquireFolderLock(dataDir) : async () => {};
  let pglite: PGlite;
  try {
    if (dataDir) await mkdir(dataDir, { recursive: true });
    pglite = await PGlite.create(dataDir ?? undefined);
  } catch (error) {
    await release();
    throw error;
  }
  return {
    kind: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      return (await pglite.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await pglite.exec(sql);
    },
    transaction: (fn) => pglite.transaction((tx) => fn(transactionDb(tx))),
    async close() {
      if (!pglite.closed) await pglite.close();
      await release();
    },
  };
}
