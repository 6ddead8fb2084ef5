import { useQuery } from '@tanstack/react-query';
import { SyncIcon } from '../../../components/icons';
import { useT } from '../../../i18n/use-t';
import { syncStatusQuery, useSyncNow } from '../api/sync-queries';

export function SyncNowButton() {
  const t = useT();
  const status = useQuery(syncStatusQuery());
  const syncNow = useSyncNow();
  const busy = syncNow.isPending || status.data?.connectivity === 'syncing';
  return (
    <button type="button" className="button button--quiet" onClick={() => syncNow.mutate()} disabled={busy}>
      <SyncIcon />
      {t('status.syncNow')}
    </button>
  );
}
