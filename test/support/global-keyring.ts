// Vitest global setup of the Node project: a private Secret Service (gnome-keyring in its own D-Bus
// session bus) for the whole run, so tests use a real OS keychain and never the developer's own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPrivateKeyring } from '../../scripts/testcards/private-keyring.js';

export default async function setup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'chambers-test-keyring-'));
  const keyring = await startPrivateKeyring(dir);
  // Test workers are started after this and inherit the environment.
  Object.assign(process.env, keyring.env);
  return async () => {
    await keyring.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
