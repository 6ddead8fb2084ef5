import { z } from 'zod';
import type { ProcedureType } from './procedure-type.js';
import { ROLES, type Role } from './roles.js';

/**
 * What a user may do. Case actions are checked against one case (its court, procedure type,
 * restriction and assigned staff); court actions against a court only.
 */
export const ACTIONS = [
  'case.read',
  'case.register',
  'case.reassign',
  'document.upload',
  'minutes.write',
  'decision.draft',
  'allocation.manage',
  'statistics.read',
  'users.manage',
  'audit.read',
] as const;
export const Action = z.enum(ACTIONS);
export type Action = z.infer<typeof Action>;

export interface ActionRule {
  target: 'case' | 'court';
  /**
   * Whether a closed-proceeding or adoption case needs the user to be assigned to it (statute §9).
   * Registration and reassignment do not: the chancery registers a closed case before anyone is
   * assigned, and a president must be able to move a case off a recused judge without reading it.
   */
  restrictedNeedsAssignment: boolean;
  description: string;
}

export const ACTION_RULES: Readonly<Record<Action, ActionRule>> = {
  'case.read': {
    target: 'case',
    restrictedNeedsAssignment: true,
    description: 'see the case file and its documents (sync, download)',
  },
  'case.register': {
    target: 'case',
    restrictedNeedsAssignment: false,
    description: 'register a new case (number and allocation)',
  },
  'case.reassign': {
    target: 'case',
    restrictedNeedsAssignment: false,
    description: 'reassign a case to another judge, with a reason',
  },
  'document.upload': {
    target: 'case',
    restrictedNeedsAssignment: true,
    description: 'add a document to the case file',
  },
  'minutes.write': {
    target: 'case',
    restrictedNeedsAssignment: true,
    description: 'write and upload hearing minutes',
  },
  'decision.draft': {
    target: 'case',
    restrictedNeedsAssignment: true,
    description: 'draft decisions (judgments, rulings)',
  },
  'allocation.manage': {
    target: 'court',
    restrictedNeedsAssignment: false,
    description: "change the court's allocation plan",
  },
  'statistics.read': {
    target: 'court',
    restrictedNeedsAssignment: false,
    description: 'workload and statistics that identify no person',
  },
  'users.manage': {
    target: 'court',
    restrictedNeedsAssignment: false,
    description: 'register users and their roles',
  },
  'audit.read': {
    target: 'court',
    restrictedNeedsAssignment: false,
    description: 'read and verify the audit log',
  },
};

/**
 * One cell of the table: which cases of the assignment's court (every court for the external roles
 * of §17) the grant covers.
 * - `all`: every procedure type;
 * - `sub-type`: the procedure types of the assignment's observer sub-type;
 * - `assigned`: every procedure type, but only cases the user is assigned to;
 * - a list: those procedure types only.
 */
export type Grant = 'all' | 'sub-type' | 'assigned' | readonly ProcedureType[];

const ALL = 'all';
const SUB = 'sub-type';
const ASSIGNED = 'assigned';

/**
 * THE permissions table (statute §3, §15–17): role × action → procedure types. An action missing
 * from a role's row is not granted. docs/permissions.md is generated from this object; a test
 * fails when the two differ, so a person can review the table there.
 */
export const PERMISSION_TABLE: Readonly<Record<Role, Readonly<Partial<Record<Action, Grant>>>>> = {
  court_president: {
    'case.read': ALL,
    'case.reassign': ALL,
    'decision.draft': ALL,
    'allocation.manage': ALL,
    'statistics.read': ALL,
  },
  // The presiding judge signs the minutes with the secretary, so may correct them too.
  judge: { 'case.read': ALL, 'document.upload': ALL, 'minutes.write': ALL, 'decision.draft': ALL },
  consultant: { 'case.read': ALL, 'decision.draft': ALL },
  court_session_secretary: { 'case.read': ALL, 'document.upload': ALL, 'minutes.write': ALL },
  chancery_official: { 'case.read': ALL, 'case.register': ALL, 'document.upload': ALL },
  head_of_chancery: {
    'case.read': ALL,
    'case.register': ALL,
    'document.upload': ALL,
    'statistics.read': ALL,
  },
  observer: { 'case.read': SUB, 'statistics.read': SUB },
  law_clerk: { 'case.read': ALL, 'decision.draft': ALL },
  assistant_judge: { 'case.read': ALL, 'document.upload': ALL, 'decision.draft': ALL },
  judge_candidate: { 'case.read': ALL },
  adviser: { 'case.read': ALL, 'statistics.read': ALL },
  analyst: { 'statistics.read': ALL },
  specialist: { 'case.read': ALL },
  interpreter: { 'case.read': ASSIGNED },
  system_administrator: { 'users.manage': ALL, 'audit.read': ALL },
  system_observer: { 'case.read': SUB, 'statistics.read': SUB },
};

/** The roles whose grants follow an observer sub-type (statute §16 and §17). */
export const OBSERVER_ROLES = ['observer', 'system_observer'] as const satisfies readonly Role[];

/** Backwards-compatible names: a permission is an action. */
export const PERMISSIONS = ACTIONS;
export const Permission = Action;
export type Permission = Action;

/** The actions each role has any grant for (what the UI shows or hides). */
export const ROLE_PERMISSIONS = Object.fromEntries(
  ROLES.map((role) => [role, ACTIONS.filter((action) => PERMISSION_TABLE[role][action] !== undefined)]),
) as unknown as Readonly<Record<Role, readonly Action[]>>;

export function roleHas(role: Role, action: Action): boolean {
  return PERMISSION_TABLE[role][action] !== undefined;
}
