import { domainLabel } from '../../../i18n/domain-labels';
import { useT } from '../../../i18n/use-t';

// Roles that PARTY_ROLES has but the shared domain labels do not (yet): labelled here.
const EXTRA_ROLES = {
  civil_defendant: 'register.role.civil_defendant',
  intervener: 'register.role.intervener',
} as const;

const isExtraRole = (role: string): role is keyof typeof EXTRA_ROLES => Object.hasOwn(EXTRA_ROLES, role);

/** The label of a procedural role code in the current language. */
export function usePartyRoleLabel(): (role: string) => string {
  const t = useT();
  return (role) => (isExtraRole(role) ? t(EXTRA_ROLES[role]) : domainLabel(t, 'partyRole', role));
}
