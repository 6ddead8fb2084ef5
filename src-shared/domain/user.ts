import { z } from 'zod';
import { ObserverScope, Role } from './roles.js';

export const RoleAssignment = z.object({
  role: Role,
  /** Court code; null for the external roles of §17. */
  courtCode: z.string().nullable(),
  observerScope: ObserverScope.nullable(),
  /** Validity dates (YYYY-MM-DD, inclusive) when known; `authorize` ignores an assignment outside them. */
  validFrom: z.iso.date().optional(),
  validTo: z.iso.date().nullable().optional(),
});
export type RoleAssignment = z.infer<typeof RoleAssignment>;

export const SessionUser = z.object({
  id: z.string(),
  name: z.string(),
  personalCode: z.string(),
  roles: z.array(RoleAssignment),
  /** False once employment ends (§6¹); `authorize` then grants nothing. Absent means active. */
  active: z.boolean().optional(),
});
export type SessionUser = z.infer<typeof SessionUser>;
