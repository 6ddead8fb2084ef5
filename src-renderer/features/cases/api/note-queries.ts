import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { LocalNote } from '../../../../src-shared/contract/notes';
import { call } from '../../../platform/chambers';
import { caseKeys } from './case-queries';

export type { LocalNote };

/**
 * The note lives under the case's detail key, so the host's `cases:changed` (which invalidates
 * `caseKeys.detail(id)`, or all details for a large batch) refreshes it with the case file.
 */
export const noteKeys = {
  note: (caseId: string) => [...caseKeys.detail(caseId), 'note'] as const,
};

export const noteQuery = (caseId: string) =>
  queryOptions({
    queryKey: noteKeys.note(caseId),
    queryFn: () => call((api) => api.notesGet({ caseId })),
    // A conflict resolved in the status bar's dialog comes back as `cases:changed` for the case,
    // which refreshes this key (it lives under the case's detail key).
  });

/** What the local store will hold once the put lands: shown at once, before the host answers. */
function optimisticNote(caseId: string, text: string, previous: LocalNote | null | undefined): LocalNote {
  return {
    caseId,
    text,
    baseVersion: previous?.baseVersion ?? null,
    serverVersion: previous?.serverVersion ?? null,
    unsent: true,
    conflictId: previous?.conflictId ?? null,
  };
}

/**
 * Saves the note in the local store (the host queues it for the register). Puts of one note run
 * one after another, so an older text can never land after a newer one.
 */
export function useSaveNote(caseId: string) {
  const queryClient = useQueryClient();
  const { queryKey } = noteQuery(caseId);
  return useMutation({
    scope: { id: `note:${caseId}` },
    mutationFn: (text: string) => call((api) => api.notesPut({ caseId, text })),
    onMutate: async (text) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData(queryKey);
      queryClient.setQueryData(queryKey, optimisticNote(caseId, text, previous));
      return { previous };
    },
    onError: (_error, _text, context) => {
      if (context) queryClient.setQueryData(queryKey, context.previous ?? null);
    },
    onSuccess: (note) => {
      queryClient.setQueryData(queryKey, note);
    },
  });
}
