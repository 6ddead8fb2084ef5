import { queryOptions } from '@tanstack/react-query';
import type { ViewerState } from '../../../../src-shared/contract/viewer';
import { call } from '../../../platform/chambers';
import type { ReaderState } from '../lib/viewer-types';

export const viewerStateKeys = {
  all: ['viewer-state'] as const,
  state: (documentId: string) => [...viewerStateKeys.all, documentId] as const,
};

/**
 * Where the reader was in a document, read once when it opens (the viewer then owns the position,
 * so the answer is never refetched while it is open, and forgotten once it closes).
 */
export const viewerStateQuery = (documentId: string) =>
  queryOptions({
    queryKey: viewerStateKeys.state(documentId),
    queryFn: () => call((api) => api.viewerGetState({ documentId })),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });

/** The stored state without its document id, as the viewer core takes it. */
export function toReaderState(state: ViewerState | null | undefined): ReaderState | null {
  if (!state) return null;
  const { documentId: _documentId, ...reader } = state;
  return reader;
}

/** Saves the reader's place; fire and forget (a failure only costs the place, so it is logged). */
export function saveReaderState(documentId: string, state: ReaderState): void {
  call((api) => api.viewerPutState({ documentId, ...state })).catch((error: unknown) => {
    console.warn('viewer:putState failed', error);
  });
}
