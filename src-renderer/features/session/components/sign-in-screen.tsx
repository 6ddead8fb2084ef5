import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorNotice } from '../../../components/error-notice';
import { Loading } from '../../../components/loading';
import { useT } from '../../../i18n/use-t';
import { hostInfoQuery } from '../api/session-queries';
import { DevBanner } from './dev-banner';
import { DevUserList } from './dev-user-list';
import './session.css';

/** Until the ID card sign-in exists, the development sign-in is the only way in (decision 0005). */
/** `preferences`: the language and theme controls, handed in by the app shell. */
export function SignInScreen({ preferences }: { preferences?: ReactNode }) {
  const t = useT();
  const info = useQuery(hostInfoQuery());

  return (
    <div className="sign-in">
      {info.data?.devSignIn ? <DevBanner /> : null}
      <header className="sign-in__header">
        <span className="sign-in__app">{t('app.name')}</span>
        {preferences}
      </header>
      <main className="sign-in__main">
        <div className="sign-in__card">
          {info.isPending ? <Loading label={t('app.loading')} /> : null}
          {info.isError ? <ErrorNotice error={info.error} onRetry={() => void info.refetch()} /> : null}
          {info.data && !info.data.devSignIn ? (
            <>
              <h1 className="sign-in__title">{t('signIn.title')}</h1>
              <p>{t('signIn.unavailable')}</p>
            </>
          ) : null}
          {info.data?.devSignIn ? (
            <>
              <h1 className="sign-in__title">{t('signIn.dev.title')}</h1>
              <p className="sign-in__intro">{t('signIn.dev.intro')}</p>
              <DevUserList />
            </>
          ) : null}
        </div>
      </main>
    </div>
  );
}
