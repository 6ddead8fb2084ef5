import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Makes sure this process has a private Secret Service: the one the vitest global setup put into the
 * environment, or one started here. Returns the matching stop function.
 */
export async function ensureKeyring(): Promise<() => Promise<void>> {
  if (process.env.DBUS_SESSION_BUS_ADDRESS) return async () => undefined;
  const { startPrivateKeyring } = await import('../../../scripts/testcards/private-keyring.js');
  const dir = mkdtempSync(join(tmpdir(), 'chambers-keyring-'));
  const keyring = await startPrivateKeyring(dir);
  Object.assign(process.env, keyring.env);
  return async () => {
    await keyring.stop();
    for (const name of Object.keys(keyring.env)) delete process.env[name];
    rmSync(dir, { recursive: true, force: true });
  };
}
