import { AppError } from '../../src-shared/contract/index.js';
import type { CaseSnapshot, CaseSummary, ProcedureType } from '../../src-shared/domain/index.js';
import type { ActiveSession } from './session.js';
import { getCaseSnapshot, listCases, listCasesSql, toSummaries } from './store/case-queries.js';
import { type SearchWorkers, createSearchWorkers } from './store/search-worker.js';

export interface CaseListInput {
  text?: string;
  procedureType?: ProcedureType;
  limit?: number;
}

/** Cases as the signed-in user's cache holds them; works the same online and offline. */
export interface CasesService {
  list(input?: CaseListInput): Promise<CaseSummary[]>;
  get(caseId: string): Promise<CaseSnapshot>;
}

const DEFAULT_LIMIT = 100;

/**
 * A text search runs on a worker thread with its own read-only connection to the user's cache, so
 * the main thread stays free; the plain list (indexed, limited) and single cases are read here.
 * The worker is started with the first list of a session (its key derivation then runs before the
 * first search) and ends when the session's cache closes. An in-memory cache is searched here.
 */
export function createCasesService(
  session: {
    /** The active session or an `unauthenticated` error. */
    require(): Pick<ActiveSession, 'cache'>;
  },
  workers: SearchWorkers = createSearchWorkers(),
): CasesService {
  return {
    async list(input = {}) {
      const { cache } = session.require();
      const query = {
        text: input.text?.trim() || undefined,
        procedureType: input.procedureType,
        limit: input.limit ?? DEFAULT_LIMIT,
      };
      if (!query.text) return listCases(cache, query);
      const sql = listCasesSql(query);
      if (sql === null) return [];
      // The session may have ended (or changed hands) while the search ran.
      return toSummaries(await workers.read(cache, sql, () => session.require().cache === cache));
    },
    async get(caseId) {
      const { cache } = session.require();
      const snapshot = getCaseSnapshot(cache, caseId);
      if (!snapshot) throw new AppError('not_found', `Case ${caseId} is not in the local cache.`);
      return snapshot;
    },
  };
}
