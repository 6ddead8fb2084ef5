import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RegisterClient } from '../../../src-main/services/register-client.js';
import type { CaseSnapshot } from '../../../src-shared/domain/index.js';
import { DevUsersResponse, SessionResponse } from '../../../src-shared/register-api/index.js';
import type { AuthConfig } from '../../../src-register/auth/config.js';
import { startRegister } from '../../../src-register/server.js';

export interface TestRegister {
  url: string;
  /** Cases the demo seed wrote. */
  cases: number;
  close(): Promise<void>;
}

/**
 * A real register on loopback with the demo court (200 cases unless told), in memory. Its development
 * routes are on, for register-level helpers in tests (nothing in src-main calls them); `auth` turns
 * on the ID-card sign-in.
 */
export async function startTestRegister(
  caseCount?: number,
  options: { auth?: AuthConfig } = {},
): Promise<TestRegister> {
  const blobDir = mkdtempSync(join(tmpdir(), 'chambers-register-blobs-'));
  const register = await startRegister({
    db: 'pglite:memory',
    host: '127.0.0.1',
    port: 0,
    devSignIn: true,
    production: false,
    blobDir,
    seedDemo: true,
    demoCaseCount: caseCount,
    logLevel: 'warn',
    ...(options.auth ? { auth: options.auth } : {}),
  });
  let closed = false;
  return {
    url: register.url,
    cases: register.seed?.cases ?? 0,
    async close() {
      if (closed) return;
      closed = true;
      await register.close();
      rmSync(blobDir, { recursive: true, force: true });
    },
  };
}

/** What the register shows this user: every page from the start, removals applied. */
export async function registerView(
  client: RegisterClient,
  token: string,
  limit = 500,
): Promise<{ cases: Map<string, CaseSnapshot>; pages: Array<{ cursor: string; ids: string[] }> }> {
  const cases = new Map<string, CaseSnapshot>();
  const pages: Array<{ cursor: string; ids: string[] }> = [];
  let cursor = '0';
  for (;;) {
    const page = await client.syncPull(token, { cursor, limit });
    const ids: string[] = [];
    for (const change of page.changes) {
      if (change.kind === 'case') {
        cases.set(change.case.id, change.case);
        ids.push(change.case.id);
      } else {
        cases.delete(change.caseId);
        ids.push(change.caseId);
      }
    }
    pages.push({ cursor: page.cursor, ids });
    cursor = page.cursor;
    if (!page.hasMore) return { cases, pages };
  }
}

export interface StaffMember {
  personalCode: string;
  name: string;
  roleLabel: string;
}

/** The register's demo staff, from its development route (test registers run with it on). */
export async function devUsers(registerUrl: string): Promise<StaffMember[]> {
  const response = await fetch(`${registerUrl}/api/v1/dev/users`);
  if (!response.ok) throw new Error(`GET /dev/users answered ${response.status}`);
  return DevUsersResponse.parse(await response.json()).users;
}

/**
 * A register session without a card, from the test register's development route: for tests of the
 * register-facing parts (sync, the client) that need a token but not the sign-in. Nothing in src-main
 * calls this route.
 */
export async function devSession(registerUrl: string, personalCode: string): Promise<SessionResponse> {
  const response = await fetch(`${registerUrl}/api/v1/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personalCode }),
  });
  if (!response.ok)
    throw new Error(`POST /dev/sign-in answered ${response.status}: ${await response.text()}`);
  return SessionResponse.parse(await response.json());
}
