import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { z } from 'zod';
import type { Annotation, viewerChannels } from '../../../../src-shared/contract/viewer';
import { call, onHostEvent } from '../../../platform/chambers';

export type { Annotation };
/** What the renderer sends to save a note or highlight (the client makes the id). */
export type AnnotationInput = z.input<(typeof viewerChannels)['annotations:put']['input']>;

export const annotationKeys = {
  all: ['annotations'] as const,
  lists: () => [...annotationKeys.all, 'list'] as const,
  list: (documentId: string) => [...annotationKeys.lists(), documentId] as const,
};

/** The user's own notes and highlights on one document, by page and then top to bottom. */
export const annotationListQuery = (documentId: string) =>
  queryOptions({
    queryKey: annotationKeys.list(documentId),
    queryFn: () => call((api) => api.annotationsList({ documentId })),
    select: sortAnnotations,
  });

export function sortAnnotations(list: readonly Annotation[]): Annotation[] {
  return [...list].sort((a, b) => a.page - b.page || a.rect.y - b.rect.y || a.rect.x - b.rect.x);
}

/** The host's `annotations:changed` (a local edit, a pull, a push result) refreshes those lists. */
export function useAnnotationEvents(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onHostEvent('annotations:changed', ({ documentIds }) => {
        for (const documentId of documentIds)
          void queryClient.invalidateQueries({ queryKey: annotationKeys.list(documentId) });
      }),
    [queryClient],
  );
}

/** What the local store will hold once the put lands, shown before the host answers. */
export function optimisticAnnotation(
  input: AnnotationInput,
  previous: Annotation | undefined,
  caseId: string,
  now: string,
): Annotation {
  return {
    ...input,
    caseId: previous?.caseId ?? caseId,
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
    unsent: true,
  };
}

type ListContext = { previous: Annotation[] | undefined };

/** Saves (creates or replaces) a note or highlight; the list shows it at once as "not yet sent". */
export function usePutAnnotation(documentId: string) {
  const queryClient = useQueryClient();
  const queryKey = annotationKeys.list(documentId);
  return useMutation<Annotation, Error, AnnotationInput, ListContext>({
    scope: { id: `annotations:${documentId}` },
    mutationFn: (input) => call((api) => api.annotationsPut(input)),
    onMutate: async (input) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData<Annotation[]>(queryKey);
      const list = previous ?? [];
      const existing = list.find((annotation) => annotation.id === input.id);
      const next = optimisticAnnotation(input, existing, list[0]?.caseId ?? '', new Date().toISOString());
      queryClient.setQueryData<Annotation[]>(queryKey, [
        ...list.filter((annotation) => annotation.id !== input.id),
        next,
      ]);
      return { previous };
    },
    onError: (_error, _input, context) => {
      if (context) queryClient.setQueryData(queryKey, context.previous);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData<Annotation[]>(queryKey, (list = []) => [
        ...list.filter((annotation) => annotation.id !== saved.id),
        saved,
      ]);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
}

/** Deletes one; it leaves the list at once and comes back if the host refuses. */
export function useDeleteAnnotation(documentId: string) {
  const queryClient = useQueryClient();
  const queryKey = annotationKeys.list(documentId);
  return useMutation<null, Error, string, ListContext>({
    scope: { id: `annotations:${documentId}` },
    mutationFn: (id) => call((api) => api.annotationsDelete({ id })),
    onMutate: async (id) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData<Annotation[]>(queryKey);
      queryClient.setQueryData<Annotation[]>(queryKey, (list = []) =>
        list.filter((annotation) => annotation.id !== id),
      );
      return { previous };
    },
    onError: (_error, _id, context) => {
      if (context) queryClient.setQueryData(queryKey, context.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
}
