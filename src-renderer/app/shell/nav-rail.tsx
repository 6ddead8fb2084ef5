import type { ComponentType } from 'react';
import {
  AllocationIcon,
  CasesIcon,
  MinutesIcon,
  RegisterIcon,
  SearchIcon,
  SettingsIcon,
  WorkIcon,
} from '../../components/icons';
import type { CheckedKey } from '../../i18n/dictionary';
import { useT } from '../../i18n/use-t';
import { casesHref, type Route, type Screen, screenHref } from '../routes';

export interface NavItem {
  screen: Screen;
  label: CheckedKey<
    | 'shell.nav.work'
    | 'shell.nav.search'
    | 'shell.nav.cases'
    | 'shell.nav.register'
    | 'shell.nav.allocation'
    | 'shell.nav.settings'
    | 'minutes.nav'
  >;
  icon: ComponentType<{ className?: string }>;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { screen: 'work', label: 'shell.nav.work', icon: WorkIcon },
  { screen: 'search', label: 'shell.nav.search', icon: SearchIcon },
  { screen: 'cases', label: 'shell.nav.cases', icon: CasesIcon },
  { screen: 'register', label: 'shell.nav.register', icon: RegisterIcon },
  { screen: 'allocation', label: 'shell.nav.allocation', icon: AllocationIcon },
  { screen: 'minutes', label: 'minutes.nav', icon: MinutesIcon },
  { screen: 'settings', label: 'shell.nav.settings', icon: SettingsIcon },
];

/** The screens this user's roles allow, in a fixed order; the shell decides which (role-aware). */
export function NavRail({ route, screens }: { route: Route; screens: readonly Screen[] }) {
  const t = useT();
  return (
    <nav className="nav-rail" aria-label={t('shell.nav.label')}>
      {NAV_ITEMS.filter((item) => screens.includes(item.screen)).map(({ screen, label, icon: Icon }) => (
        <a
          key={screen}
          className="nav-rail__item"
          href={
            screen === 'cases'
              ? casesHref(route.screen === 'cases' ? route.caseId : null)
              : screenHref(screen)
          }
          aria-current={route.screen === screen ? 'page' : undefined}
        >
          <Icon className="nav-rail__icon" />
          <span className="nav-rail__label">{t(label)}</span>
        </a>
      ))}
    </nav>
  );
}
