import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { expect } from 'vitest';
import type { ProcedureType } from '../../../src-shared/domain/index.js';
import { SessionResponse } from '../../../src-shared/register-api/index.js';
import type { Db } from '../../../src-register/db/index.js';
import { allocateCase } from '../../../src-register/domain/allocation/allocate-case.js';
import { partyKey } from '../../../src-register/domain/allocation/refiling.js';
import { type RunningRegister, startRegister } from '../../../src-register/server.js';
import type { Databases } from '../databases.js';
import { call } from '../http-client.js';

export interface Staff {
  president: { id: string; personalCode: string };
  judges: { id: string; personalCode: string }[];
  chancery: { id: string; personalCode: string };
}

export async function startAllocationRegister(dbs: Databases, name: string): Promise<RunningRegister> {
  return startRegister({
    db: await dbs.create(name),
    host: '127.0.0.1',
    port: 0,
    devSignIn: true,
    production: false,
    blobDir: path.join(dbs.scratch, `${name}_blobs`),
    seedDemo: true,
    demoCaseCount: 6,
    logLevel: 'silent',
  });
}

export async function loadStaff(db: Db): Promise<Staff> {
  const rows = await db.query<{ id: string; personal_code: string; role: string }>(
    `SELECT u.id, u.personal_code, r.role FROM users u JOIN role_assignments r ON r.user_id = u.id ORDER BY u.name`,
  );
  const having = (role: string) =>
    rows.filter((r) => r.role === role).map((r) => ({ id: r.id, personalCode: r.personal_code }));
  return {
    president: having('court_president')[0]!,
    judges: having('judge'),
    chancery: having('chancery_official')[0]!,
  };
}

export async function signIn(reg: RunningRegister, personalCode: string): Promise<string> {
  const res = await call(reg.url, '/api/v1/dev/sign-in', { json: { personalCode } });
  expect(res.status).toBe(200);
  return SessionResponse.parse(res.body).token;
}

let numberSeq = 900_000;

export interface NewCase {
  procedureType?: ProcedureType;
  category?: string | null;
  subject?: string;
  parties?: { name: string; code: string | null }[];
  registeredAt?: Date;
}

/** Inserts a case as registration would and allocates it in the same transaction. */
export async function registerAndAllocate(db: Db, actorId: string, c: NewCase = {}) {
  const procedureType = c.procedureType ?? 'civil';
  const digit =
    ['criminal', 'civil', 'administrative', 'misdemeanour', 'constitutional'].indexOf(procedureType) + 1;
  const id = randomUUID();
  const subject = c.subject ?? `Nõue ${numberSeq}`;
  const parties = c.parties ?? [{ name: `Pool ${numberSeq}`, code: null }];
  const registeredAt = c.registeredAt ?? new Date();
  return db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO cases (id, number, procedure_type, court_code, status, subject, category, registered_at)
       VALUES ($1, $2, $3, 'HMK', 'registered', $4, $5, $6)`,
      [
        id,
        `${digit}-25-${++numberSeq}`,
        procedureType,
        subject,
        c.category ?? null,
        registeredAt.toISOString(),
      ],
    );
    for (const [i, p] of parties.entries()) {
      await tx.query(
        `INSERT INTO parties (id, case_id, position, kind, name, code, role) VALUES ($1, $2, $3, 'natural', $4, $5, 'plaintiff')`,
        [randomUUID(), id, i + 1, p.name, p.code],
      );
    }
    const outcome = await allocateCase(tx, {
      caseId: id,
      courtCode: 'HMK',
      procedureType,
      category: c.category ?? null,
      subject,
      partyKeys: parties.map(partyKey),
      registeredAt,
      actor: { userId: actorId },
    });
    return { id, outcome };
  });
}
