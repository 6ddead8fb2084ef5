import type { Filing, FilingRequest, FilingService } from '../../../../src-main/services/filing-types.js';
import type { CacheDb } from '../../../../src-main/services/store/cache.js';
import { applySyncPage } from '../../../../src-main/services/store/case-store.js';
import type { SessionUser } from '../../../../src-shared/domain/index.js';
import { makeCase } from '../../support/cases.js';

export const JUDGE: SessionUser = {
  id: 'judge-1',
  name: 'Mari Maasikas',
  personalCode: '48001010000',
  roles: [{ role: 'judge', courtCode: 'HMK', observerScope: null }],
};
export const SECRETARY: SessionUser = {
  id: 'secretary-1',
  name: 'Maarja Sepp',
  personalCode: '49001010000',
  roles: [{ role: 'court_session_secretary', courtCode: 'HMK', observerScope: null }],
};
export const OTHER_JUDGE: SessionUser = { ...JUDGE, id: 'judge-2', name: 'Jaan Tamm' };

/** Tuesday 1 December 2026, 09:30 in Tallinn (UTC+2). */
export const HEARING_AT = '2026-12-01T09:30:00+02:00';

/** A case with a hearing judged by JUDGE (presiding) and OTHER_JUDGE, minuted by SECRETARY. */
export function seedHearingCase(cache: CacheDb, running = 7, startsAt = HEARING_AT): void {
  const c = makeCase(running, {
    number: `2-25-${running}`,
    parties: [
      {
        id: `p${running}-1`,
        kind: 'natural',
        name: 'Kalle Kask',
        code: null,
        role: 'plaintiff',
        representative: 'Advokaat Anu Aas',
      },
      {
        id: `p${running}-2`,
        kind: 'legal',
        name: 'OÜ Puit',
        code: '10000000',
        role: 'defendant',
        representative: null,
      },
    ],
    hearings: [
      {
        id: `hearing-${running}`,
        startsAt,
        room: 'Tallinna Kohtumaja, saal 215',
        public: true,
        kind: 'main',
        judges: [
          { id: JUDGE.id, name: JUDGE.name },
          { id: OTHER_JUDGE.id, name: OTHER_JUDGE.name },
        ],
        secretary: { id: SECRETARY.id, name: SECRETARY.name },
      },
    ],
  });
  applySyncPage(cache, [{ kind: 'case', case: c }], String(running));
}

/**
 * The FilingService contract kept in memory. The real one (src-main/services/filing.ts) needs the
 * filings table of migration 0006, which is not in this tree yet.
 */
export function memoryFiling(): FilingService & {
  requests: FilingRequest[];
  settle(state: 'filed' | 'failed'): void;
} {
  const filings = new Map<string, Filing>();
  const requests: FilingRequest[] = [];
  return {
    requests,
    file(_cache, request) {
      const key = `${request.sourceKind}:${request.sourceId}`;
      if (filings.get(key)?.state === 'queued') throw new Error('conflict');
      requests.push(request);
      const filing: Filing = {
        documentId: `doc-${requests.length}`,
        sourceKind: request.sourceKind,
        sourceId: request.sourceId,
        caseId: request.caseId,
        kind: request.kind,
        title: request.title,
        sha256: '0'.repeat(64),
        size: request.bytes.byteLength,
        state: 'queued',
        documentNumber: null,
        error: null,
        queuedAt: new Date().toISOString(),
        filedAt: null,
      };
      filings.set(key, filing);
      return filing;
    },
    get: (_cache, sourceKind, sourceId) => filings.get(`${sourceKind}:${sourceId}`) ?? null,
    settle(state) {
      for (const f of filings.values())
        Object.assign(
          f,
          state === 'filed'
            ? { state, documentNumber: '2-25-7/9', filedAt: new Date().toISOString() }
            : { state, error: 'refused' },
        );
    },
  };
}

/** Ops that make the minutes of `hearing-7` complete enough to finalise. */
export const COMPLETE_OPS: unknown[] = [
  { op: 'times', startedAt: '2026-12-01T09:31:00+02:00', endedAt: '2026-12-01T11:02:00+02:00' },
  ...['party:p7-1', 'representative:p7-1', 'party:p7-2'].map((participantId) => ({
    op: 'attendance',
    participantId,
    attendance: 'present',
  })),
  { op: 'entry.add', entry: { id: 'a1', kind: 'application', speakerId: 'party:p7-1', text: 'Taotlus' } },
  { op: 'entry.add', entry: { id: 'r1', kind: 'ruling', text: 'Rahuldada', refersToId: 'a1' } },
  {
    op: 'entry.add',
    entry: {
      id: 'p1',
      kind: 'pronouncement',
      text: 'Otsus kuulutatakse välja 15.12.2026',
      appealRoute: 'Tallinna Ringkonnakohtule 30 päeva jooksul',
    },
  },
];
