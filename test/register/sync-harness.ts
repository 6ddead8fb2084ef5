import path from 'node:path';
import { expect } from 'vitest';
import { type RunningRegister, startRegister } from '../../src-register/server.js';
import {
  SessionResponse,
  type SyncChangesResponse,
  SyncChangesResponse as SyncChangesResponseSchema,
  type SyncFeedChange,
} from '../../src-shared/register-api/index.js';
import type { Databases } from './databases.js';
import { call } from './http-client.js';

export interface StaffMember {
  id: string;
  personalCode: string;
  role: string;
}

/** A register on a fresh database with a small demo court, and who works there by role. */
export async function startSyncRegister(
  dbs: Databases,
  name: string,
): Promise<{ reg: RunningRegister; staff: Map<string, StaffMember[]> }> {
  const reg = await startRegister({
    db: await dbs.create(name),
    host: '127.0.0.1',
    port: 0,
    devSignIn: true,
    production: false,
    blobDir: path.join(dbs.scratch, `${name}-blobs`),
    seedDemo: true,
    demoCaseCount: 16,
    logLevel: 'silent',
  });
  const rows = await reg.db.query<{ id: string; personal_code: string; role: string }>(
    'SELECT u.id, u.personal_code, r.role FROM users u JOIN role_assignments r ON r.user_id = u.id ORDER BY u.name',
  );
  const staff = new Map<string, StaffMember[]>();
  for (const row of rows)
    staff.set(row.role, [
      ...(staff.get(row.role) ?? []),
      { id: row.id, personalCode: row.personal_code, role: row.role },
    ]);
  return { reg, staff };
}

export async function signIn(reg: RunningRegister, personalCode: string): Promise<string> {
  const res = await call(reg.url, '/api/v1/dev/sign-in', { json: { personalCode } });
  expect(res.status).toBe(200);
  return SessionResponse.parse(res.body).token;
}

export async function changesPage(
  reg: RunningRegister,
  token: string,
  cursor: string,
  limit = 100,
): Promise<SyncChangesResponse> {
  const res = await call(reg.url, `/api/v1/sync/changes?cursor=${cursor}&limit=${limit}`, { token });
  expect(res.status).toBe(200);
  return SyncChangesResponseSchema.parse(res.body);
}

/** Pages until the register has nothing more; every change in order, and the final cursor. */
export async function changesUntilDone(
  reg: RunningRegister,
  token: string,
  cursor = '0',
  limit = 100,
): Promise<{ changes: SyncFeedChange[]; cursor: string; pages: number }> {
  const changes: SyncFeedChange[] = [];
  for (let pages = 1; ; pages++) {
    const page = await changesPage(reg, token, cursor, limit);
    expect(page.changes.length).toBeLessThanOrEqual(limit);
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return { changes, cursor, pages };
  }
}

export const caseIdOf = (change: SyncFeedChange): string =>
  change.kind === 'case'
    ? change.case.id
    : change.kind === 'case-removed'
      ? change.caseId
      : change.kind === 'case-note'
        ? change.note.caseId
        : change.annotation.caseId;

export interface Counts {
  mutations: number;
  notes: number;
  steps: number;
  audit: number;
  seq: number;
}

export async function counts(reg: RunningRegister): Promise<Counts> {
  const [row] = await reg.db.query<Counts>(
    `SELECT (SELECT count(*)::int FROM sync_mutations) AS mutations, (SELECT count(*)::int FROM case_notes) AS notes,
            (SELECT count(*)::int FROM procedural_steps) AS steps, (SELECT count(*)::int FROM audit_log) AS audit,
            (SELECT max(seq)::int FROM case_changes) AS seq`,
  );
  return row!;
}
