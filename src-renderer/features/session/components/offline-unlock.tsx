import { LockIcon } from '../../../components/icons';
import { useT } from '../../../i18n/use-t';
import type { Session } from '../api/session-queries';
import './session.css';

/** Signed in offline, against the certificate pinned at the last online sign-in: said calmly, not as an error. */
export function OfflineUnlock({ session }: { session: Session }) {
  const t = useT();
  if (session.connection !== 'offline') return null;
  return (
    <span className="offline-unlock" data-testid="offline-unlock">
      <LockIcon />
      {t('session.offlineUnlock')}
    </span>
  );
}
