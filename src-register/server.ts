import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import {
  type AuthConfig,
  AuthConfigError,
  type ResolvedAuthConfig,
  isLoopbackHost,
  resolveAuthConfig,
} from './auth/config.js';
import { FolderBlobStore } from './blobs/folder-blob-store.js';
import { type Db, migrate, openDb } from './db/index.js';
import { buildApp } from './http/app.js';
import { type RetentionSchedule, startAuditRetention } from './jobs/audit-retention.js';
import { type DemoSeedSummary, seedDemoCourt } from './seed/demo-court.js';

export interface RegisterConfig {
  /** `pglite:DIR`, `pglite:memory` or `postgres://…`. */
  db: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Paths of the PEM certificate and key; the register then speaks HTTPS only. */
  tls?: { cert: string; key: string };
  /**
   * The development sign-in (docs/decisions/0005), for tests only: no command-line flag or variable
   * turns it on, and production mode refuses it.
   */
  devSignIn?: boolean;
  /** ID-card sign-in; without it the token endpoint answers 503 `sign_in_not_configured`. */
  auth?: AuthConfig;
  production: boolean;
  blobDir: string;
  seedDemo: boolean;
  /** How many demo cases to seed (default 200); tests use fewer. */
  demoCaseCount?: number;
  /** Seeds the 500-page expert opinion too (see DemoSeedOptions.expertOpinion). */
  demoExpertOpinion?: boolean;
  logLevel?: string;
}

export interface RunningRegister {
  url: string;
  db: Db;
  /** What the demo seed wrote at this start (`seeded: false` when the database already had data). */
  seed: DemoSeedSummary | null;
  close(): Promise<void>;
}

/** A configuration the register refuses to start with; the CLI exits with code 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

async function registerVersion(): Promise<string> {
  try {
    const text = await readFile(new URL('../package.json', import.meta.url), 'utf8');
    return String((JSON.parse(text) as { version?: unknown }).version ?? 'unknown');
  } catch {
    return 'unknown';
  }
}

async function readTls(tls: { cert: string; key: string }): Promise<{ cert: Buffer; key: Buffer }> {
  const read = (path: string, what: string) =>
    readFile(path).catch((error: Error) => {
      throw new ConfigError(`cannot read the TLS ${what} ${path}: ${error.message}`);
    });
  return { cert: await read(tls.cert, 'certificate'), key: await read(tls.key, 'key') };
}

export function isProduction(config: Pick<RegisterConfig, 'production'>): boolean {
  return config.production || process.env.NODE_ENV === 'production';
}

/**
 * The checks made before anything is opened: production mode wants no development sign-in, trusted
 * CAs, and an origin that is https:// unless it is loopback. Returns the resolved sign-in settings.
 */
function checkSignInConfig(
  config: RegisterConfig,
  ownOrigin: () => string | undefined,
): ResolvedAuthConfig | undefined {
  const production = isProduction(config);
  if (config.devSignIn && production) {
    throw new ConfigError(
      'refusing to start: the development sign-in (devSignIn, for tests only; the --dev-sign-in flag is ' +
        'gone) must not run in production mode (--production or NODE_ENV=production)',
    );
  }
  if (production && !config.auth?.trustedCaCertificates.length)
    throw new ConfigError(
      'refusing to start in production mode without trusted CA certificates for the ID-card sign-in (--trust-ca FILE)',
    );
  if (!config.auth) return undefined;
  let resolved: ResolvedAuthConfig;
  try {
    resolved = resolveAuthConfig(config.auth, ownOrigin);
  } catch (error) {
    if (error instanceof AuthConfigError) throw new ConfigError(`ID-card sign-in: ${error.message}`);
    throw error;
  }
  if (production) {
    const origin = config.auth.origin
      ? new URL(config.auth.origin)
      : new URL(
          `${config.tls ? 'https' : 'http'}://${config.host.includes(':') ? `[${config.host}]` : config.host}`,
        );
    if (origin.protocol === 'http:' && !isLoopbackHost(origin.hostname))
      throw new ConfigError(
        `refusing to start in production mode with the plain-HTTP origin ${origin.origin}: ` +
          'give --origin https://… (and --tls-cert/--tls-key or a TLS proxy)',
      );
  }
  return resolved;
}

/** Opens and migrates the database, seeds the demo court if asked and empty, and listens. */
export async function startRegister(config: RegisterConfig): Promise<RunningRegister> {
  let ownOrigin: string | undefined;
  const auth = checkSignInConfig(config, () => ownOrigin);
  const https = config.tls ? await readTls(config.tls) : undefined;
  const db = await openDb(config.db);
  try {
    await migrate(db);
    const blobs = new FolderBlobStore(config.blobDir);
    const app = buildApp({
      db,
      blobs,
      devSignIn: config.devSignIn ?? false,
      auth,
      version: await registerVersion(),
      logLevel: config.logLevel ?? 'info',
      https,
    });
    let seed: DemoSeedSummary | null = null;
    let retention: RetentionSchedule | undefined;
    try {
      if (config.seedDemo) {
        seed = await seedDemoCourt(db, blobs, {
          caseCount: config.demoCaseCount,
          expertOpinion: config.demoExpertOpinion ?? false,
        });
        if (seed.seeded) app.log.info({ seed }, 'seeded the demo court');
      }
      retention = await startAuditRetention(db, (error) =>
        app.log.error({ err: error }, 'audit retention run failed'),
      );
      await app.listen({ host: config.host, port: config.port });
    } catch (error) {
      await retention?.stop();
      await app.close();
      throw error;
    }
    const { port } = app.server.address() as AddressInfo;
    const host = ['0.0.0.0', '::', ''].includes(config.host) ? '127.0.0.1' : config.host;
    const url = `${https ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
    ownOrigin = new URL(url).origin;
    let closing: Promise<void> | undefined;
    return {
      url,
      db,
      seed,
      close: () =>
        (closing ??= app
          .close()
          .then(() => retention.stop())
          .then(() => db.close())),
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
