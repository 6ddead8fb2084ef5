import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../../i18n/use-t';
import { syncStatusQuery, type SyncStatus } from '../api/sync-queries';
import './sync.css';

function Connectivity({ status }: { status: SyncStatus }) {
  const { t, format } = useI18n();
  if (status.connectivity === 'syncing') {
    const progress = status.progress;
    return (
      <span className="sync-state sync-state--syncing">
        <span className="sync-state__dot" aria-hidden="true" />
        {t('status.syncing')}
        {progress ? (
          <span className="num">
            {progress.total === null
              ? t('status.progress.unknown', { done: format.number(progress.done) })
              : t('status.progress.known', {
                  done: format.number(progress.done),
                  total: format.number(progress.total),
                })}
          </span>
        ) : null}
      </span>
    );
  }
  const online = status.connectivity === 'online';
  return (
    <span className={`sync-state sync-state--${status.connectivity}`}>
      <span className="sync-state__dot" aria-hidden="true" />
      {online ? t('status.online') : t('status.offline')}
    </span>
  );
}

/** Connectivity, progress with numbers, pending count, cache size and last sync, in one live region. */
export function SyncStatusText() {
  const { t, plural, format } = useI18n();
  const status = useQuery(syncStatusQuery());
  if (!status.data) return <div className="sync-status" role="status" aria-label={t('status.sync')} />;
  const data = status.data;

  return (
    <div className="sync-status" role="status" aria-label={t('status.sync')} data-testid="sync-status">
      <Connectivity status={data} />
      {data.pending > 0 ? (
        <span className="sync-status__item num">{plural('status.pending', data.pending)}</span>
      ) : null}
      {data.conflicts > 0 ? (
        <span className="sync-status__item sync-status__error num" data-testid="sync-conflicts">
          {plural('status.conflicts', data.conflicts)}
        </span>
      ) : null}
      {data.failed > 0 ? (
        <span className="sync-status__item sync-status__error num" data-testid="sync-failed">
          {plural('status.failed', data.failed)}
        </span>
      ) : null}
      <span className="sync-status__item num">{plural('status.cached', data.cachedCases)}</span>
      <span className="sync-status__item num">
        {data.lastSuccessAt
          ? t('status.lastSync', { time: format.dateTime(data.lastSuccessAt) })
          : t('status.neverSynced')}
      </span>
      {/* Offline is a normal state; a failed sync only counts as news while the network is up. */}
      {data.lastError && data.connectivity === 'online' ? (
        <span className="sync-status__item sync-status__error">
          {t('status.syncFailed', { message: data.lastError })}
        </span>
      ) : null}
    </div>
  );
}
