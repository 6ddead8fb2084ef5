import { SignedInPerson } from '../../features/session/components/signed-in-person';
import type { Session } from '../../features/session/api/session-queries';
import { useT } from '../../i18n/use-t';
import { Preferences } from './preferences';

export function TopBar({ session }: { session: Session }) {
  const t = useT();
  return (
    <header className="top-bar">
      <span className="top-bar__app">{t('app.name')}</span>
      <span className="top-bar__spacer" />
      <span className="top-bar__person" aria-label={t('shell.person')} role="group">
        <SignedInPerson session={session} />
      </span>
      <Preferences />
    </header>
  );
}
