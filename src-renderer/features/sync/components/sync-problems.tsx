import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ModalDialog } from '../../../components/modal-dialog';
import { useI18n } from '../../../i18n/use-t';
import './sync.css';
import {
  failedChangesQuery,
  noteConflictsQuery,
  syncStatusQuery,
  useFailedChangeAction,
  useResolveConflict,
} from '../api/sync-queries';

/**
 * The status bar's place to resolve what the sync could not: notes edited in two places (both texts
 * shown; nothing is dropped until the user chooses) and changes the register refused.
 */
export function SyncProblems() {
  const { t, plural } = useI18n();
  const status = useQuery(syncStatusQuery());
  const [open, setOpen] = useState(false);
  const count = (status.data?.conflicts ?? 0) + (status.data?.failed ?? 0);

  if (count === 0 && !open) return null;
  return (
    <>
      <button
        type="button"
        className="button button--quiet sync-problems__open"
        data-testid="sync-problems-open"
        onClick={() => setOpen(true)}
      >
        {plural('problems.open', count)}
      </button>
      <ModalDialog
        open={open}
        title={t('problems.title')}
        onClose={() => setOpen(false)}
        className="sync-problems"
        testId="sync-problems"
      >
        <ProblemLists />
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('problems.close')}
        </button>
      </ModalDialog>
    </>
  );
}

function ProblemLists() {
  const { t } = useI18n();
  const conflicts = useQuery(noteConflictsQuery());
  const failed = useQuery(failedChangesQuery());
  const resolve = useResolveConflict();
  const act = useFailedChangeAction();
  const none = conflicts.data?.length === 0 && failed.data?.length === 0;
  return (
    <div className="sync-problems__lists">
      {none ? <p>{t('problems.none')}</p> : null}
      {conflicts.data?.map((conflict) => (
        <section key={conflict.id} className="sync-problems__item" data-testid="note-conflict">
          <h3>{t('problems.conflict.title')}</h3>
          <div className="sync-problems__texts">
            <figure>
              <figcaption>{t('problems.conflict.mine')}</figcaption>
              <blockquote>{conflict.localText}</blockquote>
            </figure>
            <figure>
              <figcaption>{t('problems.conflict.theirs')}</figcaption>
              <blockquote>{conflict.serverText ?? t('problems.conflict.noText')}</blockquote>
            </figure>
          </div>
          <div className="sync-problems__actions">
            <button
              type="button"
              className="button sync-problems__primary"
              disabled={resolve.isPending}
              onClick={() => resolve.mutate({ conflictId: conflict.id, choice: 'mine' })}
            >
              {t('problems.conflict.keepMine')}
            </button>
            <button
              type="button"
              className="button"
              disabled={resolve.isPending}
              onClick={() => resolve.mutate({ conflictId: conflict.id, choice: 'theirs' })}
            >
              {t('problems.conflict.keepTheirs')}
            </button>
          </div>
        </section>
      ))}
      {failed.data?.map((change) => (
        <section key={change.id} className="sync-problems__item" data-testid="failed-change">
          <h3>{t('problems.failed.title')}</h3>
          <p>{change.error}</p>
          <div className="sync-problems__actions">
            <button
              type="button"
              className="button"
              disabled={act.isPending}
              onClick={() => act.mutate({ id: change.id, action: 'retry' })}
            >
              {t('problems.failed.retry')}
            </button>
            <button
              type="button"
              className="button button--quiet"
              disabled={act.isPending}
              onClick={() => act.mutate({ id: change.id, action: 'dismiss' })}
            >
              {t('problems.failed.dismiss')}
            </button>
          </div>
        </section>
      ))}
    </div>
  );
}
