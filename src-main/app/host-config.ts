import { z } from 'zod';

export const DEFAULT_REGISTER_URL = 'http://127.0.0.1:4610';

const RegisterUrl = z.url({ protocol: /^https?$/, error: 'the register address must be an http(s) URL' });

export interface HostConfig {
  registerUrl: string;
  /** Overrides Electron's userData folder (a fresh profile per e2e test, a portable install). */
  userDataDir: string | null;
  /** The PKCS#11 module for ID cards (`--card-module=PATH` or CHAMBERS_PKCS11_MODULE); null: OpenSC's default. */
  cardModule: string | null;
}

function flag(argv: readonly string[], name: string): string | undefined {
  const prefix = `--${name}=`;
  return argv.findLast((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

/**
 * Reads `--register=URL` (else CHAMBERS_REGISTER_URL, else the saved setting, else the local
 * default), `--user-data-dir=DIR` and `--card-module=PATH` (else CHAMBERS_PKCS11_MODULE, else the
 * saved setting). `saved` is what the Settings screen wrote (`settings.json` in the data folder).
 */
export function readHostConfig(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  saved: { registerUrl: string; cardModule: string } | null = null,
): HostConfig {
  const raw =
    flag(argv, 'register') ?? env.CHAMBERS_REGISTER_URL ?? saved?.registerUrl ?? DEFAULT_REGISTER_URL;
  const parsed = RegisterUrl.safeParse(raw);
  if (!parsed.success)
    throw new Error(`Invalid register address "${raw}": ${parsed.error.issues[0]?.message ?? 'not a URL'}`);
  const userDataDir = flag(argv, 'user-data-dir');
  const cardModule = flag(argv, 'card-module') ?? env.CHAMBERS_PKCS11_MODULE ?? saved?.cardModule;
  return {
    registerUrl: parsed.data,
    userDataDir: userDataDir ? userDataDir : null,
    cardModule: cardModule ? cardModule : null,
  };
}
