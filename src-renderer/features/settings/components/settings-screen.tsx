import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { ErrorNotice } from '../../../components/error-notice';
import { Loading } from '../../../components/loading';
import { useT } from '../../../i18n/use-t';
import { hostSettingsQuery } from '../api/settings-queries';
import { ConnectionForm } from './connection-form';
import { LanguageSetting, ThemeSetting } from './display-preferences';
import './settings.css';

/** The host's connection settings (applied at the next start), language and theme (at once). */
export function SettingsScreen() {
  const t = useT();
  const settings = useQuery(hostSettingsQuery());
  const connectionId = useId();
  return (
    <div className="settings-screen">
      <h1 className="settings-screen__title">{t('settings.title')}</h1>
      <section className="settings-section" aria-labelledby={connectionId}>
        <h2 className="settings-section__title" id={connectionId}>
          {t('settings.connection.title')}
        </h2>
        <p className="settings-section__intro">{t('settings.connection.intro')}</p>
        {settings.isPending ? <Loading label={t('settings.loading')} /> : null}
        {settings.isError ? (
          <ErrorNotice error={settings.error} onRetry={() => void settings.refetch()} />
        ) : null}
        {/* Mounted once the saved values are known, so the form starts from them. */}
        {settings.data ? <ConnectionForm view={settings.data} /> : null}
      </section>
      <LanguageSetting />
      <ThemeSetting />
    </div>
  );
}
