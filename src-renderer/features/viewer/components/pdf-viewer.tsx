import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/use-t';
import { usePdfDocument } from '../hooks/use-pdf-document';
import type { PdfViewerProps, ViewerLoadError } from '../lib/viewer-types';
import { PdfViewerCore } from './pdf-viewer-core';
import './viewer.css';

/** Loading shows itself only after this long, so a quick open does not flicker. */
const LOADING_DELAY_MS = 300;

/**
 * The viewer core: opens `source` with pdf.js and shows its pages in one virtualised column, with
 * the toolbar, `sidebar` and `toolbarEnd` inside the viewer context (see PdfViewerProps).
 */
export function PdfViewer(props: PdfViewerProps) {
  const state = usePdfDocument(props.source, props.initialState?.page ?? 1);
  const { onLoadError } = props;
  const error = state.status === 'error' ? state.error : null;

  useEffect(() => {
    if (error) onLoadError?.(error);
  }, [error, onLoadError]);

  if (state.status === 'ready') {
    return (
      <PdfViewerCore
        key={state.pdf.loadingTask.docId}
        pdf={state.pdf}
        firstSize={state.firstSize}
        initialSizes={state.sizes}
        viewer={props}
      />
    );
  }
  return (
    <div className="pdf-viewer pdf-viewer--message" role="region" aria-label={props.label} data-ready="false">
      {state.status === 'error' ? (
        <LoadErrorNotice error={state.error} />
      ) : (
        <LoadingNotice loaded={state.loaded} total={state.total} />
      )}
    </div>
  );
}

function LoadErrorNotice({ error }: { error: ViewerLoadError }) {
  const { t } = useI18n();
  return (
    <div className="notice notice--error pdf-viewer__error" role="alert" data-error-kind={error.kind}>
      <p>{t(`viewer.error.${error.kind}`)}</p>
      {error.detail && (
        <p className="notice__details">{t('viewer.error.details', { detail: error.detail })}</p>
      )}
    </div>
  );
}

function LoadingNotice({ loaded, total }: { loaded: number; total: number | null }) {
  const { t, format } = useI18n();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const id = window.setTimeout(() => setShown(true), LOADING_DELAY_MS);
    return () => window.clearTimeout(id);
  }, []);
  if (!shown) return null;
  const percent = total ? Math.min(100, Math.round((loaded / total) * 100)) : null;
  return (
    <div className="loading pdf-viewer__loading" role="status">
      {percent !== null
        ? t('viewer.loading.progress', { percent: format.number(percent) })
        : loaded > 0
          ? t('viewer.loading.bytes', { received: format.bytes(loaded) })
          : t('viewer.loading')}
      {percent !== null && (
        <progress
          className="pdf-viewer__progress"
          aria-label={t('viewer.loading')}
          max={100}
          value={percent}
        />
      )}
    </div>
  );
}
