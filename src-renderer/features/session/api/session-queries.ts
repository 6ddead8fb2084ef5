import { queryOptions } from '@tanstack/react-query';
import type { ChannelOutput } from '../../../../src-shared/contract/channels';
import { call } from '../../../platform/chambers';

export type Session = NonNullable<ChannelOutput<'session:get'>>;
export type DevUser = ChannelOutput<'session:devUsers'>[number];

export const sessionKeys = {
  all: ['session'] as const,
  current: () => [...sessionKeys.all, 'current'] as const,
  devUsers: () => [...sessionKeys.all, 'dev-users'] as const,
  hostInfo: () => [...sessionKeys.all, 'host-info'] as const,
};

/** The signed-in person, or null on the sign-in screen. */
export const currentSessionQuery = () =>
  queryOptions({
    queryKey: sessionKeys.current(),
    queryFn: () => call((api) => api.sessionGet()),
  });

export const devUsersQuery = () =>
  queryOptions({
    queryKey: sessionKeys.devUsers(),
    queryFn: () => call((api) => api.sessionDevUsers()),
  });

/** Whether the host offers the development sign-in; it never changes while the host runs. */
export const hostInfoQuery = () =>
  queryOptions({
    queryKey: sessionKeys.hostInfo(),
    queryFn: () => call((api) => api.appInfo()),
    staleTime: Infinity,
  });
