import { z } from 'zod';

/** Request and response schemas of the audit log endpoints (statute §18¹). */

export const AuditChainName = z.enum(['entry', 'read']);
export type AuditChainName = z.infer<typeof AuditChainName>;

export const AuditVerifyResponse = z.object({
  ok: z.boolean(),
  /** Records whose link and hash were checked. */
  checked: z.number().int().nonnegative(),
  /** Which chain broke (null when ok). */
  chain: AuditChainName.nullable(),
  firstBrokenSeq: z.number().int().nonnegative().nullable(),
  reason: z.string().nullable(),
});
export type AuditVerifyResponse = z.infer<typeof AuditVerifyResponse>;

/** Decimal id of the last record of the previous page; the largest PostgreSQL bigint at most. */
const AuditCursor = z
  .string()
  .regex(/^\d{1,19}$/, 'must be the cursor of a previous page')
  // Zod runs a refinement even after the regex failed: BigInt() only sees digits here.
  .refine((s) => !/^\d{1,19}$/.test(s) || BigInt(s) <= 9_223_372_036_854_775_807n, 'out of range');

export const AuditEntriesQuery = z
  .strictObject({
    objectType: z
      .string()
      .regex(/^[a-z][a-z0-9_.-]{0,63}$/, 'must be an object type such as case or document')
      .optional(),
    objectId: z.string().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    cursor: AuditCursor.optional(),
  })
  .refine((q) => q.objectId === undefined || q.objectType !== undefined, {
    message: 'objectId needs objectType',
    path: ['objectId'],
  });
export type AuditEntriesQuery = z.infer<typeof AuditEntriesQuery>;

export const AuditRecord = z.object({
  id: z.string(),
  chain: AuditChainName,
  seq: z.number().int().positive(),
  at: z.iso.datetime({ offset: true }),
  actor: z.object({ userId: z.string().nullable(), name: z.string(), personalCode: z.string().nullable() }),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string().nullable(),
  hash: z.string().nullable(),
});
export type AuditRecord = z.infer<typeof AuditRecord>;

/** Newest first; `cursor` asks for the next (older) page. */
export const AuditEntriesResponse = z.object({
  entries: z.array(AuditRecord),
  cursor: z.string().nullable(),
  hasMore: z.boolean(),
});
export type AuditEntriesResponse = z.infer<typeof AuditEntriesResponse>;
