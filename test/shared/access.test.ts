import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  ACTION_RULES,
  type CaseAccessFacts,
  type CaseTarget,
  type ObserverScope,
  PROCEDURE_TYPES,
  ROLE_PERMISSIONS,
  ROLES,
  type Role,
  type RoleAssignment,
  type SessionUser,
  authorize,
  canSeeCase,
  caseScopes,
  readScopes,
  roleHas,
  scopeAdmits,
} from '../../src-shared/domain/index.js';

const user = (id: string, roles: SessionUser['roles'], active?: boolean): SessionUser => ({
  id,
  name: id,
  personalCode: '37605030299',
  roles,
  ...(active === undefined ? {} : { active }),
});
const inCourt = (
  role: Role,
  courtCode = 'HMK',
  observerScope: ObserverScope | null = null,
  extra: Partial<RoleAssignment> = {},
): RoleAssignment => ({ role, courtCode, observerScope, ...extra });
const civil = (over: Partial<CaseTarget> = {}): CaseTarget => ({
  courtCode: 'HMK',
  procedureType: 'civil',
  restriction: 'none',
  assignedStaffIds: ['judge-a', 'secretary-a'],
  ...over,
});
const TODAY = { today: '2026-06-15' };

describe('authorize', () => {
  it('honours role validity dates, both ends inclusive', () => {
    const at = (validFrom: string, validTo: string | null) =>
      authorize(
        user('j', [inCourt('judge', 'HMK', null, { validFrom, validTo })]),
        'case.read',
        civil(),
        TODAY,
      );
    expect(at('2020-01-01', null)).toBe(true);
    expect(at('2026-06-15', '2026-06-15')).toBe(true);
    expect(at('2026-06-16', null)).toBe(false);
    expect(at('2020-01-01', '2026-06-14')).toBe(false);
    // An expired role does not open even a case the user is assigned to.
    const expired = user('judge-a', [
      inCourt('judge', 'HMK', null, { validFrom: '2020-01-01', validTo: '2021-01-01' }),
    ]);
    expect(authorize(expired, 'case.read', civil({ restriction: 'closed' }), TODAY)).toBe(false);
  });

  it('gives an inactive user nothing at all (§6¹)', () => {
    const gone = user('judge-a', [inCourt('judge'), inCourt('court_president')], false);
    for (const action of ACTIONS) {
      expect(authorize(gone, action, civil())).toBe(false);
      expect(authorize(gone, action, { courtCode: 'HMK' })).toBe(false);
    }
    expect(authorize(user('judge-a', [inCourt('judge')], true), 'case.read', civil())).toBe(true);
  });

  it('checks court actions against the court of the role', () => {
    const president = user('p', [inCourt('court_president')]);
    expect(authorize(president, 'allocation.manage', { courtCode: 'HMK' })).toBe(true);
    expect(authorize(president, 'allocation.manage', { courtCode: 'TMK' })).toBe(false);
    expect(authorize(user('j', [inCourt('judge')]), 'allocation.manage', { courtCode: 'HMK' })).toBe(false);
    const admin = user('a', [{ role: 'system_administrator', courtCode: null, observerScope: null }]);
    expect(authorize(admin, 'audit.read', { courtCode: 'TMK' })).toBe(true);
    expect(authorize(admin, 'case.read', civil())).toBe(false);
    expect(authorize(user('an', [inCourt('analyst')]), 'statistics.read', { courtCode: 'HMK' })).toBe(true);
    // An observer's statistics follow the sub-type: no constitutional figures for a civil observer.
    const civObserver = user('o', [inCourt('observer', 'HMK', 'civil_administrative')]);
    expect(authorize(civObserver, 'statistics.read', civil())).toBe(true);
    expect(authorize(civObserver, 'statistics.read', civil({ procedureType: 'constitutional' }))).toBe(false);
  });

  it('lets the chancery register a closed case and the president reassign one, but not read it', () => {
    const closed = civil({ restriction: 'adoption' });
    const chancery = user('c', [inCourt('chancery_official')]);
    expect(authorize(chancery, 'case.register', closed)).toBe(true);
    expect(authorize(chancery, 'case.read', closed)).toBe(false);
    const president = user('p', [inCourt('court_president')]);
    expect(authorize(president, 'case.reassign', closed)).toBe(true);
    expect(authorize(president, 'case.read', closed)).toBe(false);
    expect(authorize(president, 'decision.draft', closed)).toBe(false);
    expect(authorize(user('judge-a', [inCourt('judge')]), 'decision.draft', closed)).toBe(true);
    expect(
      authorize(user('secretary-a', [inCourt('court_session_secretary')]), 'minutes.write', closed),
    ).toBe(true);
    expect(
      authorize(user('secretary-a', [inCourt('court_session_secretary')]), 'decision.draft', closed),
    ).toBe(false);
  });

  it('needs a court role to be opened by assignment: an external role named on a case gets nothing', () => {
    const systemObserver = user('judge-a', [
      { role: 'system_observer', courtCode: null, observerScope: 'general' },
    ]);
    expect(authorize(systemObserver, 'case.read', civil())).toBe(true);
    expect(authorize(systemObserver, 'case.read', civil({ restriction: 'closed' }))).toBe(false);
    expect(authorize(systemObserver, 'case.read', civil({ courtCode: 'TMK' }))).toBe(true);
  });

  it('agrees with scopeAdmits, which the register mirrors in SQL', () => {
    const u = user('judge-a', [inCourt('interpreter'), inCourt('observer', 'TMK', 'constitutional')]);
    for (const target of [
      civil(),
      civil({ restriction: 'closed' }),
      civil({ courtCode: 'TMK', procedureType: 'constitutional' }),
    ])
      expect(authorize(u, 'case.read', target)).toBe(
        caseScopes(u, 'case.read').some((s) => scopeAdmits(s, 'case.read', u.id, target)),
      );
  });
});

describe('the permissions table and its earlier names', () => {
  it('gives every role a row and every action a rule', () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
    expect(Object.keys(ACTION_RULES).sort()).toEqual([...ACTIONS].sort());
    expect(roleHas('chancery_official', 'case.register')).toBe(true);
    expect(roleHas('judge', 'case.register')).toBe(false);
    expect(ROLE_PERMISSIONS.analyst).toEqual(['statistics.read']);
  });

  it('keeps canSeeCase and readScopes as views of authorize', () => {
    const facts: CaseAccessFacts = {
      courtCode: 'HMK',
      procedureType: 'civil',
      restriction: 'closed',
      judgeId: 'judge-a',
      staffIds: [],
    };
    expect(canSeeCase(user('judge-a', [inCourt('judge')]), facts)).toBe(true);
    expect(canSeeCase(user('judge-b', [inCourt('judge')]), facts)).toBe(false);
    const u = user('u', [
      inCourt('observer', 'HMK', 'constitutional'),
      inCourt('observer', 'HMK', 'criminal_misdemeanour'),
      inCourt('judge', 'TMK'),
      inCourt('interpreter', 'PMK'),
    ]);
    expect(readScopes(u)).toEqual([
      { courtCode: 'HMK', procedureTypes: ['criminal', 'misdemeanour', 'constitutional'] },
      { courtCode: 'TMK', procedureTypes: PROCEDURE_TYPES },
    ]);
  });
});
