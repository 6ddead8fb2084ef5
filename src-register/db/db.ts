/** The one database interface of the register; PGlite and PostgreSQL drivers both implement it. */
export interface Db {
  readonly kind: 'pglite' | 'postgres';
  /** One statement with `$1…` parameters; rows come back as plain objects (int8 as number). */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in a transaction; inside one, a nested call becomes a savepoint. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DbSpec = { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string };

export class DbSpecError extends Error {
  override name = 'DbSpecError';
}

/** `pglite:memory`, `pglite:DIR` or `postgres://…` (also `postgresql://…`). */
export function parseDbSpec(spec: string): DbSpec {
  if (spec === 'pglite:memory') return { kind: 'pglite', dataDir: null };
  if (spec.startsWith('pglite:')) {
    const dataDir = spec.slice('pglite:'.length);
    if (!dataDir) throw new DbSpecError('pglite: needs a data folder (pglite:DIR) or pglite:memory');
    return { kind: 'pglite', dataDir };
  }
  if (/^postgres(ql)?:\/\//.test(spec)) {
    try {
      new URL(spec);
    } catch {
      throw new DbSpecError(`not a valid PostgreSQL URL: ${redactUrl(spec)}`);
    }
    return { kind: 'postgres', url: spec };
  }
  throw new DbSpecError(
    `unknown database "${redactUrl(spec)}": use pglite:DIR, pglite:memory or postgres://user@host:port/db`,
  );
}

/** Hides a password in a connection string before it goes to a log or an error message. */
export function redactUrl(spec: string): string {
  return spec.replace(/^(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/, '$1:***@');
}

let savepointCounter = 0;

/** Wraps a transaction-scoped query function so nested transactions become savepoints. */
export function savepointTransaction<T>(tx: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  const name = `sp_${++savepointCounter}`;
  return (async () => {
    await tx.exec(`SAVEPOINT ${name}`);
    try {
      const result = await fn(tx);
      await tx.exec(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await tx.exec(`ROLLBACK TO SAVEPOINT ${name}`);
      throw error;
    }
  })();
}
