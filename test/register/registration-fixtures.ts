import { randomUUID } from 'node:crypto';
import { makePersonalCode } from '../../src-shared/domain/index.js';
import type { RegistrationRequest } from '../../src-shared/register-api/index.js';
import type { Db } from '../../src-register/db/index.js';

let serial = 100;
/** A valid personal code nobody else in this test run has. */
export const freshPersonalCode = (): string =>
  // Born in the 2000s: the demo seed's staff are older, so their codes never collide with these.
  makePersonalCode(
    6,
    new Date(Date.UTC(2000 + (serial % 6), serial % 12, 1 + (serial % 28))),
    serial++ % 999,
  );

/** A personal code whose check digit is wrong. */
export function badPersonalCode(): string {
  const good = freshPersonalCode();
  return good.slice(0, 10) + String((Number(good[10]) + 1) % 10);
}

export const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n% a registration test file\n%%EOF\n');

export function civilRequest(overrides: Partial<RegistrationRequest> = {}): RegistrationRequest {
  return {
    courtCode: 'HMK',
    procedureType: 'civil',
    subject: 'Laenulepingust tuleneva võla väljamõistmine',
    category: 'Võlaõigus',
    claimValueCents: 123_400,
    parties: [
      { kind: 'legal', name: 'Näidis Laen OÜ', registryCode: '12345678', role: 'plaintiff' },
      { kind: 'natural', name: 'Mari Maasikas', personalCode: freshPersonalCode(), role: 'defendant' },
    ],
    documents: [
      {
        title: 'Hagiavaldus',
        kind: 'claim',
        mediaType: 'application/pdf',
        content: Buffer.from(PDF_BYTES).toString('base64'),
      },
    ],
    ...overrides,
  };
}

/** Adds a user with one role at a court (the court is created when missing). */
export async function addStaff(
  db: Db,
  role: string,
  court: { code: string; name: string; level: number },
): Promise<{ id: string; personalCode: string }> {
  await db.query(
    'INSERT INTO courts (code, name, level, ecli_code) VALUES ($1, $2, $3, $1) ON CONFLICT DO NOTHING',
    [court.code, court.name, court.level],
  );
  const id = randomUUID();
  const personalCode = freshPersonalCode();
  await db.query('INSERT INTO users (id, name, personal_code) VALUES ($1, $2, $3)', [
    id,
    `${role} ${court.code} ${personalCode.slice(-4)}`,
    personalCode,
  ]);
  await db.query(
    "INSERT INTO role_assignments (id, user_id, role, court_code, valid_from) VALUES ($1, $2, $3, $4, '2020-01-01')",
    [randomUUID(), id, role, court.code],
  );
  return { id, personalCode };
}
