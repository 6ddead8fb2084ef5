import type { Handlers } from '../../ipc/handler-registry.js';
import type { ActiveSession } from '../session.js';
import type { CacheDb } from '../store/cache.js';
import { outboxStatus } from '../store/outbox.js';
import { type SearchWorkers, createSearchWorkers } from '../store/search-worker.js';
import { FACETS_SQL, toFacets } from './facets.js';
import { myWorkSql, toMyWork } from './my-work.js';
import { type SearchSql, searchCasesSql, toHits } from './search-sql.js';

export { DECISION_DAYS, myWorkSql, readMyWork, toMyWork } from './my-work.js';
export { searchCasesSql, splitMarked, toHits } from './search-sql.js';
export { FACETS_SQL, toFacets } from './facets.js';

export type WorkspaceHandlers = Pick<Handlers, 'work:mine' | 'search:cases' | 'search:facets'>;

export interface WorkspaceDeps {
  /** The active session or an `unauthenticated` error. */
  session: { require(): Pick<ActiveSession, 'cache' | 'user'> };
  /** The clock; tests fix the date. */
  now?: () => Date;
  /**
   * The search worker of the session's cache; pass the one the case list uses so a session has
   * one worker thread. Without it the workspace starts its own.
   */
  searchWorkers?: SearchWorkers;
}

/**
 * My work, the search screen and its filters, all read from the signed-in user's cache, so they
 * work the same offline. Their scans of the cases run on the search worker thread (its own
 * read-only connection), falling back to this thread when there is none (an in-memory cache) or
 * it failed; the JSON of the rows is shaped here.
 */
export function createWorkspaceHandlers(deps: WorkspaceDeps): WorkspaceHandlers {
  const now = deps.now ?? (() => new Date());
  const workers = deps.searchWorkers ?? createSearchWorkers();

  const run = (cache: CacheDb, query: SearchSql): Promise<unknown[]> =>
    // The session may have ended (or changed hands) while the query ran.
    workers.read(cache, query, () => deps.session.require().cache === cache);

  return {
    'work:mine': async () => {
      const { cache, user } = deps.session.require();
      const rows = await run(cache, myWorkSql(user.id));
      return toMyWork(rows, user.id, now(), outboxStatus(cache));
    },
    'search:cases': async (input) => {
      const { cache } = deps.session.require();
      const query = searchCasesSql(input);
      if (query === null) return [];
      return toHits(await run(cache, query), now());
    },
    'search:facets': async () => {
      const { cache } = deps.session.require();
      return toFacets(await run(cache, FACETS_SQL));
    },
  };
}
