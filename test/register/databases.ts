import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { type RunningRegister, startRegister } from '../../src-register/server.js';
import { type PostgresServer, postgresForTests, startPostgres } from '../support/postgres.js';
import { testAuthConfig } from '../support/test-pki.js';

export interface Databases {
  kind: 'pglite' | 'postgres';
  /** A new, empty database: a PGlite folder or a database on this file's PostgreSQL cluster. */
  create(name: string): Promise<string>;
  /** A scratch folder for this group (blob stores and the like), removed afterwards. */
  scratch: string;
}

/**
 * Runs `body` twice: on PGlite and on a throw-away PostgreSQL cluster started for this file. Without
 * PostgreSQL binaries the second half is skipped with the reason, except on CI, where it fails.
 */
export function describeOnBothDatabases(title: string, body: (dbs: () => Databases) => void): void {
  const postgres = postgresForTests();
  describe(`${title} [PGlite]`, () => {
    let dbs: Databases | undefined;
    beforeAll(async () => {
      const scratch = await mkdtemp(path.join(tmpdir(), 'chambers-register-'));
      dbs = { kind: 'pglite', scratch, create: async (name) => `pglite:${path.join(scratch, name)}` };
    });
    afterAll(async () => {
      if (dbs) await rm(dbs.scratch, { recursive: true, force: true });
    });
    body(() => dbs!);
  });
  const skipped = postgres.available ? '' : ` — skipped: ${postgres.reason}`;
  describe.skipIf(!postgres.available)(`${title} [PostgreSQL]${skipped}`, () => {
    let server: PostgresServer | undefined;
    let dbs: Databases | undefined;
    beforeAll(async () => {
      server = await startPostgres();
      const scratch = await mkdtemp(path.join(tmpdir(), 'chambers-register-'));
      dbs = { kind: 'postgres', scratch, create: (name) => server!.createDatabase(name) };
    });
    afterAll(async () => {
      await server?.stop();
      if (dbs) await rm(dbs.scratch, { recursive: true, force: true });
    });
    body(() => dbs!);
  });
}

/** A register with the development sign-in and a small demo court, on a fresh database of this suite. */
export async function startSeededRegister(
  dbs: Databases,
  name: string,
  demoCaseCount: number,
): Promise<RunningRegister> {
  return startRegister({
    db: await dbs.create(name),
    host: '127.0.0.1',
    port: 0,
    devSignIn: true,
    production: false,
    blobDir: path.join(dbs.scratch, 'blobs'),
    seedDemo: true,
    demoCaseCount,
    auth: testAuthConfig(),
    logLevel: 'silent',
  });
}
