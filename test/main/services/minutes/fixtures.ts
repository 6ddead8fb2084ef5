import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEncryptedBlobStore } from '../../../../src-main/services/blob-store.js';
import { createFilingService } from '../../../../src-main/services/filing.js';
import type { FilingService } from '../../../../src-main/services/filing-types.js';
import type { CacheDb } from '../../../../src-main/services/store/cache.js';
import { getCaseSnapshot } from '../../../../src-main/services/store/case-queries.js';
import { applySyncPage } from '../../../../src-main/services/store/case-store.js';
import {
  DOCUMENT_FILE,
  applyFilingResult,
  failFiling,
} from '../../../../src-main/services/store/filings-store.js';
import { sendable } from '../../../../src-main/services/store/outbox.js';
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

/** The register's ids are UUIDs (the filing's mutation says so): the case and hearing of `running`. */
const uuid = (head: string, running: number) => `${head}-0000-4000-8000-${String(running).padStart(12, '0')}`;
export const caseIdOf = (running: number): string => uuid('ca5e0000', running);
export const hearingIdOf = (running: number): string => uuid('4ea20000', running);
/** The case and hearing `seedHearingCase` writes unless told otherwise. */
export const CASE_ID = caseIdOf(7);
export const HEARING_ID = hearingIdOf(7);

/** A case with a hearing judged by JUDGE (presiding) and OTHER_JUDGE, minuted by SECRETARY. */
export function seedHearingCase(cache: CacheDb, running = 7, startsAt = HEARING_AT): void {
  const c = makeCase(running, {
    id: caseIdOf(running),
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
        id: hearingIdOf(running),
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

/** A test's filing service: the desktop's own, on a real encrypted blob store in a new folder. */
export interface TestFiling {
  filing: FilingService;
  close(): void;
}

export function testFiling(): TestFiling {
  const dir = mkdtempSync(join(tmpdir(), 'chambers-minutes-filing-'));
  const blobs = openEncryptedBlobStore(dir, randomBytes(32).toString('hex'));
  return {
    filing: createFilingService({ blobStoreFor: () => blobs }),
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** What was queued for the register to file, oldest first: the payloads of `case.document.file`. */
export function queuedFilings(cache: CacheDb): unknown[] {
  return (
    cache
      .prepare('SELECT payload FROM outbox WHERE kind = ? ORDER BY seq')
      .pluck()
      .all(DOCUMENT_FILE) as string[]
  ).map((payload) => JSON.parse(payload) as unknown);
}

/**
 * The register's answer to every filing waiting in the outbox, as the push engine records it:
 * `filed` (numbered 2-25-7/9, the case as it is) or `failed` (refused with the reason `refused`).
 */
export function settleFilings(cache: CacheDb, state: 'filed' | 'failed'): void {
  for (const row of sendable(cache, 100)) {
    if (row.kind !== DOCUMENT_FILE || !('documentId' in row.payload)) continue;
    if (state === 'failed') {
      failFiling(cache, row, 'refused');
      continue;
    }
    const snapshot = getCaseSnapshot(cache, row.caseId);
    if (!snapshot) throw new Error(`case ${row.caseId} is not cached`);
    applyFilingResult(cache, row, {
      id: row.id,
      status: 'applied',
      record: {
        type: 'filed-document',
        documentId: row.payload.documentId,
        documentNumber: '2-25-7/9',
        case: snapshot,
      },
    });
  }
}

/** Ops that make the minutes of `HEARING_ID` complete enough to finalise. */
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
