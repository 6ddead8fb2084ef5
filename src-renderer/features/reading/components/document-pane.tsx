import { useQuery } from '@tanstack/react-query';
import { type ComponentType, type HTMLAttributes, Suspense } from 'react';
import { AppError } from '../../../../src-shared/contract/result';
import { ErrorBoundary } from '../../../components/error-boundary';
import { Loading } from '../../../components/loading';
import { errorKey } from '../../../i18n/domain-labels';
import { useI18n } from '../../../i18n/use-t';
import { type DocumentDownload, documentOpenQuery } from '../api/reading-queries';
import { DownloadProgress } from './download-progress';
import type { DocumentViewerProps } from './placeholder-viewer';

export interface DocumentPaneProps {
  documentId: string;
  download: DocumentDownload | undefined;
  Viewer: ComponentType<DocumentViewerProps>;
  /** Closes this document's tab (also what cancelling its download does). */
  onClose: () => void;
  onOpenCase?: (caseId: string) => void;
  /** role, id and labelling of the pane element (a tab panel, or the pane beside). */
  paneProps: HTMLAttributes<HTMLElement> & { id: string };
}

/** The reader's words for why `documents:open` failed; the host's own words go in the details. */
function OpenError({ error, onRetry, pending }: { error: unknown; onRetry: () => void; pending: boolean }) {
  const { t } = useI18n();
  const code = error instanceof AppError ? error.code : 'internal';
  const text =
    code === 'unavailable'
      ? t('reading.error.unavailable')
      : code === 'not_found'
        ? t('reading.error.not_found')
        : code === 'forbidden'
          ? t('reading.error.forbidden')
          : t(errorKey(code));
  return (
    <div className="notice notice--error" role="alert" data-testid="open-error">
      <p className="notice__text">{text}</p>
      {error instanceof Error && error.message ? (
        <p className="notice__details">{t('error.details', { message: error.message })}</p>
      ) : null}
      <button type="button" className="button" onClick={onRetry} disabled={pending}>
        {t('error.retry')}
      </button>
    </div>
  );
}

/** One pane of the reading room: opens the document (download first), then shows the viewer. */
export function DocumentPane({
  documentId,
  download,
  Viewer,
  onClose,
  onOpenCase,
  paneProps,
}: DocumentPaneProps) {
  const { t } = useI18n();
  const open = useQuery(documentOpenQuery(documentId));
  const info = open.data;
  let body;
  if (info) {
    // The viewer may be loaded lazily; if it fails, this pane says so and the rest keeps working.
    body = (
      <ErrorBoundary>
        <Suspense fallback={<Loading label={t('reading.opening')} />}>
          <Viewer documentId={documentId} label={`${info.number} ${info.title}`} />
        </Suspense>
      </ErrorBoundary>
    );
  } else if (download && open.isFetching) {
    body = <DownloadProgress download={download} onCancel={onClose} />;
  } else if (open.isPending || open.isFetching) {
    body = <Loading label={t('reading.opening')} />;
  } else {
    body = <OpenError error={open.error} onRetry={() => void open.refetch()} pending={open.isFetching} />;
  }
  return (
    <section className="reading-room__pane" {...paneProps}>
      {info && onOpenCase ? (
        <div className="reading-room__pane-header">
          <button type="button" className="button button--quiet" onClick={() => onOpenCase(info.caseId)}>
            {t('reading.openCase', { caseNumber: info.caseNumber })}
          </button>
        </div>
      ) : null}
      <div className="reading-room__pane-body">{body}</div>
    </section>
  );
}
