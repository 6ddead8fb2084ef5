import { z } from 'zod';
import { CaseNumber, DocumentNumber } from './case-number.js';
import { ProcedureType } from './procedure-type.js';

export const CaseStatus = z.enum(['registered', 'in_progress', 'suspended', 'decided', 'closed']);
export type CaseStatus = z.infer<typeof CaseStatus>;

/** Closed proceedings and adoption cases are visible only to the staff handling them (§9). */
export const CaseRestriction = z.enum(['none', 'closed', 'adoption']);
export type CaseRestriction = z.infer<typeof CaseRestriction>;

const Id = z.string().min(1).max(64);
const IsoDateTime = z.iso.datetime({ offset: true });

export const CourtRef = z.object({ code: z.string().min(2).max(8), name: z.string() });
export type CourtRef = z.infer<typeof CourtRef>;

export const PersonRef = z.object({ id: Id, name: z.string() });
export type PersonRef = z.infer<typeof PersonRef>;

export const Party = z.object({
  id: Id,
  kind: z.enum(['natural', 'legal']),
  name: z.string(),
  /** Personal identification code or registry code; null when unknown. */
  code: z.string().nullable(),
  /** Procedural role for the procedure type: plaintiff, defendant, accused, victim, … */
  role: z.string(),
  representative: z.string().nullable(),
});
export type Party = z.infer<typeof Party>;

export const Hearing = z.object({
  id: Id,
  startsAt: IsoDateTime,
  room: z.string(),
  public: z.boolean(),
  kind: z.string(),
  judges: z.array(PersonRef),
  secretary: PersonRef.nullable(),
});
export type Hearing = z.infer<typeof Hearing>;

export const CaseDocument = z.object({
  id: Id,
  number: DocumentNumber,
  kind: z.string(),
  title: z.string(),
  mediaType: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  pages: z.number().int().positive().nullable(),
  restricted: z.boolean(),
  filedAt: IsoDateTime,
});
export type CaseDocument = z.infer<typeof CaseDocument>;

export const ProceduralStep = z.object({
  id: Id,
  kind: z.string(),
  occurredAt: IsoDateTime,
  enteredAt: IsoDateTime,
  description: z.string(),
});
export type ProceduralStep = z.infer<typeof ProceduralStep>;

/** One case as the register sends it in a sync pull and the desktop cache keeps it. */
export const CaseSnapshot = z.object({
  id: Id,
  number: CaseNumber,
  procedureType: ProcedureType,
  court: CourtRef,
  status: CaseStatus,
  subject: z.string(),
  category: z.string().nullable(),
  claimValueCents: z.number().int().nonnegative().nullable(),
  restriction: CaseRestriction,
  registeredAt: IsoDateTime,
  judge: PersonRef.nullable(),
  parties: z.array(Party),
  hearings: z.array(Hearing),
  documents: z.array(CaseDocument),
  steps: z.array(ProceduralStep),
  /** Monotonic version given by the register; newer replaces older. */
  version: z.number().int().nonnegative(),
});
export type CaseSnapshot = z.infer<typeof CaseSnapshot>;

/** The row shown in lists. */
export const CaseSummary = CaseSnapshot.pick({
  id: true,
  number: true,
  procedureType: true,
  court: true,
  status: true,
  subject: true,
  restriction: true,
  registeredAt: true,
  judge: true,
}).extend({
  partyNames: z.array(z.string()),
  nextHearingAt: IsoDateTime.nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;
