import { AppError } from '../../src-shared/contract/result';
import { errorKey } from '../i18n/domain-labels';
import { useT } from '../i18n/use-t';

/** What happened and what to do next, in the user's language; the host's own words as details. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const code = error instanceof AppError ? error.code : 'internal';
  const details = error instanceof Error ? error.message : null;
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__text">{t(errorKey(code))}</p>
      {details ? <p className="notice__details">{t('error.details', { message: details })}</p> : null}
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('error.retry')}
        </button>
      ) : null}
    </div>
  );
}
