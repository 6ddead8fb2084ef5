import type { Session } from '../../features/session/api/session-queries';
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
      <TopBar session={session} />
      <NavRail route={route} />
      <main className="app-shell__main" id="main-content">
        <CasesScreen openCaseId={route.caseId} onOpenCase={(caseId) => navigate(casesHref(caseId))} />
      </main>
      <StatusBar session={session} />
    </div>
  );
}
