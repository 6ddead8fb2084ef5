import { AppError } from '../../../src-shared/contract/result.js';
import {
  SyncChangesQuery,
  SyncChangesResponse,
  SyncMutationsRequest,
  SyncMutationsResponse,
} from '../../../src-shared/register-api/index.js';
import type { Db } from '../../db/index.js';
import { readChanges } from '../../domain/sync-changes.js';
import { applyMutations } from '../../domain/sync-mutations.js';
import { addRoute, type RouteHost } from '../route.js';

const MAX_BIGINT = 9_223_372_036_854_775_807n;

export function addSyncRoutes(host: RouteHost, deps: { db: Db }): void {
  // `/sync/pull` is the first name of the feed; desktop builds that still call it get the same answer.
  for (const [path, via] of [
    ['/api/v1/sync/changes', 'sync.changes'],
    ['/api/v1/sync/pull', 'sync.pull'],
  ] as const) {
    addRoute(host, {
      method: 'GET',
      path,
      summary:
        'The changes this user may see after the cursor, oldest first: cases (snapshots), removals ' +
        '(lost access or deleted) and their own notes; a new cursor and whether more follow',
      auth: true,
      query: SyncChangesQuery,
      response: SyncChangesResponse,
      handler: async ({ query, session }) => {
        // The schema allows 19 digits; PostgreSQL's bigint does not hold all of them.
        if (BigInt(query.cursor) > MAX_BIGINT)
          throw new AppError('invalid_input', 'query: cursor: out of range');
        return readChanges(deps.db, session.user, query.cursor, query.limit, via);
      },
    });
  }
  addRoute(host, {
    method: 'POST',
    path: '/api/v1/sync/mutations',
    summary:
      'Applies client mutations, each id at most once (a retry gets the stored answer): applied, ' +
      'rejected with a code and reason, or conflict with the server record',
    auth: true,
    body: SyncMutationsRequest,
    response: SyncMutationsResponse,
    handler: async ({ body, session }) => ({
      results: await applyMutations(deps.db, session.user, body.mutations),
    }),
  });
}
