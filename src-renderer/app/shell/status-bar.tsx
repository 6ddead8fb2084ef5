import type { Session } from '../../features/session/api/session-queries';
import { OfflineUnlock } from '../../features/session/components/offline-unlock';
import { SignOutButton } from '../../features/session/components/sign-out-button';
import { SignedInPerson } from '../../features/session/components/signed-in-person';
import { SyncNowButton } from '../../features/sync/components/sync-now-button';
import { SyncProblems } from '../../features/sync/components/sync-problems';
import { SyncStatusText } from '../../features/sync/components/sync-status-text';
import { useT } from '../../i18n/use-t';

/** Who is signed in and what the sync is doing; offline is a normal state, shown calmly. */
export function StatusBar({ session }: { session: Session }) {
  const t = useT();
  return (
    <footer className="status-bar" data-testid="status-bar" aria-label={t('status.label')}>
      <SyncStatusText />
      <SyncNowButton />
      <SyncProblems />
      <span className="status-bar__spacer" />
      <OfflineUnlock session={session} />
      <SignedInPerson session={session} />
      <SignOutButton />
    </footer>
  );
}
