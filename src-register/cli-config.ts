import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DbSpecError, parseDbSpec } from './db/index.js';
import type { AuthConfig } from './auth/config.js';
import type { RegisterConfig } from './server.js';

export const DEFAULT_DB = 'pglite:./.data/register';
export const DEFAULT_PORT = 4610;
export const DEFAULT_HOST = '127.0.0.1';

export const USAGE = `Usage: npm run register -- [options]
  --db SPEC          pglite:DIR | pglite:memory | postgres://user@host:port/db  (env CHAMBERS_REGISTER_DB; default ${DEFAULT_DB})
  --port N           port, 0 for a free one          (env CHAMBERS_REGISTER_PORT; default ${DEFAULT_PORT})
  --host ADDR        address to listen on            (env CHAMBERS_REGISTER_HOST; default ${DEFAULT_HOST})
  --tls-cert FILE    PEM certificate, with --tls-key (env CHAMBERS_REGISTER_TLS_CERT)
  --tls-key FILE     PEM private key                 (env CHAMBERS_REGISTER_TLS_KEY)
  --blobs DIR        document files                  (env CHAMBERS_REGISTER_BLOBS; default beside the PGlite folder)
  --trust-ca FILE    PEM of a trusted issuing CA for ID-card sign-in; repeatable, a file may hold several
                     (env CHAMBERS_REGISTER_TRUST_CA, files separated by "${path.delimiter}"); required in production
  --origin URL       the origin ID cards sign for    (env CHAMBERS_REGISTER_ORIGIN; default this register's own URL)
  --ocsp-url URL     OCSP responder to ask instead of the certificate's own (env CHAMBERS_REGISTER_OCSP_URL)
  --production       production mode                 (env CHAMBERS_REGISTER_PRODUCTION=1 or NODE_ENV=production)
  --no-seed          do not seed the demo court into an empty database (env CHAMBERS_REGISTER_SEED=0)
  --demo-cases N     how many demo cases to seed     (env CHAMBERS_REGISTER_DEMO_CASES; default 200)
  --log-level LEVEL  fatal|error|warn|info|debug|trace|silent (env CHAMBERS_REGISTER_LOG_LEVEL; default info)
  --help             this text`;

/** A command line the register cannot run with; the CLI prints it with the usage and exits with 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function flagOn(value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new UsageError(`expected 1/0, true/false, yes/no or on/off, got "${value}"`);
}

function wholeNumber(text: string, what: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`${what} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return Number(text);
}

/** Blobs live beside a PGlite folder (`DIR-blobs`); with PostgreSQL or memory, under ./.data. */
export function defaultBlobDir(db: string): string {
  const spec = parseDbSpec(db);
  if (spec.kind === 'pglite' && spec.dataDir) return `${path.resolve(spec.dataDir)}-blobs`;
  return path.resolve('.data/register-blobs');
}

function httpUrl(value: string, flag: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${flag} must be a URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`${flag} must be an http:// or https:// URL, got "${value}"`);
  return value;
}

/** The ID-card sign-in settings: the CA files are read here, so a missing one is a usage error. */
function signInConfig(
  caFiles: string[] | undefined,
  origin: string | undefined,
  ocspUrl: string | undefined,
): AuthConfig | undefined {
  if (!caFiles?.length) {
    if (origin || ocspUrl) throw new UsageError('--origin and --ocsp-url need --trust-ca');
    return undefined;
  }
  const trustedCaCertificates = caFiles.map((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(`--trust-ca: cannot read ${file}: ${(error as Error).message}`);
    }
    if (!text.includes('-----BEGIN CERTIFICATE-----'))
      throw new UsageError(`--trust-ca: ${file} holds no PEM certificate`);
    return text;
  });
  if (origin) {
    const url = new URL(httpUrl(origin, '--origin'));
    if (url.pathname !== '/' || url.search || url.hash)
      throw new UsageError(`--origin must be scheme://host[:port] with no path, got "${origin}"`);
  }
  return {
    trustedCaCertificates,
    ...(origin ? { origin } : {}),
    ...(ocspUrl ? { ocspUrl: httpUrl(ocspUrl, '--ocsp-url') } : {}),
  };
}

/** Flags first, then `CHAMBERS_REGISTER_*` variables, then defaults. `null` means `--help` was asked. */
export function parseRegisterArgs(argv: string[], env: NodeJS.ProcessEnv): RegisterConfig | null {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        db: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        blobs: { type: 'string' },
        'trust-ca': { type: 'string', multiple: true },
        origin: { type: 'string' },
        'ocsp-url': { type: 'string' },
        production: { type: 'boolean' },
        'no-seed': { type: 'boolean' },
        'demo-cases': { type: 'string' },
        'log-level': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return null;
  const str = (flag: string, envName: string) =>
    (values[flag] as string | undefined) ?? (env[envName] || undefined);
  const db = str('db', 'CHAMBERS_REGISTER_DB') ?? DEFAULT_DB;
  try {
    parseDbSpec(db);
  } catch (error) {
    if (error instanceof DbSpecError) throw new UsageError(`--db: ${error.message}`);
    throw error;
  }
  const cert = str('tls-cert', 'CHAMBERS_REGISTER_TLS_CERT');
  const key = str('tls-key', 'CHAMBERS_REGISTER_TLS_KEY');
  if (Boolean(cert) !== Boolean(key))
    throw new UsageError('--tls-cert and --tls-key go together: give both or neither');
  const logLevel = str('log-level', 'CHAMBERS_REGISTER_LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel))
    throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);
  const demoCases = str('demo-cases', 'CHAMBERS_REGISTER_DEMO_CASES');
  if (flagOn(env.CHAMBERS_REGISTER_DEV_SIGN_IN))
    throw new UsageError(
      'CHAMBERS_REGISTER_DEV_SIGN_IN is gone: the register offers only the ID-card sign-in (see --trust-ca)',
    );
  const auth = signInConfig(
    (values['trust-ca'] as string[] | undefined) ??
      (env.CHAMBERS_REGISTER_TRUST_CA || undefined)?.split(path.delimiter).filter(Boolean),
    str('origin', 'CHAMBERS_REGISTER_ORIGIN'),
    str('ocsp-url', 'CHAMBERS_REGISTER_OCSP_URL'),
  );
  return {
    db,
    host: str('host', 'CHAMBERS_REGISTER_HOST') ?? DEFAULT_HOST,
    port: wholeNumber(str('port', 'CHAMBERS_REGISTER_PORT') ?? String(DEFAULT_PORT), '--port', 0, 65535),
    ...(cert && key ? { tls: { cert, key } } : {}),
    ...(auth ? { auth } : {}),
    production:
      Boolean(values.production) ||
      (flagOn(env.CHAMBERS_REGISTER_PRODUCTION) ?? false) ||
      env.NODE_ENV === 'production',
    blobDir: path.resolve(str('blobs', 'CHAMBERS_REGISTER_BLOBS') ?? defaultBlobDir(db)),
    seedDemo: values['no-seed'] ? false : (flagOn(env.CHAMBERS_REGISTER_SEED) ?? true),
    demoExpertOpinion: true,
    ...(demoCases ? { demoCaseCount: wholeNumber(demoCases, '--demo-cases', 1, 100_000) } : {}),
    logLevel,
  };
}
