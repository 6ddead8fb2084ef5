import { lazy, Suspense, useMemo } from 'react';
import { Loading } from '../../components/loading';
import { AllocationScreen } from '../../features/allocation/components/allocation-screen';
import { CaseDraftsSlot } from '../../features/cases/components/case-file';
import { CasesScreen } from '../../features/cases/components/cases-screen';
import { type DocumentLinks, DocumentLinksContext } from '../../features/cases/components/documents-section';
import { CaseDraftsSection } from '../../features/drafting/components/case-drafts-section';
import { DraftingContext, type DraftingLinks } from '../../features/drafting/lib/drafting-context';
import { MinutesContext, type MinutesLinks } from '../../features/minutes/lib/minutes-context';
import { ReadingRoom } from '../../features/reading/components/reading-room';
import {
  openBeside,
  openDocument,
  type ReadingLayout,
  useStoredLayout,
} from '../../features/reading/lib/reading-layout';
import { RegisterCaseScreen } from '../../features/registration/components/register-case-screen';
import { SearchScreen } from '../../features/search/components/search-screen';
import type { Session } from '../../features/session/api/session-queries';
import { courtsWhere } from '../../features/session/lib/permissions';
import { SettingsScreen } from '../../features/settings/components/settings-screen';
import { WorkScreen } from '../../features/work/components/work-screen';
import { useT } from '../../i18n/use-t';
import {
  casesHref,
  documentsHref,
  draftsHref,
  minutesHref,
  navigate,
  type Route,
  type Screen,
  useRoute,
} from '../routes';
import { NavRail } from './nav-rail';
import './shell.css';
import { StatusBar } from './status-bar';
import { TopBar } from './top-bar';

const openCase = (caseId: string) => navigate(casesHref(caseId));
// pdf.js is big and needs a real browser: loaded with the first document, not with the app.
const DocumentViewer = lazy(() =>
  import('../../features/viewer/components/document-viewer').then((module) => ({
    default: module.DocumentViewer,
  })),
);
// The decision editor (TipTap/ProseMirror) and the minutes are for judges and secretaries at work:
// each is loaded when its screen first opens, not with the app. The case file's drafts list
// (CaseDraftsSection) stays eager: it does not reach the editor.
const DraftScreen = lazy(() =>
  import('../../features/drafting/components/draft-screen').then((module) => ({
    default: module.DraftScreen,
  })),
);
const MinutesScreen = lazy(() =>
  import('../../features/minutes/components/minutes-screen').then((module) => ({
    default: module.MinutesScreen,
  })),
);
const layoutHref = (layout: ReadingLayout) => documentsHref(layout.ids, layout);
const showLayout = (layout: ReadingLayout) => navigate(layoutHref(layout));

/** The case file's document links: a tab of this window's reading room, or the pane beside. */
function documentLinks(open: ReadingLayout): DocumentLinks {
  return {
    openHref: (documentId) => layoutHref(openDocument(open, documentId)),
    besideHref: (documentId) =>
      open.ids.some((id) => id !== documentId) ? layoutHref(openBeside(open, documentId)) : null,
  };
}

/** What the user's roles allow, by the register's own rule (src-shared `authorize`). */
function allowedScreens(session: Session) {
  const registerCourts = courtsWhere(session.user, 'case.register');
  const allocationCourts = courtsWhere(session.user, 'allocation.manage');
  const draftingCourts = courtsWhere(session.user, 'decision.draft');
  const minutesCourts = courtsWhere(session.user, 'minutes.write');
  // Anyone who may read a case may read its documents (the host refuses a restricted one).
  const screens: Screen[] = ['work', 'search', 'cases', 'documents'];
  if (registerCourts.length > 0) screens.push('register');
  if (allocationCourts.length > 0) screens.push('allocation');
  screens.push('settings');
  // Drafts are reached from the case file (and their own address), not from the navigation rail.
  if (draftingCourts.length > 0) screens.push('drafts');
  // Hearing minutes: judges and court session secretaries (the rail shows it before Settings).
  if (minutesCourts.length > 0) screens.push('minutes');
  return { screens, registerCourts, allocationCourts, draftingCourts };
}

export function AppShell({ session }: { session: Session }) {
  const t = useT();
  const route = useRoute();
  const allowed = allowedScreens(session);
  // An address for a screen this user may not use falls back to My work.
  const shown: Route = allowed.screens.includes(route.screen) ? route : { screen: 'work', caseId: null };
  const openDocuments = useStoredLayout();
  const links = useMemo(() => documentLinks(openDocuments), [openDocuments]);
  const draftingCourtList = allowed.draftingCourts.join(' ');
  const drafting = useMemo<DraftingLinks>(
    () => ({
      draftHref: (draftId) => draftsHref(draftId),
      openDraft: (draftId) => navigate(draftsHref(draftId)),
      caseHref: (caseId) => casesHref(caseId),
      openCase,
      draftingCourts: draftingCourtList === '' ? [] : draftingCourtList.split(' '),
    }),
    [draftingCourtList],
  );
  const userId = session.user.id;
  const minutesLinks = useMemo<MinutesLinks>(
    () => ({
      minutesHref: (minutesId) => minutesHref(minutesId),
      openMinutes: (minutesId) => navigate(minutesHref(minutesId)),
      caseHref: (caseId) => casesHref(caseId),
      userId,
    }),
    [userId],
  );
  return (
    <div className="app-shell">
      <TopBar session={session} />
      <NavRail route={shown} screens={allowed.screens} />
      <DraftingContext value={drafting}>
        <CaseDraftsSlot value={CaseDraftsSection}>
          <main className="app-shell__main" id="main-content">
            {shown.screen === 'work' && <WorkScreen onOpenCase={openCase} />}
            {shown.screen === 'search' && <SearchScreen onOpenCase={openCase} />}
            {shown.screen === 'cases' && (
              <DocumentLinksContext value={links}>
                <CasesScreen openCaseId={shown.caseId} onOpenCase={openCase} />
              </DocumentLinksContext>
            )}
            {shown.screen === 'documents' && (
              <ReadingRoom
                layout={shown.documents}
                onLayoutChange={showLayout}
                Viewer={DocumentViewer}
                onOpenCase={openCase}
              />
            )}
            {shown.screen === 'register' && (
              <RegisterCaseScreen courts={allowed.registerCourts} onOpenCase={openCase} />
            )}
            {shown.screen === 'allocation' && <AllocationScreen courts={allowed.allocationCourts} />}
            {shown.screen === 'settings' && <SettingsScreen />}
            {shown.screen === 'drafts' && (
              <Suspense fallback={<Loading label={t('app.loading')} />}>
                <DraftScreen draftId={shown.draftId} />
              </Suspense>
            )}
            {shown.screen === 'minutes' && (
              <MinutesContext value={minutesLinks}>
                <Suspense fallback={<Loading label={t('app.loading')} />}>
                  <MinutesScreen minutesId={shown.minutesId} />
                </Suspense>
              </MinutesContext>
            )}
          </main>
        </CaseDraftsSlot>
      </DraftingContext>
      <StatusBar session={session} />
    </div>
  );
}
