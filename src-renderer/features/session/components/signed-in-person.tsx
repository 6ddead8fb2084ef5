import { roleKey } from '../../../i18n/domain-labels';
import { useT } from '../../../i18n/use-t';
import './session.css';
import type { Session } from '../api/session-queries';
import { primaryRole } from '../hooks/use-session';

export function SignedInPerson({ session }: { session: Session }) {
  const t = useT();
  const role = primaryRole(session);
  return (
    <span className="person" data-testid="signed-in-person">
      <span className="person__name">{session.user.name}</span>
      <span className="person__role">{role ? t(roleKey(role)) : t('role.none')}</span>
    </span>
  );
}
