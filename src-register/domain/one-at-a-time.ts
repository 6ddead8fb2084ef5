import type { Db } from '../db/index.js';

/** One query at a time: a transaction is one connection, and `buildSnapshots` asks in parallel. */
export function oneAtATime(db: Db): Db {
  let last: Promise<unknown> = Promise.resolve();
  return {
    kind: db.kind,
    query: <T>(sql: string, params?: unknown[]) => {
      const next = last.then(() => db.query<T>(sql, params));
      last = next.catch(() => undefined);
      return next;
    },
    exec: (sql) => db.exec(sql),
    transaction: (fn) => db.transaction(fn),
    close: () => db.close(),
  };
}
