import { AppError } from '../../../src-shared/contract/result.js';
import { SyncPullQuery, SyncPullResponse } from '../../../src-shared/register-api/index.js';
import type { Db } from '../../db/index.js';
import { pullCases } from '../../domain/sync-pull.js';
import { addRoute, type RouteHost } from '../route.js';

const MAX_BIGINT = 9_223_372_036_854_775_807n;

export function addSyncRoutes(host: RouteHost, deps: { db: Db }): void {
  addRoute(host, {
    method: 'GET',
    path: '/api/v1/sync/pull',
    summary: 'The cases this user may see whose version is above the cursor, oldest change first',
    auth: true,
    query: SyncPullQuery,
    response: SyncPullResponse,
    handler: async ({ query, session }) => {
      // The schema allows 19 digits; PostgreSQL's bigint does not hold all of them.
      if (BigInt(query.cursor) > MAX_BIGINT)
        throw new AppError('invalid_input', 'query: cursor: out of range');
      return pullCases(deps.db, session.user, query.cursor, query.limit);
    },
  });
}
