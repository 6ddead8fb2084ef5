import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { HostSettings, HostSettingsView } from '../../../../src-shared/contract/workspace';
import { call } from '../../../platform/chambers';

export type { HostSettings, HostSettingsView };

export const settingsKeys = {
  all: ['settings'] as const,
  host: () => [...settingsKeys.all, 'host'] as const,
};

/** The saved settings, what this run uses, and whether a restart would change anything. */
export const hostSettingsQuery = () =>
  queryOptions({
    queryKey: settingsKeys.host(),
    queryFn: () => call((api) => api.settingsGet()),
  });

export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: HostSettings) => call((api) => api.settingsPut(settings)),
    onSuccess: (view) => {
      queryClient.setQueryData(settingsKeys.host(), view);
    },
  });
}
