import { z } from 'zod';
import type { ProcedureType } from './procedure-type.js';

/** Roles of statute §16 (court-internal) and §17 (outside the courts). */
export const COURT_ROLES = [
  'court_president',
  'judge',
  'consultant',
  'court_session_secretary',
  'chancery_official',
  'head_of_chancery',
  'observer',
  'law_clerk',
  'assistant_judge',
  'judge_candidate',
  'adviser',
  'analyst',
  'specialist',
  'interpreter',
] as const;
export const EXTERNAL_ROLES = ['system_administrator', 'system_observer'] as const;
export const ROLES = [...COURT_ROLES, ...EXTERNAL_ROLES] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Observer sub-types: which procedure types an observer may see. */
export const OBSERVER_SCOPES = {
  general: ['criminal', 'civil', 'administrative', 'misdemeanour', 'constitutional'],
  criminal_misdemeanour: ['criminal', 'misdemeanour'],
  civil_administrative: ['civil', 'administrative'],
  constitutional: ['constitutional'],
} as const satisfies Record<string, readonly ProcedureType[]>;
export const ObserverScope = z.enum([
  'general',
  'criminal_misdemeanour',
  'civil_administrative',
  'constitutional',
]);
export type ObserverScope = z.infer<typeof ObserverScope>;

export const PERMISSIONS = [
  'cases.read',
  'cases.register',
  'allocation.manage',
  'statistics.read',
  'users.manage',
  'audit.read',
  'minutes.write',
  'decisions.draft',
] as const;
export const Permission = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof Permission>;

/**
 * What each role may do. Data, not code: a person can review it line by line,
 * and the register enforces the same table the UI reads.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  court_president: ['cases.read', 'allocation.manage', 'statistics.read', 'decisions.draft'],
  judge: ['cases.read', 'decisions.draft'],
  consultant: ['cases.read', 'decisions.draft'],
  court_session_secretary: ['cases.read', 'minutes.write'],
  chancery_official: ['cases.read', 'cases.register'],
  head_of_chancery: ['cases.read', 'cases.register', 'statistics.read'],
  observer: ['cases.read'],
  law_clerk: ['cases.read', 'decisions.draft'],
  assistant_judge: ['cases.read', 'decisions.draft'],
  judge_candidate: ['cases.read'],
  adviser: ['cases.read', 'statistics.read'],
  analyst: ['statistics.read'],
  specialist: ['cases.read'],
  interpreter: [],
  system_administrator: ['users.manage', 'audit.read'],
  system_observer: ['cases.read'],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
