import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { RichDoc } from '../../../../src-shared/domain/rich-text';
import { ErrorNotice } from '../../../components/error-notice';
import { Loading } from '../../../components/loading';
import { useI18n } from '../../../i18n/use-t';
import { useRestoreVersion, versionQuery, versionsQuery, type Draft } from '../api/draft-queries';
import { REASON_KEYS } from '../lib/labels';
import { ModalDialog } from './modal-dialog';
import { VersionDiff } from './version-diff';

interface VersionPanelProps {
  draft: Draft;
  current: ReadonlyArray<{ id: string; heading: string; content: RichDoc }>;
  readOnly: boolean;
  /** Saves what waits before the restore keeps the current state as a version. */
  settle: () => Promise<void>;
  onRestored: (draft: Draft) => void;
  onClose: () => void;
}

/** The side panel of versions: choose one to compare with the current text, restore it after a confirmation. */
export function VersionPanel({ draft, current, readOnly, settle, onRestored, onClose }: VersionPanelProps) {
  const { t, format } = useI18n();
  const headingId = useId();
  const versions = useQuery(versionsQuery(draft.id));
  const [selected, setSelected] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const restore = useRestoreVersion(draft.id);
  const content = useQuery({ ...versionQuery(draft.id, selected ?? 1), enabled: selected !== null });
  const when = (iso: string) => `${format.date(iso)} ${format.time(iso, { seconds: true })}`;
  const chosen = versions.data?.find((version) => version.id === selected) ?? null;

  const doRestore = async () => {
    if (!chosen) return;
    await settle();
    restore.mutate(chosen.id, {
      onSuccess: (restored) => {
        setConfirming(false);
        setRestoredAt(when(chosen.createdAt));
        onRestored(restored);
      },
    });
  };

  return (
    <aside className="version-panel" aria-labelledby={headingId} data-testid="version-panel">
      <div className="version-panel__top">
        <h2 className="version-panel__title" id={headingId}>
          {t('drafting.versions.title')}
        </h2>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('drafting.versions.close')}
        </button>
      </div>
      <p role="status" className="version-panel__status">
        {restoredAt ? t('drafting.versions.restored', { time: restoredAt }) : ''}
      </p>
      {versions.isPending ? <Loading label={t('drafting.versions.loading')} /> : null}
      {versions.isError ? (
        <ErrorNotice error={versions.error} onRetry={() => void versions.refetch()} />
      ) : null}
      {versions.data?.length === 0 ? <p>{t('drafting.versions.empty')}</p> : null}
      {versions.data && versions.data.length > 0 ? (
        <ul className="version-panel__list">
          {[...versions.data].reverse().map((version) => (
            <li key={version.id}>
              <button
                type="button"
                className="version-panel__item"
                aria-pressed={version.id === selected}
                data-testid="version-item"
                onClick={() => setSelected(version.id === selected ? null : version.id)}
              >
                {t('drafting.versions.item', {
                  time: when(version.createdAt),
                  reason: t(REASON_KEYS[version.reason]),
                  words: format.number(version.wordCount),
                })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {chosen && content.isPending ? <Loading label={t('drafting.versions.loading')} /> : null}
      {chosen && content.isError ? (
        <ErrorNotice error={content.error} onRetry={() => void content.refetch()} />
      ) : null}
      {chosen && content.data ? (
        <>
          <VersionDiff
            version={content.data}
            current={current}
            title={t('drafting.versions.compareTitle', { time: when(chosen.createdAt) })}
          />
          {readOnly ? null : (
            <button type="button" className="button" onClick={() => setConfirming(true)}>
              {t('drafting.versions.restore')}
            </button>
          )}
        </>
      ) : null}
      <ModalDialog
        open={confirming && chosen !== null}
        title={t('drafting.versions.restoreTitle')}
        onClose={() => setConfirming(false)}
        testId="restore-dialog"
      >
        <p>{t('drafting.versions.restoreBody', { time: chosen ? when(chosen.createdAt) : '' })}</p>
        {restore.isError ? <ErrorNotice error={restore.error} /> : null}
        <div className="drafting-dialog__actions">
          <button
            type="button"
            className="button drafting-primary"
            disabled={restore.isPending}
            onClick={() => void doRestore()}
          >
            {t('drafting.versions.restoreConfirm')}
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t('drafting.dialog.cancel')}
          </button>
        </div>
      </ModalDialog>
    </aside>
  );
}
