import { WarningIcon } from '../../../components/icons';
import { useT } from '../../../i18n/use-t';
import './session.css';

/** Visible whenever a development session could be or is in use (docs/decisions/0005). */
export function DevBanner() {
  const t = useT();
  return (
    <div className="dev-banner" role="status" data-testid="dev-banner">
      <WarningIcon />
      <span>{t('devBanner.text')}</span>
    </div>
  );
}
