import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../../i18n/use-t';
import { documentOpenQuery } from '../api/reading-queries';

export interface DocumentViewerProps {
  documentId: string;
  /** The document's number and title: the viewer region's accessible name. */
  label: string;
}

/**
 * Stands in for the viewer feature's `DocumentViewer` (same props) until the app shell passes that
 * one in: says the document is here, so the reading room can be used and tested on its own.
 */
export function PlaceholderViewer({ documentId, label }: DocumentViewerProps) {
  const { t, format } = useI18n();
  const info = useQuery({ ...documentOpenQuery(documentId), enabled: false }).data;
  return (
    <section className="reading-placeholder" aria-label={label} data-testid="document-viewer">
      <p>{t('reading.placeholder', { size: info ? format.bytes(info.size) : '' })}</p>
    </section>
  );
}
