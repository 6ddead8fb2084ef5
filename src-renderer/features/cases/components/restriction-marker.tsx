import type { CaseRestriction } from '../../../../src-shared/domain/case';
import { LockIcon } from '../../../components/icons';
import { restrictionKey } from '../../../i18n/domain-labels';
import { useT } from '../../../i18n/use-t';

/** Restricted cases carry a lock and words, never colour alone. */
export function RestrictionMarker({ restriction }: { restriction: CaseRestriction }) {
  const t = useT();
  if (restriction === 'none') return null;
  return (
    <span className="restriction" data-testid="restriction-marker">
      <LockIcon />
      {t(restrictionKey(restriction))}
    </span>
  );
}
