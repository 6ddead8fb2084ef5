import { z } from 'zod';
import { ObserverScope, Role } from './roles.js';

export const RoleAssignment = z.object({
  role: Role,
  /** Court code; null for the external roles of §17. */
  courtCode: z.string().nullable(),
  observerScope: ObserverScope.nullable(),
});
export type RoleAssignment = z.infer<typeof RoleAssignment>;

export const SessionUser = z.object({
  id: z.string(),
  name: z.string(),
  personalCode: z.string(),
  roles: z.array(RoleAssignment),
});
export type SessionUser = z.infer<typeof SessionUser>;
