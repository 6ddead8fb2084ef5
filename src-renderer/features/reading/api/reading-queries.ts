import { queryOptions } from '@tanstack/react-query';
import type { DocumentDownload, DocumentInfo } from '../../../../src-shared/contract/viewer';
import { call, onHostEvent } from '../../../platform/chambers';

export type { DocumentDownload, DocumentInfo };

export const readingKeys = {
  all: ['reading'] as const,
  opens: () => [...readingKeys.all, 'open'] as const,
  open: (documentId: string) => [...readingKeys.opens(), documentId] as const,
};

/**
 * `documents:open`: the document's facts, once its bytes are on this computer (the host downloads a
 * missing file first, reporting `documents:download`). Asked once per document and window; a
 * failure is shown with a retry rather than retried behind the user's back.
 */
export const documentOpenQuery = (documentId: string) =>
  queryOptions({
    queryKey: readingKeys.open(documentId),
    queryFn: () => call((api) => api.documentsOpen({ documentId })),
    staleTime: Infinity,
    retry: false,
  });

/** Download progress of any document; returns the unsubscribe function. */
export function onDocumentDownload(listener: (download: DocumentDownload) => void): () => void {
  return onHostEvent('documents:download', listener);
}
