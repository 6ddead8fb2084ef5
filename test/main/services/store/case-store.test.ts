import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CacheDb, openCache } from '../../../../src-main/services/store/cache.js';
import { getCaseSnapshot, listCases } from '../../../../src-main/services/store/case-queries.js';
import { applySyncPage, countCases, readCursor } from '../../../../src-main/services/store/case-store.js';
import { toFtsQuery } from '../../../../src-main/services/store/search-query.js';
import { makeCase, makeDocument } from '../../support/cases.js';

let db: CacheDb;
beforeEach(() => {
  db = openCache(':memory:');
});
afterEach(() => db.close());

const upserts = (...cases: ReturnType<typeof makeCase>[]) =>
  cases.map((c) => ({ kind: 'case' as const, case: c }));
const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);

describe('applySyncPage', () => {
  it('stores snapshots and the cursor together', () => {
    expect(applySyncPage(db, upserts(makeCase(1), makeCase(2)), '2')).toEqual(['case-1', 'case-2']);
    expect(readCursor(db)).toBe('2');
    expect(countCases(db)).toBe(2);
    expect(getCaseSnapshot(db, 'case-1')).toEqual(makeCase(1));
  });

  it('replaces older versions, keeps newer ones, and keeps the search index in step', () => {
    applySyncPage(db, upserts(makeCase(1, { subject: 'Vana nõue', version: 2 })), '1');
    applySyncPage(db, upserts(makeCase(1, { subject: 'Uus nõue', version: 3 })), '2');
    expect(getCaseSnapshot(db, 'case-1')?.subject).toBe('Uus nõue');
    expect(applySyncPage(db, upserts(makeCase(1, { subject: 'Aegunud', version: 1 })), '3')).toEqual([]);
    expect(getCaseSnapshot(db, 'case-1')?.subject).toBe('Uus nõue');
    expect(readCursor(db)).toBe('3');
    expect(ids(listCases(db, { text: 'vana', limit: 10 }))).toEqual([]);
    expect(ids(listCases(db, { text: 'uus', limit: 10 }))).toEqual(['case-1']);
  });

  it('removes a case and its search entry on case-removed', () => {
    applySyncPage(db, upserts(makeCase(1), makeCase(2)), '2');
    expect(
      applySyncPage(
        db,
        [
          { kind: 'case-removed', caseId: 'case-1' },
          { kind: 'case-removed', caseId: 'never' },
        ],
        '3',
      ),
    ).toEqual(['case-1']);
    expect(countCases(db)).toBe(1);
    expect(db.prepare('SELECT count(*) FROM cases_search').pluck().get()).toBe(1);
    expect(ids(listCases(db, { text: 'Hageja 1', limit: 10 }))).toEqual([]);
  });

  it('applies nothing of a page that fails half way, cursor included', () => {
    applySyncPage(db, upserts(makeCase(1)), '1');
    // A write failing on the third case stands in for a crash or a full disk in the middle of a page.
    db.exec(`CREATE TEMP TRIGGER fail_third BEFORE INSERT ON main.cases WHEN NEW.id = 'case-4'
             BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    expect(() => applySyncPage(db, upserts(makeCase(2), makeCase(3), makeCase(4), makeCase(5)), '5')).toThrow(
      'disk full',
    );
    expect(readCursor(db)).toBe('1');
    expect(ids(listCases(db, { limit: 10 }))).toEqual(['case-1']);
    expect(db.prepare('SELECT count(*) FROM cases_search').pluck().get()).toBe(1);
  });
});

describe('listCases', () => {
  beforeEach(() => {
    applySyncPage(
      db,
      upserts(
        makeCase(1, { subject: 'Õunaaia piiri vaidlus', registeredAt: '2024-03-01T09:00:00+02:00' }),
        makeCase(2, {
          subject: 'Laenulepingu nõue',
          parties: [
            {
              id: 'p',
              kind: 'legal',
              name: 'Šokolaadi OÜ',
              code: '10000000',
              role: 'defendant',
              representative: null,
            },
          ],
          registeredAt: '2024-03-02T09:00:00Z',
        }),
        makeCase(3, {
          procedureType: 'criminal',
          number: '1-24-3',
          subject: 'Vargus',
          documents: [makeDocument('1-24-3', 1, 'Süüdistusakt Jüri kohta')],
          registeredAt: '2024-03-03T09:00:00Z',
        }),
      ),
      '3',
    );
  });

  it('lists newest first without text', () => {
    expect(ids(listCases(db, { limit: 10 }))).toEqual(['case-3', 'case-2', 'case-1']);
    expect(ids(listCases(db, { limit: 2 }))).toEqual(['case-3', 'case-2']);
  });

  it('finds Estonian words with or without their diacritics, by prefix', () => {
    for (const text of ['oun', 'õun', 'ÕUN', 'Õunaaia'])
      expect(ids(listCases(db, { text, limit: 10 }))).toEqual(['case-1']);
    expect(ids(listCases(db, { text: 'sokolaadi', limit: 10 }))).toEqual(['case-2']);
    expect(ids(listCases(db, { text: 'juri', limit: 10 }))).toEqual(['case-3']);
    expect(ids(listCases(db, { text: 'suudistus', limit: 10 }))).toEqual(['case-3']);
  });

  it('finds parties by name, code and representative, steps and titles; Mägi and Magi alike', () => {
    applySyncPage(
      db,
      upserts(
        makeCase(20, {
          parties: [
            {
              id: 'p20',
              kind: 'natural',
              name: 'Tõnu Mägi',
              code: '38001010008',
              role: 'plaintiff',
              representative: 'Küllike Žukova',
            },
          ],
          steps: [
            {
              id: 's20',
              kind: 'hearing_scheduled',
              occurredAt: '2024-02-01T10:00:00.000Z',
              enteredAt: '2024-02-01T10:00:00.000Z',
              description: 'Eelistung määratud',
            },
          ],
        }),
        makeCase(21, { subject: 'Magi talu rendileping' }),
      ),
      '4',
    );
    const find = (text: string) => ids(listCases(db, { text, limit: 10 })).sort();
    expect(find('Mägi')).toEqual(['case-20', 'case-21']);
    expect(find('magi')).toEqual(['case-20', 'case-21']);
    expect(find('MÄGI tõnu')).toEqual(['case-20']);
    expect(find('380010')).toEqual(['case-20']);
    expect(find('zukova')).toEqual(['case-20']);
    expect(find('eelistung')).toEqual(['case-20']);
    expect(find('hearing_scheduled')).toEqual(['case-20']);
    expect(find('hagiaval')).toEqual([]);
    expect(find('jüri')).toEqual(['case-3']);
  });

  it('needs every word to match', () => {
    expect(ids(listCases(db, { text: 'laenu nõue', limit: 10 }))).toEqual(['case-2']);
    expect(ids(listCases(db, { text: 'laenu vargus', limit: 10 }))).toEqual([]);
  });

  it('finds a case by its number, the exact number first', () => {
    expect(ids(listCases(db, { text: '1-24-3', limit: 10 }))).toEqual(['case-3']);
    applySyncPage(db, upserts(makeCase(10), makeCase(100), makeCase(1000)), '4');
    expect(ids(listCases(db, { text: '2-24-100', limit: 10 }))).toEqual(['case-100', 'case-1000']);
    expect(ids(listCases(db, { text: '2-24-1', limit: 10 }))[0]).toBe('case-1');
  });

  it('filters by procedure type', () => {
    expect(ids(listCases(db, { procedureType: 'criminal', limit: 10 }))).toEqual(['case-3']);
    expect(ids(listCases(db, { text: 'nõue', procedureType: 'civil', limit: 10 }))).toEqual(['case-2']);
  });

  it('treats FTS5 syntax typed by the user as plain words', () => {
    for (const text of ['"', 'oun"', 'NEAR(oun', 'subject:oun', 'oun OR', '*', '-', 'AND', '^oun', '(']) {
      expect(() => listCases(db, { text, limit: 10 })).not.toThrow();
    }
    expect(listCases(db, { text: '*', limit: 10 })).toEqual([]);
  });

  it('builds summaries with court, judge, party names and the next hearing', () => {
    const hearing = (id: string, startsAt: string) => ({
      id,
      startsAt,
      room: '101',
      public: true,
      kind: 'main',
      judges: [],
      secretary: null,
    });
    applySyncPage(
      db,
      upserts(
        makeCase(9, {
          hearings: [
            hearing('h1', '2030-05-01T08:00:00Z'),
            hearing('h2', '2020-01-01T08:00:00Z'),
            hearing('h3', '2031-01-01T08:00:00+02:00'),
          ],
        }),
      ),
      '4',
      new Date('2025-01-01T00:00:00Z'),
    );
    const [summary] = listCases(db, { text: '2-24-9', limit: 1 }, new Date('2025-01-01T00:00:00Z'));
    expect(summary).toMatchObject({
      id: 'case-9',
      court: { code: 'HMK', name: 'Harju Maakohus' },
      judge: { id: 'judge-1', name: 'Mari Maasikas' },
      partyNames: ['Hageja 9'],
      nextHearingAt: '2030-05-01T08:00:00.000Z',
    });
    // Once that hearing has passed, the next one is found again from the snapshot.
    const [later] = listCases(db, { text: '2-24-9', limit: 1 }, new Date('2030-06-01T00:00:00Z'));
    expect(later?.nextHearingAt).toBe('2031-01-01T06:00:00.000Z');
  });
});

describe('toFtsQuery', () => {
  it('quotes every word as a prefix and doubles quotes', () => {
    expect(toFtsQuery('  õun  "pirn ')).toBe('"õun"* """pirn"*');
    expect(toFtsQuery(' * - ')).toBeNull();
  });
});
