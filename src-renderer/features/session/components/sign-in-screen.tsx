import { useQuery } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { ErrorNotice } from '../../../components/error-notice';
import { Loading } from '../../../components/loading';
import { useI18n, useT } from '../../../i18n/use-t';
import { CARD_POLL_MS, cardListQuery } from '../../../api/card-queries';
import { sessionEndedQuery, type CardList, type SessionEndReason } from '../api/session-queries';
import { CardChooser } from './card-chooser';
import './session.css';

const END_NOTICE_KEYS = {
  'card-removed': 'signIn.ended.card-removed',
  'session-ended': 'signIn.ended.session-ended',
} as const;

/** Why the previous session ended, when the user did not end it themselves. */
function SessionEndNotice() {
  const t = useT();
  const ended = useQuery(sessionEndedQuery());
  const reason: SessionEndReason | null | undefined = ended.data;
  if (!reason || reason === 'signed-out') return null;
  return (
    <p className="sign-in__ended" role="status" data-testid="session-ended-notice">
      {t(END_NOTICE_KEYS[reason])}
    </p>
  );
}

/** No card module: what to install or set, the path that was tried, and a retry. */
function ModuleMissing({ module, onRetry }: { module: CardList['module']; onRetry: () => void }) {
  const t = useT();
  const titleId = useId();
  return (
    <section className="sign-in__module" data-testid="card-module-missing" aria-labelledby={titleId}>
      <h2 className="sign-in__subtitle" id={titleId}>
        {t('signIn.module.title')}
      </h2>
      <p>{t('signIn.module.body')}</p>
      <p className="sign-in__path">{t('signIn.module.path', { path: module.path })}</p>
      {module.error ? (
        <p className="notice__details">{t('signIn.module.error', { message: module.error })}</p>
      ) : null}
      <button type="button" className="button" onClick={onRetry}>
        {t('signIn.module.retry')}
      </button>
    </section>
  );
}

function Readers({ list, onRetry }: { list: CardList; onRetry: () => void }) {
  const { t, plural } = useI18n();
  if (!list.module.loaded) return <ModuleMissing module={list.module} onRetry={onRetry} />;
  const count = list.cards.length;
  return (
    <>
      {/* One live region that stays put, so a card going in or out is announced. */}
      <p className="sign-in__reader" role="status" data-testid="reader-status">
        {count === 0 ? t('signIn.insertCard') : plural('signIn.cardsFound', count)}
      </p>
      {count === 0 ? <p className="sign-in__hint">{t('signIn.insertCard.hint')}</p> : null}
      {count > 0 ? <CardChooser cards={list.cards} /> : null}
    </>
  );
}

/** `preferences`: the language and theme controls, handed in by the app shell. */
export function SignInScreen({ preferences }: { preferences?: ReactNode }) {
  const t = useT();
  // `card:changed` refreshes the list at once; polling is the fallback while this screen is shown.
  const cards = useQuery({ ...cardListQuery(), refetchInterval: CARD_POLL_MS });
  const retry = () => void cards.refetch();

  return (
    <div className="sign-in">
      <header className="sign-in__header">
        <span className="sign-in__app">{t('app.name')}</span>
        {preferences}
      </header>
      <main className="sign-in__main">
        <div className="sign-in__card">
          <h1 className="sign-in__title">{t('signIn.title')}</h1>
          <SessionEndNotice />
          <p className="sign-in__intro">{t('signIn.intro')}</p>
          {cards.data ? <Readers list={cards.data} onRetry={retry} /> : null}
          {!cards.data && cards.isPending ? <Loading label={t('app.loading')} /> : null}
          {!cards.data && cards.isError ? <ErrorNotice error={cards.error} onRetry={retry} /> : null}
        </div>
      </main>
    </div>
  );
}
