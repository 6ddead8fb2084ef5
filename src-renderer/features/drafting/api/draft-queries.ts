import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  DecisionTemplate,
  Draft,
  DraftSummary,
  DraftVersion,
  DraftVersionContent,
  ExportedFile,
} from '../../../../src-shared/contract/drafting';
import type { ProcedureType } from '../../../../src-shared/domain/procedure-type';
import { call } from '../../../platform/chambers';

export type { DecisionTemplate, Draft, DraftSummary, DraftVersion, DraftVersionContent, ExportedFile };

export const draftKeys = {
  all: ['drafts'] as const,
  templates: (procedureType: ProcedureType | null) =>
    [...draftKeys.all, 'templates', procedureType ?? 'all'] as const,
  lists: () => [...draftKeys.all, 'list'] as const,
  list: (caseId: string | null) => [...draftKeys.lists(), caseId ?? 'mine'] as const,
  details: () => [...draftKeys.all, 'detail'] as const,
  detail: (draftId: string) => [...draftKeys.details(), draftId] as const,
  versions: (draftId: string) => [...draftKeys.detail(draftId), 'versions'] as const,
  version: (draftId: string, versionId: number) => [...draftKeys.versions(draftId), versionId] as const,
};

export const templatesQuery = (procedureType: ProcedureType | null) =>
  queryOptions({
    queryKey: draftKeys.templates(procedureType),
    queryFn: () => call((api) => api.draftingTemplates(procedureType === null ? {} : { procedureType })),
    staleTime: 5 * 60_000,
  });

/** The drafts of one case, or every draft on this computer (`null`). */
export const draftListQuery = (caseId: string | null) =>
  queryOptions({
    queryKey: draftKeys.list(caseId),
    queryFn: () => call((api) => api.draftsList(caseId === null ? {} : { caseId })),
  });

export const draftQuery = (draftId: string) =>
  queryOptions({
    queryKey: draftKeys.detail(draftId),
    queryFn: () => call((api) => api.draftsGet({ draftId })),
    // The editor owns the text while it is open: a refetch on focus would only race the autosave.
    refetchOnWindowFocus: false,
  });

export const versionsQuery = (draftId: string) =>
  queryOptions({
    queryKey: draftKeys.versions(draftId),
    queryFn: () => call((api) => api.draftsVersions({ draftId })),
  });

export const versionQuery = (draftId: string, versionId: number) =>
  queryOptions({
    queryKey: draftKeys.version(draftId, versionId),
    queryFn: () => call((api) => api.draftsVersion({ draftId, versionId })),
    staleTime: Infinity,
  });

export interface SaveDraftInput {
  draftId: string;
  baseRevision: number;
  sections: Array<{ id: string; content: Draft['sections'][number]['content'] }>;
  overrides: Partial<Record<Draft['introduction'][number]['key'], string | null>>;
  version?: boolean;
}

/** One autosave; the hook decides when (no React Query mutation: it keeps its own queue). */
export const saveDraft = (input: SaveDraftInput) => call((api) => api.draftsSave(input));

/** A draft the host answered with (created, imported, restored, submitted): cached, lists refreshed. */
function adopt(queryClient: QueryClient, draft: Draft): void {
  queryClient.setQueryData(draftKeys.detail(draft.id), draft);
  void queryClient.invalidateQueries({ queryKey: draftKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: draftKeys.versions(draft.id) });
}

export function useCreateDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { caseId: string; templateId: string }) => call((api) => api.draftsCreate(input)),
    onSuccess: (draft) => adopt(queryClient, draft),
  });
}

export function useImportDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { caseId: string; templateId: string; fileName: string; base64: string }) =>
      call((api) => api.draftsImport(input)),
    onSuccess: (draft) => adopt(queryClient, draft),
  });
}

export function useRestoreVersion(draftId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (versionId: number) => call((api) => api.draftsRestore({ draftId, versionId })),
    onSuccess: (draft) => adopt(queryClient, draft),
  });
}

export function useExportDraft(draftId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call((api) => api.draftsExport({ draftId })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: draftKeys.versions(draftId) }),
  });
}

export function useSubmitDraft(draftId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call((api) => api.draftsSubmit({ draftId })),
    onSuccess: (draft) => adopt(queryClient, draft),
  });
}

export function useDeleteDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draftId: string) => call((api) => api.draftsDelete({ draftId })),
    onSuccess: (_nothing, draftId) => {
      queryClient.removeQueries({ queryKey: draftKeys.detail(draftId) });
      void queryClient.invalidateQueries({ queryKey: draftKeys.lists() });
    },
  });
}

/**
 * @deprecated `drafts:changed` reaches the cache in app/use-host-events.ts now. Kept (a no-op) only
 * until draft-screen.tsx, edited by another change, drops its call; then delete this.
 */
export function useDraftEvents(): void {}
