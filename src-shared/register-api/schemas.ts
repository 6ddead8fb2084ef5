import { z } from 'zod';
import { CaseSnapshot, PersonalCode, SessionUser } from '../domain/index.js';
import { AppErrorShape } from '../contract/result.js';

/** Request and response schemas of the register's HTTP API, version 1 (`/api/v1`). */
export const API_PREFIX = '/api/v1';

/** A court's code, as in every path and body that names a court. */
export const CourtCode = z.string().regex(/^[A-Z]{2,8}$/, 'must be a court code (2–8 capital letters)');
export const CourtParams = z.object({ court: CourtCode });

/** A calendar date of court business (absences, statistics periods). */
export const CourtDate = z.iso
  .date()
  .refine((d) => d >= '1900-01-01' && d <= '2199-12-31', 'a date between 1900 and 2199');

export const ErrorBody = z.object({ error: AppErrorShape });
export type ErrorBody = z.infer<typeof ErrorBody>;

export const HealthResponse = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.enum(['pglite', 'postgres']),
  schemaVersion: z.number().int(),
  devSignIn: z.boolean(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

export const DevUser = z.object({
  personalCode: z.string(),
  name: z.string(),
  roleLabel: z.string(),
});
export const DevUsersResponse = z.object({ users: z.array(DevUser) });
export type DevUsersResponse = z.infer<typeof DevUsersResponse>;

export const DevSignInRequest = z.object({ personalCode: PersonalCode });
export type DevSignInRequest = z.infer<typeof DevSignInRequest>;

export const SessionResponse = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
  user: SessionUser,
});
export type SessionResponse = z.infer<typeof SessionResponse>;

export const MeResponse = z.object({ user: SessionUser, expiresAt: z.iso.datetime({ offset: true }) });
export type MeResponse = z.infer<typeof MeResponse>;

/** The cursor is opaque to clients: a decimal string of the register's change sequence. */
export const SyncCursor = z.string().regex(/^\d{1,19}$/);

/**
 * What decides which cases the user may see: "<users.access_epoch>.<12 hex digits of the role
 * assignments in force today>". The first part moves when an assignment row or `users.active`
 * changes; the second when validity dates pass with no row changing. A client that sees it change
 * pulls again from cursor 0 and drops what that pull does not send (cases gained or lost access
 * at old versions the cursor has passed).
 */
export const AccessEpoch = z.string().regex(/^\d{1,19}\.[0-9a-f]{12}$/);

export const SyncPullQuery = z.object({
  cursor: SyncCursor.default('0'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type SyncPullQuery = z.infer<typeof SyncPullQuery>;

export const SyncChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('case'), case: CaseSnapshot }),
  /** The case is gone or this user may no longer see it: remove it from the cache. */
  z.object({ kind: z.literal('case-removed'), caseId: z.string() }),
]);
export type SyncChange = z.infer<typeof SyncChange>;

export const SyncPullResponse = z.object({
  changes: z.array(SyncChange),
  cursor: SyncCursor,
  hasMore: z.boolean(),
  /** Changes still to come after this page for this user, when cheap to count. */
  remaining: z.number().int().nonnegative().nullable(),
  accessEpoch: AccessEpoch,
});
export type SyncPullResponse = z.infer<typeof SyncPullResponse>;

export const DocumentParams = z.object({ documentId: z.string().min(1).max(64) });
