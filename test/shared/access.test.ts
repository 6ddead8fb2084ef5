import { describe, expect, it } from 'vitest';
import {
  type CaseAccessFacts,
  type ObserverScope,
  PROCEDURE_TYPES,
  ROLES,
  type Role,
  type SessionUser,
  canSeeCase,
  readScopes,
  roleHas,
} from '../../src-shared/domain/index.js';

const user = (id: string, roles: SessionUser['roles']): SessionUser => ({
  id,
  name: id,
  personalCode: '37605030299',
  roles,
});
const inCourt = (role: Role, courtCode = 'HMK', observerScope: ObserverScope | null = null) => ({
  role,
  courtCode,
  observerScope,
});
const civil = (over: Partial<CaseAccessFacts> = {}): CaseAccessFacts => ({
  courtCode: 'HMK',
  procedureType: 'civil',
  restriction: 'none',
  judgeId: 'judge-a',
  staffIds: ['secretary-a'],
  ...over,
});

describe('canSeeCase', () => {
  it('lets every court role with cases.read see ordinary cases of its own court, and no other court', () => {
    for (const role of ROLES.filter((r) => roleHas(r, 'cases.read') && r !== 'system_observer')) {
      const scope = role === 'observer' ? 'general' : null;
      const someone = user('someone', [inCourt(role, 'HMK', scope)]);
      expect({ role, own: canSeeCase(someone, civil()) }).toEqual({ role, own: true });
      expect({ role, other: canSeeCase(someone, civil({ courtCode: 'TMK' })) }).toEqual({
        role,
        other: false,
      });
    }
  });

  it('shows nothing to roles without cases.read', () => {
    for (const role of ROLES.filter((r) => !roleHas(r, 'cases.read'))) {
      const courtCode = role.startsWith('system_') ? null : 'HMK';
      const someone = user('someone', [{ role, courtCode, observerScope: null }]);
      expect(readScopes(someone)).toEqual([]);
      expect(canSeeCase(someone, civil())).toBe(false);
      expect(canSeeCase(someone, civil({ judgeId: 'someone' }))).toBe(false);
    }
  });

  it('limits observers to the procedure types of their sub-type', () => {
    const expected: Record<ObserverScope, string[]> = {
      general: [...PROCEDURE_TYPES],
      criminal_misdemeanour: ['criminal', 'misdemeanour'],
      civil_administrative: ['civil', 'administrative'],
      constitutional: ['constitutional'],
    };
    for (const [scope, types] of Object.entries(expected) as [ObserverScope, string[]][]) {
      const observer = user('observer', [inCourt('observer', 'HMK', scope)]);
      const seen = PROCEDURE_TYPES.filter((procedureType) => canSeeCase(observer, civil({ procedureType })));
      expect({ scope, seen }).toEqual({ scope, seen: types });
    }
    expect(canSeeCase(user('o', [inCourt('observer', 'HMK', null)]), civil())).toBe(false);
  });

  it('shows closed and adoption cases only to their judge and the staff of their hearings', () => {
    for (const restriction of ['closed', 'adoption'] as const) {
      const c = civil({ restriction });
      expect(canSeeCase(user('judge-a', [inCourt('judge')]), c)).toBe(true);
      expect(canSeeCase(user('secretary-a', [inCourt('court_session_secretary')]), c)).toBe(true);
      expect(canSeeCase(user('judge-b', [inCourt('judge')]), c)).toBe(false);
      expect(canSeeCase(user('president', [inCourt('court_president'), inCourt('judge')]), c)).toBe(false);
      expect(canSeeCase(user('observer', [inCourt('observer', 'HMK', 'general')]), c)).toBe(false);
      // Being named on the case is not enough without a role that reads cases at that court.
      expect(canSeeCase(user('judge-a', [inCourt('judge', 'TMK')]), c)).toBe(false);
      expect(canSeeCase(user('judge-a', [inCourt('interpreter')]), c)).toBe(false);
    }
  });

  it('lets a system observer read ordinary cases of every court, never restricted ones', () => {
    const systemObserver = user('so', [{ role: 'system_observer', courtCode: null, observerScope: null }]);
    expect(readScopes(systemObserver)).toEqual([{ courtCode: '*', procedureTypes: PROCEDURE_TYPES }]);
    expect(canSeeCase(systemObserver, civil({ courtCode: 'TMK' }))).toBe(true);
    expect(canSeeCase(systemObserver, civil({ restriction: 'closed' }))).toBe(false);
  });

  it('merges several role assignments into one scope per court', () => {
    const u = user('u', [
      inCourt('observer', 'HMK', 'constitutional'),
      inCourt('observer', 'HMK', 'criminal_misdemeanour'),
      inCourt('judge', 'TMK'),
    ]);
    expect(readScopes(u)).toEqual([
      { courtCode: 'HMK', procedureTypes: ['criminal', 'misdemeanour', 'constitutional'] },
      { courtCode: 'TMK', procedureTypes: PROCEDURE_TYPES },
    ]);
  });
});
