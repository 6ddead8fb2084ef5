import { CasesIcon } from '../../components/icons';
import { useT } from '../../i18n/use-t';
import { casesHref, type Route } from '../routes';

/** Only screens that exist and the role may use; more join as they are built (issue 6). */
export function NavRail({ route }: { route: Route }) {
  const t = useT();
  return (
    <nav className="nav-rail" aria-label={t('shell.nav.label')}>
      <a
        className="nav-rail__item"
        href={casesHref(route.caseId)}
        aria-current={route.screen === 'cases' ? 'page' : undefined}
      >
        <CasesIcon className="nav-rail__icon" />
        <span className="nav-rail__label">{t('shell.nav.cases')}</span>
      </a>
    </nav>
  );
}
