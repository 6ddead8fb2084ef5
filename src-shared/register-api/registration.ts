import { z } from 'zod';
import {
  CaseNumber,
  CaseRestriction,
  CaseSnapshot,
  PersonalCode,
  PersonRef,
  ProcedureType,
  parseCaseNumber,
} from '../domain/index.js';
import { AllocationRecord } from './allocation.js';
import { CourtCode } from './schemas.js';
import { FORMER_SUPREME_COURT_NUMBER_PATTERN, PARTY_ROLES, isPartyRoleOf } from '../domain/party-roles.js';

/** Inline files are small; a larger file is uploaded first and referenced by its SHA-256. */
export const MAX_INLINE_DOCUMENT_BYTES = 512 * 1024;

export const DOCUMENT_MEDIA_TYPES = [
  'application/pdf',
  'application/vnd.etsi.asic-e+zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'image/jpeg',
  'image/png',
  'text/plain',
] as const;

export const FormerCaseNumber = z.string().refine((s) => {
  const parts = parseCaseNumber(s);
  return FORMER_SUPREME_COURT_NUMBER_PATTERN.test(s) || (parts !== undefined && parts.document === undefined);
}, 'must be a case number T-YY-N or a former Supreme Court number like 3-2-1-161-05');

// PostgreSQL text cannot hold NUL: refused here as bad input rather than failing at insert.
const Text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters');
const Representative = Text(200).nullable().default(null);

export const RegistrationParty = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('natural'),
    name: Text(200),
    /** Null for a person without an Estonian personal identification code. */
    personalCode: PersonalCode.nullable().default(null),
    role: Text(60),
    representative: Representative,
  }),
  z.object({
    kind: z.literal('legal'),
    name: Text(300),
    /** Null for a person not in the Estonian commercial or non-profit registers. */
    registryCode: z
      .string()
      .regex(/^\d{8}$/, 'must be an 8-digit registry code')
      .nullable()
      .default(null),
    role: Text(60),
    representative: Representative,
  }),
]);
export type RegistrationParty = z.infer<typeof RegistrationParty>;

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');
const decodedLength = (b64: string) => Math.floor((b64.length * 3) / 4) - (b64.match(/=+$/)?.[0].length ?? 0);

export const RegistrationDocument = z
  .object({
    title: Text(300),
    kind: Text(60),
    mediaType: z.enum(DOCUMENT_MEDIA_TYPES),
    restricted: z.boolean().default(false),
    /** The file itself, base64, at most MAX_INLINE_DOCUMENT_BYTES once decoded … */
    content: Base64.optional(),
    /** … or the SHA-256 of a file already uploaded to the register. */
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256')
      .optional(),
  })
  .superRefine((doc, ctx) => {
    if ((doc.content === undefined) === (doc.sha256 === undefined))
      ctx.addIssue({ code: 'custom', message: 'give either content or sha256, not both or neither' });
    if (doc.content !== undefined && decodedLength(doc.content) > MAX_INLINE_DOCUMENT_BYTES)
      ctx.addIssue({
        code: 'custom',
        path: ['content'],
        message: `at most ${MAX_INLINE_DOCUMENT_BYTES} bytes inline (upload larger files and send their sha256)`,
      });
  });
export type RegistrationDocument = z.infer<typeof RegistrationDocument>;

export const RegistrationRequest = z
  .object({
    /** Client-made id: a retry with the same id answers with the first registration. */
    requestId: z.uuid().optional(),
    courtCode: CourtCode,
    procedureType: ProcedureType,
    subject: Text(500),
    category: Text(200).nullable().default(null),
    claimValueCents: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).nullable().default(null),
    restriction: CaseRestriction.default('none'),
    parties: z.array(RegistrationParty).min(1).max(100),
    documents: z.array(RegistrationDocument).max(50).default([]),
    formerNumbers: z.array(FormerCaseNumber).max(20).default([]),
  })
  .superRefine((req, ctx) => {
    req.parties.forEach((party, index) => {
      if (!isPartyRoleOf(req.procedureType, party.role))
        ctx.addIssue({
          code: 'custom',
          path: ['parties', index, 'role'],
          message: `"${party.role}" is not a party role in ${req.procedureType} proceedings (one of: ${PARTY_ROLES[req.procedureType].join(', ')})`,
        });
    });
    if (req.claimValueCents !== null && req.procedureType !== 'civil')
      ctx.addIssue({
        code: 'custom',
        path: ['claimValueCents'],
        message: 'only civil cases have a claim value',
      });
    if (new Set(req.formerNumbers).size !== req.formerNumbers.length)
      ctx.addIssue({ code: 'custom', path: ['formerNumbers'], message: 'each former number once' });
  });
export type RegistrationRequest = z.input<typeof RegistrationRequest>;

export const ProceedingKind = z.enum(['first_instance', 'appeal', 'cassation', 'constitutional_review']);
export type ProceedingKind = z.infer<typeof ProceedingKind>;

export const Proceeding = z.object({
  id: z.string(),
  seq: z.number().int().positive(),
  courtCode: z.string(),
  level: z.number().int().min(1).max(3),
  kind: ProceedingKind,
  startedAt: z.iso.datetime({ offset: true }),
  endedAt: z.iso.datetime({ offset: true }).nullable(),
  judgeIds: z.array(z.string()),
});
export type Proceeding = z.infer<typeof Proceeding>;

/** The judge or panel drawn for a proceeding, and the allocation log entry that records why. */
export const AllocationOutcome = z.object({
  judges: z.array(PersonRef),
  logSeq: z.number().int().nonnegative(),
  record: AllocationRecord,
});
export type AllocationOutcome = z.infer<typeof AllocationOutcome>;

/** A case file as registration, appeal and lookup return it. */
export const CaseFileResponse = z.object({
  number: CaseNumber,
  case: CaseSnapshot,
  proceedings: z.array(Proceeding),
  formerNumbers: z.array(z.string()),
});
export type CaseFileResponse = z.infer<typeof CaseFileResponse>;

export const RegistrationResponse = CaseFileResponse.extend({
  /** Null when no judge was allocated; `allocationNote` then says why. */
  allocation: AllocationOutcome.nullable(),
  allocationNote: z.string().nullable(),
});
export type RegistrationResponse = z.infer<typeof RegistrationResponse>;

export const CaseIdParams = z.object({ caseId: z.uuid() });
export const CaseNumberParams = z.object({ number: z.string().min(3).max(40) });

export const AppealRequest = z.object({
  /** The higher court that takes the case. */
  courtCode: CourtCode,
});
export type AppealRequest = z.input<typeof AppealRequest>;

/** A registration request after parsing (defaults filled in), as the register handles it. */
export type ParsedRegistrationRequest = z.output<typeof RegistrationRequest>;
