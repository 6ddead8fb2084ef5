import { AppError } from '../../../../src-shared/contract/result';
import { ErrorNotice } from '../../../components/error-notice';
import { useT } from '../../../i18n/use-t';

interface RegisterNoticeProps {
  error: unknown;
  /** A write keeps the form; a read has nothing to keep. */
  kind: 'read' | 'write';
  onRetry?: () => void;
}

/**
 * Offline is a normal state, said calmly: this screen needs the register. Any other failure gets
 * the app's usual notice with the register's own words as details.
 */
export function RegisterNotice({ error, kind, onRetry }: RegisterNoticeProps) {
  const t = useT();
  if (!(error instanceof AppError && error.code === 'unavailable'))
    return <ErrorNotice error={error} {...(onRetry ? { onRetry } : {})} />;
  return (
    <div className="notice allocation-offline" role="alert" data-testid="allocation-offline">
      <p className="notice__text">
        {t(kind === 'write' ? 'allocation.needsRegister' : 'allocation.readNeedsRegister')}
      </p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('error.retry')}
        </button>
      ) : null}
    </div>
  );
}
