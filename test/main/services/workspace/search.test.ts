import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseSearchHit, type CaseSearchInput, SearchFacets } from '../../../../src-shared/contract/index.js';
import type { CaseSnapshot, SessionUser } from '../../../../src-shared/domain/index.js';
import { type CacheDb, openCache } from '../../../../src-main/services/store/cache.js';
import { applySyncPage } from '../../../../src-main/services/store/case-store.js';
import { createSearchWorkers, startSearchWorker } from '../../../../src-main/services/store/search-worker.js';
import {
  createWorkspaceHandlers,
  searchCasesSql,
  splitMarked,
  toHits,
} from '../../../../src-main/services/workspace/index.js';
import { makeCase, makeDocument } from '../../support/cases.js';

// Registration dates are whole local days: Tallinn is UTC+2 in winter.
process.env.TZ = 'Europe/Tallinn';

const USER: SessionUser = { id: 'u-1', name: 'Helen Saar', personalCode: '47001010000', roles: [] };
const TAMM = { id: 'j-tamm', name: 'Peeter Tamm' };
const MAGI = { id: 'j-magi', name: 'Ülle Mägi' };
const TARTU = { code: 'TMK', name: 'Tartu Maakohus' };

const party = (id: string, name: string, code: string | null = null): CaseSnapshot['parties'][number] => ({
  id,
  kind: 'natural',
  name,
  code,
  role: 'plaintiff',
  representative: null,
});

const CASES: CaseSnapshot[] = [
  makeCase(1, {
    subject: 'Õun ja pirn: aianaabrite vaidlus',
    registeredAt: '2026-02-28T22:30:00.000Z', // 1 March 00:30 in Tallinn
    judge: TAMM,
  }),
  makeCase(2, {
    subject: 'Kahjunõue',
    procedureType: 'criminal',
    status: 'registered',
    registeredAt: '2026-03-01T21:59:00.000Z', // 1 March 23:59 in Tallinn
    judge: MAGI,
    parties: [party('p2', 'Jaan Õunapuu', '38001010000'), party('p3', 'Mari Kask')],
  }),
  makeCase(3, {
    subject: 'Lepingu täitmine',
    court: TARTU,
    status: 'suspended',
    registeredAt: '2026-03-01T22:00:00.000Z', // 2 March 00:00 in Tallinn
    judge: null,
    documents: [makeDocument('2-24-3', 1, 'Hagiavaldus õunaaia kohta')],
    steps: [
      {
        id: 's1',
        kind: 'filed',
        occurredAt: '2026-03-02T10:00:00.000Z',
        enteredAt: '2026-03-02T10:00:00.000Z',
        description:
          'Esitati hagi, milles nõutakse kahju hüvitamist pika aja jooksul tekkinud varalise kahju eest ning menetluskulude väljamõistmist kostjalt',
      },
    ],
  }),
  makeCase(4, { subject: 'Alimendid', registeredAt: '2026-02-27T10:00:00.000Z', judge: TAMM }),
];

let dir: string;
let db: CacheDb;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chambers-workspace-search-'));
  db = openCache(join(dir, 'cache.sqlite'), { key: randomBytes(32).toString('hex') });
  applySyncPage(
    db,
    CASES.map((snapshot) => ({ kind: 'case' as const, case: snapshot })),
    '1',
  );
});
afterAll(() => {
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

const session = { require: () => ({ cache: db, user: USER }) };
// Counts the queries that reach the worker thread.
let onWorker = 0;
const workers = createSearchWorkers((source) => {
  const worker = startSearchWorker(source);
  return {
    ...worker,
    all: (sql, params) => {
      onWorker++;
      return worker.all(sql, params);
    },
  };
});
const handlers = createWorkspaceHandlers({ session, searchWorkers: workers });

async function search(input: CaseSearchInput): Promise<CaseSearchHit[]> {
  return CaseSearchHit.array().parse(await handlers['search:cases'](input));
}
const ids = (hits: readonly CaseSearchHit[]): string[] => hits.map((hit) => hit.id);

describe('search:cases', () => {
  it('runs on the search worker and answers what this thread answers', async () => {
    const inputs: CaseSearchInput[] = [{ text: 'oun' }, {}, { text: 'nõue', courtCode: 'HMK' }];
    const before = onWorker;
    for (const input of inputs) {
      const { sql, params } = searchCasesSql(input)!;
      const here = toHits(db.prepare(sql).all(params));
      expect(await search(input)).toEqual(here);
    }
    expect(onWorker - before).toBe(inputs.length);
    expect(workers.workerFor(db)?.alive()).toBe(true);
  });

  it('folds diacritics and matches prefixes: "oun" finds Õun, Õunapuu and õunaaia', async () => {
    expect(ids(await search({ text: 'oun' })).sort()).toEqual(['case-1', 'case-2', 'case-3']);
    expect(ids(await search({ text: 'ÕUNAPUU' }))).toEqual(['case-2']);
    expect(ids(await search({ text: 'magi' }))).toEqual([]);
  });

  it('marks the matched words in parts, never as markup', async () => {
    const [apple] = await search({ text: 'oun' }).then((hits) => hits.filter((h) => h.id === 'case-1'));
    expect(apple!.matches).toEqual([
      {
        field: 'subject',
        parts: [
          { text: 'Õun', match: true },
          { text: ' ja pirn: aianaabrite vaidlus', match: false },
        ],
      },
    ]);
    const [person] = await search({ text: 'õunapuu' });
    expect(person!.matches).toEqual([
      {
        field: 'parties',
        parts: [
          { text: 'Jaan ', match: false },
          { text: 'Õunapuu', match: true },
          { text: ' 38001010000; Mari Kask', match: false },
        ],
      },
    ]);
    const file = await search({ text: 'oun hüvita' });
    expect(ids(file)).toEqual(['case-3']);
    expect(file[0]!.matches.map((m) => m.field)).toEqual(['steps', 'documents']);
    const steps = file[0]!.matches[0]!.parts;
    expect(steps.filter((p) => p.match).map((p) => p.text)).toEqual(['hüvitamist']);
    // A long step is cut to a snippet around the match.
    expect(steps.map((p) => p.text).join('')).toMatch(/…$/);
    expect(file[0]!.matches[1]!.parts).toEqual([
      { text: 'Hagiavaldus ', match: false },
      { text: 'õunaaia', match: true },
      { text: ' kohta', match: false },
    ]);
    // A case number is matched as a whole.
    const [numbered] = await search({ text: '2-24-4' });
    expect(numbered).toMatchObject({
      id: 'case-4',
      matches: [{ field: 'number', parts: [{ text: '2-24-4', match: true }] }],
    });
  });

  it('filters by procedure type, status, court and judge', async () => {
    expect(ids(await search({ procedureType: 'criminal' }))).toEqual(['case-2']);
    expect(ids(await search({ status: 'suspended' }))).toEqual(['case-3']);
    expect(ids(await search({ status: 'closed' }))).toEqual([]);
    expect(ids(await search({ courtCode: 'TMK' }))).toEqual(['case-3']);
    expect(ids(await search({ courtCode: 'HMK' }))).toEqual(['case-2', 'case-1', 'case-4']);
    expect(ids(await search({ judgeId: TAMM.id }))).toEqual(['case-1', 'case-4']);
    expect(ids(await search({ judgeId: MAGI.id, text: 'oun' }))).toEqual(['case-2']);
    expect(ids(await search({ text: 'oun', procedureType: 'civil', courtCode: 'HMK' }))).toEqual(['case-1']);
  });

  it('filters by registration date, whole local days with both ends included', async () => {
    expect(ids(await search({ registeredFrom: '2026-03-01', registeredTo: '2026-03-01' }))).toEqual([
      'case-2',
      'case-1',
    ]);
    expect(ids(await search({ registeredFrom: '2026-03-02' }))).toEqual(['case-3']);
    expect(ids(await search({ registeredTo: '2026-02-28' }))).toEqual(['case-4']);
    expect(ids(await search({ registeredFrom: '2026-03-02', registeredTo: '2026-03-01' }))).toEqual([]);
  });

  it('ranks text hits by relevance, else lists the newest first; honours the limit', async () => {
    expect(ids(await search({}))).toEqual(['case-3', 'case-2', 'case-1', 'case-4']);
    expect(ids(await search({ limit: 2 }))).toEqual(['case-3', 'case-2']);
    // A hit in the subject or a party ranks above one in a document title.
    const ranked = ids(await search({ text: 'oun' }));
    expect(ranked.at(-1)).toBe('case-3');
    expect(ids(await search({ text: 'oun', limit: 1 }))).toEqual(ranked.slice(0, 1));
    // An exact case number comes first, whatever else matches.
    expect(ids(await search({ text: '2-24-3' }))[0]).toBe('case-3');
    expect((await search({})).every((hit) => hit.matches.length === 0)).toBe(true);
    // Nothing searchable: no hits; quotes and operators are plain text.
    expect(await search({ text: '" * (' })).toEqual([]);
    expect(await search({ text: 'NEAR(oun pirn)' })).toEqual([]);
    expect(ids(await search({ text: '   ' }))).toHaveLength(4);
  });
});

describe('splitMarked', () => {
  it('splits on the markers, merges neighbours and drops stray control characters', () => {
    expect(splitMarked('a \u0001b\u0002\u0001c\u0002 d\u0007')).toEqual([
      { text: 'a ', match: false },
      { text: 'bc', match: true },
      { text: ' d', match: false },
    ]);
    expect(splitMarked('x\n\u0001y\u0002\nz', true)).toEqual([
      { text: 'x; ', match: false },
      { text: 'y', match: true },
      { text: '; z', match: false },
    ]);
    expect(splitMarked('')).toEqual([]);
  });
});

describe('search:facets', () => {
  it('lists the courts and judges of the cached cases, by name', async () => {
    expect(SearchFacets.parse(await handlers['search:facets']())).toEqual({
      courts: [
        { code: 'HMK', name: 'Harju Maakohus' },
        { code: 'TMK', name: 'Tartu Maakohus' },
      ],
      judges: [
        { id: 'j-tamm', name: 'Peeter Tamm' },
        { id: 'j-magi', name: 'Ülle Mägi' },
      ],
    });
  });

  it('falls back to this thread when the worker fails', async () => {
    const broken = createWorkspaceHandlers({
      session,
      searchWorkers: createSearchWorkers((source) => startSearchWorker({ ...source, key: 'wrong' })),
    });
    const errors: unknown[] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => void errors.push(args[0]);
    try {
      expect(ids(await broken['search:cases']({ text: 'oun', courtCode: 'TMK' }))).toEqual(['case-3']);
      expect((await broken['search:facets']()).courts).toHaveLength(2);
    } finally {
      console.error = log;
    }
    expect(errors[0]).toMatch(/search worker failed/);
  });

  it('also works on an in-memory cache, on this thread', async () => {
    const memory = openCache(':memory:');
    try {
      applySyncPage(memory, [{ kind: 'case', case: makeCase(9, { subject: 'Õunamahl' }) }], '1');
      const local = createWorkspaceHandlers({ session: { require: () => ({ cache: memory, user: USER }) } });
      expect((await local['search:facets']()).judges).toEqual([{ id: 'judge-1', name: 'Mari Maasikas' }]);
      expect(ids(await local['search:cases']({ text: 'ounamahl' }))).toEqual(['case-9']);
    } finally {
      memory.close();
    }
  });
});
