import { useI18n } from '../../../i18n/use-t';
import type { MyWork } from '../api/work-queries';
import { WorkSection } from './work-section';

/** The outbox in words; the status bar's problems dialog is where they are resolved. */
export function PendingSection({ pending }: { pending: MyWork['pending'] }) {
  const { t, plural } = useI18n();
  const needsUser = pending.failed > 0 || pending.conflicts > 0;
  const nothing = pending.pending === 0 && !needsUser;
  return (
    <WorkSection
      title={t('work.pending.title')}
      count={null}
      empty={null}
      className="work-section--pending"
      testId="work-pending"
    >
      {nothing ? (
        <p className="work-pending__none">{t('work.pending.none')}</p>
      ) : (
        <>
          <ul className="work-pending">
            {pending.pending > 0 ? (
              <li className="num">{plural('work.pending.pending', pending.pending)}</li>
            ) : null}
            {pending.failed > 0 ? (
              <li className="num work-pending__problem">{plural('work.pending.failed', pending.failed)}</li>
            ) : null}
            {pending.conflicts > 0 ? (
              <li className="num work-pending__problem">
                {plural('work.pending.conflicts', pending.conflicts)}
              </li>
            ) : null}
          </ul>
          {needsUser ? <p className="work-pending__hint">{t('work.pending.hint')}</p> : null}
        </>
      )}
    </WorkSection>
  );
}
