import { useQuery } from '@tanstack/react-query';
import { ErrorNotice } from '../../../components/error-notice';
import { Loading } from '../../../components/loading';
import { useT } from '../../../i18n/use-t';
import { minutesQuery } from '../api/minutes-queries';
import { HearingsList } from './hearings-list';
import './minutes.css';
import { MinutesView } from './minutes-view';

/** `#/minutes/<id>`: one hearing's minutes; `#/minutes`: the user's hearings of these days. */
export function MinutesScreen({ minutesId }: { minutesId: string | null }) {
  return minutesId === null ? <HearingsList /> : <MinutesLoader key={minutesId} minutesId={minutesId} />;
}

function MinutesLoader({ minutesId }: { minutesId: string }) {
  const t = useT();
  const query = useQuery(minutesQuery(minutesId));
  if (query.isPending) return <Loading label={t('minutes.view.loading')} />;
  if (query.isError && !query.data)
    return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  return <MinutesView source={query.data} />;
}
