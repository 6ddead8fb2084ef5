import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import {
  newerStatus,
  type SyncStatus,
  syncKeys,
  syncStatusQuery,
} from '../../../../src-renderer/features/sync/api/sync-queries';
import { createFakeHost } from '../../support/fake-host';
import { resetWindow } from '../../support/render-app';

afterEach(resetWindow);

const status = (revision: number, patch: Partial<SyncStatus> = {}): SyncStatus => ({
  revision,
  connectivity: 'online',
  progress: null,
  pending: 0,
  failed: 0,
  conflicts: 0,
  lastSuccessAt: '2025-03-05T12:00:00+02:00',
  lastError: null,
  cachedCases: 190,
  ...patch,
});

describe('the sync status in the renderer', () => {
  it('keeps the newer of two statuses by revision', () => {
    expect(newerStatus(status(5), status(3)).revision).toBe(5);
    expect(newerStatus(status(3), status(5)).revision).toBe(5);
    expect(newerStatus(undefined, status(1)).revision).toBe(1);
  });

  it('never lets an answer that left the host before an event overwrite what the event brought', async () => {
    // The host answered `sync:status` while the first pull was starting (revision 2) …
    const host = createFakeHost({
      sync: { revision: 2, connectivity: 'syncing', progress: { done: 0, total: null }, cachedCases: 0 },
    });
    Object.defineProperty(window, 'chambers', { value: host.api, configurable: true, writable: true });
    const client = new QueryClient();
    // … but the event of the finished pull (revision 7) reached the page first.
    client.setQueryData(syncKeys.status(), status(7));
    const shown = await client.fetchQuery(syncStatusQuery());
    expect(shown).toMatchObject({ revision: 7, connectivity: 'online', cachedCases: 190 });

    // A newer answer does replace it.
    host.state.sync = status(9, { cachedCases: 191 });
    expect(await client.fetchQuery(syncStatusQuery())).toMatchObject({ revision: 9, cachedCases: 191 });
  });
});
