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

// The permissions table (what each role may do) is in permissions.ts.
