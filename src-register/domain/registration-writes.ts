import { randomUUID } from 'node:crypto';
import { AppError } from '../../src-shared/contract/result.js';
import type { ParsedRegistrationRequest, RegistrationParty } from '../../src-shared/register-api/index.js';
import type { Db } from '../db/index.js';
import type { AuditActor, AuditEntry } from './audit.js';

/** The code stored with a party: a natural person's personal code or a legal person's registry code. */
export const partyCode = (p: RegistrationParty): string | null =>
  p.kind === 'natural' ? p.personalCode : p.registryCode;

export async function insertParties(
  tx: Db,
  caseId: string,
  parties: readonly RegistrationParty[],
): Promise<string[]> {
  const ids = parties.map(() => randomUUID());
  await tx.query(
    `INSERT INTO parties (id, case_id, position, kind, name, code, role, representative)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])`,
    [
      ids,
      parties.map(() => caseId),
      parties.map((_, i) => i),
      parties.map((p) => p.kind),
      parties.map((p) => p.name),
      parties.map(partyCode),
      parties.map((p) => p.role),
      parties.map((p) => p.representative),
    ],
  );
  return ids;
}

/** Records former numbers; one already naming a case (as its number or a former one) is a conflict. */
export async function insertAliases(tx: Db, caseId: string, numbers: readonly string[]): Promise<void> {
  if (numbers.length === 0) return;
  const taken = await tx.query<{ number: string }>(
    `SELECT number FROM cases WHERE number = ANY($1::text[])
     UNION SELECT number FROM case_aliases WHERE number = ANY($1::text[]) ORDER BY 1`,
    [numbers],
  );
  if (taken.length > 0)
    throw new AppError(
      'conflict',
      `former number(s) ${taken.map((t) => t.number).join(', ')} already name another case`,
    );
  await tx.query('INSERT INTO case_aliases (number, case_id) SELECT n, $2 FROM unnest($1::text[]) AS n', [
    numbers,
    caseId,
  ]);
}

/** One `create` entry for every row a registration writes (§18¹). */
export function registrationAudits(
  actor: AuditActor,
  request: ParsedRegistrationRequest,
  written: {
    caseId: string;
    number: string;
    proceedingId: string;
    partyIds: readonly string[];
    filed: readonly { id: string; number: string }[];
    judgeIds: readonly string[];
  },
): AuditEntry[] {
  const { caseId, number } = written;
  return [
    {
      actor,
      action: 'case.create',
      objectType: 'case',
      objectId: caseId,
      details: {
        number,
        courtCode: request.courtCode,
        procedureType: request.procedureType,
        restriction: request.restriction,
        formerNumbers: request.formerNumbers,
        judgeIds: written.judgeIds,
      },
    },
    {
      actor,
      action: 'proceeding.create',
      objectType: 'proceeding',
      objectId: written.proceedingId,
      details: { caseId, number, courtCode: request.courtCode, seq: 1 },
    },
    ...written.partyIds.map((id, index) => ({
      actor,
      action: 'party.create',
      objectType: 'party',
      objectId: id,
      details: { caseId, number, role: request.parties[index]!.role },
    })),
    ...written.filed.map((doc) => ({
      actor,
      action: 'document.create',
      objectType: 'document',
      objectId: doc.id,
      details: { caseId, number: doc.number },
    })),
  ];
}
