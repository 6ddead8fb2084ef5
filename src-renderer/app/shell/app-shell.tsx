import { AllocationScreen } from '../../features/allocation/components/allocation-screen';
import { CasesScreen } from '../../features/cases/components/cases-screen';
import { RegisterCaseScreen } from '../../features/registration/components/register-case-screen';
import { SearchScreen } from '../../features/search/components/search-screen';
import type { Session } from '../../features/session/api/session-queries';
import { courtsWhere } from '../../features/session/lib/permissions';
import { SettingsScreen } from '../../features/settings/components/settings-screen';
import { WorkScreen } from '../../features/work/components/work-screen';
import { casesHref, navigate, type Route, type Screen, useRoute } from '../routes';
import { NavRail } from './nav-rail';
import './shell.css';
import { StatusBar } from './status-bar';
import { TopBar } from './top-bar';

const openCase = (caseId: string) => navigate(casesHref(caseId));

/** What the user's roles allow, by the register's own rule (src-shared `authorize`). */
function allowedScreens(session: Session) {
  const registerCourts = courtsWhere(session.user, 'case.register');
  const allocationCourts = courtsWhere(session.user, 'allocation.manage');
  const screens: Screen[] = ['work', 'search', 'cases'];
  if (registerCourts.length > 0) screens.push('register');
  if (allocationCourts.length > 0) screens.push('allocation');
  screens.push('settings');
  return { screens, registerCourts, allocationCourts };
}

export function AppShell({ session }: { session: Session }) {
  const route = useRoute();
  const allowed = allowedScreens(session);
  // An address for a screen this user may not use falls back to My work.
  const shown: Route = allowed.screens.includes(route.screen) ? route : { screen: 'work', caseId: null };
  return (
    <div className="app-shell">
      <TopBar session={session} />
      <NavRail route={shown} screens={allowed.screens} />
      <main className="app-shell__main" id="main-content">
        {shown.screen === 'work' && <WorkScreen onOpenCase={openCase} />}
        {shown.screen === 'search' && <SearchScreen onOpenCase={openCase} />}
        {shown.screen === 'cases' && <CasesScreen openCaseId={shown.caseId} onOpenCase={openCase} />}
        {shown.screen === 'register' && (
          <RegisterCaseScreen courts={allowed.registerCourts} onOpenCase={openCase} />
        )}
        {shown.screen === 'allocation' && <AllocationScreen courts={allowed.allocationCourts} />}
        {shown.screen === 'settings' && <SettingsScreen />}
      </main>
      <StatusBar session={session} />
    </div>
  );
}
