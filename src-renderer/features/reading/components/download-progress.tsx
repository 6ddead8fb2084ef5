import { useId } from 'react';
import { useI18n } from '../../../i18n/use-t';
import type { DocumentDownload } from '../api/reading-queries';

/** A document on its way from the register: how much has arrived, and a way out (closes the tab). */
export function DownloadProgress({
  download,
  onCancel,
}: {
  download: DocumentDownload;
  onCancel: () => void;
}) {
  const { t, format } = useI18n();
  const titleId = useId();
  const { received, total } = download;
  const known = total !== null && total > 0;
  return (
    <div className="reading-download" role="group" aria-labelledby={titleId} data-testid="download-progress">
      <p className="reading-download__title" id={titleId}>
        {t('reading.download.title')}
      </p>
      <progress
        className="reading-download__bar"
        aria-label={t('reading.download.label')}
        max={known ? total : undefined}
        value={known ? Math.min(received, total) : undefined}
      />
      <p className="reading-download__amount num" aria-live="polite">
        {known
          ? t('reading.download.progress', { received: format.bytes(received), total: format.bytes(total) })
          : t('reading.download.received', { received: format.bytes(received) })}
      </p>
      <button type="button" className="button" onClick={onCancel}>
        {t('reading.download.cancel')}
      </button>
    </div>
  );
}
