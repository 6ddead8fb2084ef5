import { AppError } from '../../src-shared/contract/index.js';
import type { CaseSnapshot, CaseSummary, ProcedureType } from '../../src-shared/domain/index.js';
import type { SessionService } from './session.js';
import { getCaseSnapshot, listCases } from './store/case-queries.js';

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

export function createCasesService(session: Pick<SessionService, 'require'>): CasesService {
  return {
    async list(input = {}) {
      const { cache } = session.require();
      return listCases(cache, {
        text: input.text?.trim() || undefined,
        procedureType: input.procedureType,
        limit: input.limit ?? DEFAULT_LIMIT,
      });
    },
    async get(caseId) {
      const { cache } = session.require();
      const snapshot = getCaseSnapshot(cache, caseId);
      if (!snapshot) throw new AppError('not_found', `Case ${caseId} is not in the local cache.`);
      return snapshot;
    },
  };
}
