import { AppError } from '../../../platform/chambers';
import { useI18n } from '../../../i18n/use-t';
import type { MinutesSync } from '../hooks/use-minutes-sync';

/** "Salvestatud 10:42:17", announced politely; a failure says so and keeps retrying. */
export function SaveIndicator({ sync }: { sync: MinutesSync }) {
  const { t, format } = useI18n();
  const { state, savedAt, error } = sync;
  const reason =
    error instanceof AppError
      ? `${error.code}: ${error.message}`
      : error instanceof Error
        ? error.message
        : '';
  const text =
    state === 'saving'
      ? t('minutes.save.saving')
      : state === 'failed'
        ? t('minutes.save.failed', { reason })
        : state === 'refused'
          ? t('minutes.save.refused', { reason })
          : t('minutes.save.saved', { time: format.time(savedAt, { seconds: true }) });
  const problem = state === 'failed' || state === 'refused';
  return (
    <span className="minutes-save" data-state={state}>
      <span
        className={`minutes-save__text${problem ? ' minutes-save__text--problem' : ''}`}
        aria-live="polite"
        data-testid="minutes-save"
        data-pending={sync.pending}
      >
        {text}
      </span>
      {state === 'failed' ? (
        <button type="button" className="button button--quiet" onClick={sync.flush}>
          {t('minutes.save.retry')}
        </button>
      ) : null}
    </span>
  );
}
