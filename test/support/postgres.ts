import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export type PostgresAvailability = { available: true; binDir: string } | { available: false; reason: string };

/** The newest `/usr/lib/postgresql/<version>/bin` with initdb and pg_ctl, or why there is none. */
export function findPostgres(): PostgresAvailability {
  const fromEnv = process.env.CHAMBERS_PG_BIN;
  const candidates = fromEnv
    ? [fromEnv]
    : existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .filter((v) => /^\d+$/.test(v))
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => `/usr/lib/postgresql/${v}/bin`)
      : [];
  const binDir = candidates.find(
    (dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl')),
  );
  if (binDir) return { available: true, binDir };
  return {
    available: false,
    reason: `no PostgreSQL server binaries (initdb, pg_ctl) in ${fromEnv ?? '/usr/lib/postgresql/*/bin'}; install them with apt-get install -y postgresql`,
  };
}

/**
 * Whether this test file runs its PostgreSQL half. On CI missing binaries are a failure, not a skip:
 * the suite must run on both databases there.
 */
export function postgresForTests(): PostgresAvailability {
  const found = findPostgres();
  if (!found.available && process.env.CI) {
    throw new Error(`CI is set but PostgreSQL is missing: ${found.reason}`);
  }
  return found;
}

export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:PORT/postgres`. */
  url: string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts a throw-away cluster (trust auth, no fsync) in a temp folder; `stop()` removes it. */
export async function startPostgres(binDir?: string): Promise<PostgresServer> {
  const found = binDir ? { available: true as const, binDir } : findPostgres();
  if (!found.available) throw new Error(found.reason);
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL refuses to run as root: the cluster belongs to the postgres user then.
  const command = (bin: string, args: string[]): [string, string[]] =>
    asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(found.binDir, bin), ...args]]
      : [path.join(found.binDir, bin), args];
  const exec = async (bin: string, args: string[]) => {
    const [file, argv] = command(bin, args);
    try {
      await run(file, argv, { timeout: 60_000 });
    } catch (error) {
      const e = error as { stderr?: string; message: string };
      throw new Error(`${bin} failed: ${e.stderr || e.message}`);
    }
  };

  const root = await mkdtemp(path.join(tmpdir(), 'chambers-pg-'));
  const dataDir = path.join(root, 'data');
  const logFile = path.join(root, 'server.log');
  if (asRoot)
    await chown(
      root,
      Number(execFileSync('id', ['-u', 'postgres']).toString()),
      Number(execFileSync('id', ['-g', 'postgres']).toString()),
    );
  await exec('initdb', [
    '-D',
    dataDir,
    '--auth=trust',
    '-U',
    'postgres',
    '--encoding=UTF8',
    '--locale=C',
    '--no-sync',
  ]);

  let port = 0;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${root} -c fsync=off -c full_page_writes=off -c synchronous_commit=off`;
    try {
      await exec('pg_ctl', ['-D', dataDir, '-w', '-t', '60', '-l', logFile, '-o', options, 'start']);
      break;
    } catch (error) {
      // Another process may have taken the port between our probe and the start.
      if (attempt >= 3) {
        const log = await readFile(logFile, 'utf8').catch(() => '');
        throw new Error(`${(error as Error).message}\n${log}`);
      }
    }
  }
  const stopSync = () => {
    const [file, argv] = command('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    try {
      execFileSync(file, argv, { stdio: 'ignore' });
    } catch {
      // Already stopped.
    }
  };
  // A crashed or interrupted test run must not leave a server behind.
  process.once('exit', stopSync);

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a simple database name: ${name}`);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', stopSync);
      await exec('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']).catch(() => stopSync());
      await rm(root, { recursive: true, force: true });
    },
  };
}
