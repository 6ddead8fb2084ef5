// One test PKI per test process, made on first use (about half a second) and removed at exit: for
// registers that need an ID-card configuration but whose tests do not sign in with a card.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestPki, createTestPki } from '../../scripts/testcards/pki.js';

let shared: TestPki | null = null;

export function sharedTestPki(): TestPki {
  if (shared) return shared;
  const dir = mkdtempSync(join(tmpdir(), 'chambers-shared-pki-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  shared = createTestPki(dir);
  return shared;
}

/** A register `auth` configuration that trusts the shared test PKI. */
export function testAuthConfig(): { trustedCaCertificates: string[] } {
  return { trustedCaCertificates: [sharedTestPki().intermediate.certPem] };
}
