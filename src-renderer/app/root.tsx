import { EmptyState } from '../components/empty-state';
import { ErrorNotice } from '../components/error-notice';
import { Loading } from '../components/loading';
import { SignInScreen } from '../features/session/components/sign-in-screen';
import { useSession } from '../features/session/hooks/use-session';
import { useT } from '../i18n/use-t';
import { hasChambers } from '../platform/chambers';
import { AppShell } from './shell/app-shell';
import { Preferences } from './shell/preferences';
import { useHostEvents } from './use-host-events';

function SessionGate() {
  const t = useT();
  useHostEvents();
  const session = useSession();
  if (session.isPending) {
    return (
      <div className="full-page">
        <Loading label={t('app.loading')} />
      </div>
    );
  }
  if (session.isError) {
    return (
      <div className="full-page">
        <ErrorNotice error={session.error} onRetry={() => void session.refetch()} />
      </div>
    );
  }
  if (!session.data) return <SignInScreen preferences={<Preferences />} />;
  return <AppShell session={session.data} />;
}

/** Opened outside a Chambers host (a stray file:// or a dev server): say so instead of failing. */
export function AppRoot() {
  const t = useT();
  if (!hasChambers()) {
    return (
      <main className="full-page">
        <EmptyState title={t('app.hostMissing.title')}>{t('app.hostMissing.body')}</EmptyState>
      </main>
    );
  }
  return <SessionGate />;
}
