import type { Session } from '../../features/session/api/session-queries';
import { DevBanner } from '../../features/session/components/dev-banner';
import { CasesScreen } from '../../features/cases/components/cases-screen';
import { casesHref, navigate, useRoute } from '../routes';
import { NavRail } from './nav-rail';
import './shell.css';
import { StatusBar } from './status-bar';
import { TopBar } from './top-bar';

export function AppShell({ session }: { session: Session }) {
  const route = useRoute();
  return (
    <div className="app-shell">
      {session.mode === 'development' ? (
        <div className="app-shell__banner">
          <DevBanner />
        </div>
      ) : null}
      <TopBar session={session} />
      <NavRail route={route} />
      <main className="app-shell__main" id="main-content">
        <CasesScreen openCaseId={route.caseId} onOpenCase={(caseId) => navigate(casesHref(caseId))} />
      </main>
      <StatusBar session={session} />
    </div>
  );
}
