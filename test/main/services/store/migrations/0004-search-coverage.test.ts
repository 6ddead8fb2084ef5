import { describe, expect, it } from 'vitest';
import { migrate, openCache } from '../../../../../src-main/services/store/cache.js';
import { listCases } from '../../../../../src-main/services/store/case-queries.js';
import { applySyncPage } from '../../../../../src-main/services/store/case-store.js';
import { MIGRATIONS } from '../../../../../src-main/services/store/migrations/index.js';
import { putNote } from '../../../../../src-main/services/store/notes-store.js';
import type { CaseSnapshot } from '../../../../../src-shared/domain/index.js';
import { makeCase, makeDocument } from '../../../support/cases.js';
import { cacheAt, dump, expectRollsBack, insertCaseV1 } from './helpers.js';

const NOTE_CASE = '11111111-1111-4111-8111-111111111111';

const step = (n: number, kind: string, description: string) => ({
  id: `s${n}`,
  kind,
  occurredAt: '2024-02-01T10:00:00.000Z',
  enteredAt: '2024-02-01T10:05:00.000Z',
  description,
});

/** Cases with something in every indexed field, and the edge cases: no parties, codes, steps. */
function sampleCases(): CaseSnapshot[] {
  return [
    makeCase(1, {
      subject: 'Õunaaia piiri vaidlus',
      parties: [
        {
          id: 'p1',
          kind: 'natural',
          name: 'Tõnu Mägi',
          code: '38001010008',
          role: 'plaintiff',
          representative: 'vandeadvokaat Küllike Žukova',
        },
        {
          id: 'p2',
          kind: 'legal',
          name: 'Šokolaadi OÜ',
          code: null,
          role: 'defendant',
          representative: null,
        },
      ],
      steps: [step(1, 'hearing_scheduled', 'Eelistung määratud'), step(2, 'suspended', '')],
      documents: [makeDocument('2-24-1', 1, 'Hagiavaldus'), makeDocument('2-24-1', 2, 'Vastus')],
    }),
    makeCase(2, { parties: [], steps: [], documents: [] }),
    makeCase(3, {
      subject: 'Laenulepingu nõue',
      steps: [step(3, 'claim_accepted', 'Hagi menetlusse võetud')],
    }),
  ];
}

function cacheAt3WithData() {
  const db = cacheAt(3);
  for (const snapshot of sampleCases()) insertCaseV1(db, snapshot);
  db.prepare("UPDATE sync_state SET cursor = '3', access_epoch = '1.0' WHERE id = 1").run();
  return db;
}

const searchRows = (db: ReturnType<typeof cacheAt>) =>
  db.prepare('SELECT rowid, * FROM cases_search ORDER BY rowid').all();
const ids = (rows: Array<{ id: string }>) => rows.map((row) => row.id);

describe('migration 0004 (search coverage)', () => {
  it('rebuilds the index from the cached snapshots exactly as the store writes it', () => {
    const migrated = cacheAt3WithData();
    migrate(migrated, MIGRATIONS.slice(0, 4));
    expect(migrated.pragma('user_version', { simple: true })).toBe(4);

    const fresh = openCache(':memory:', { migrations: MIGRATIONS.slice(0, 4) });
    applySyncPage(
      fresh,
      sampleCases().map((c) => ({ kind: 'case' as const, case: c })),
      '3',
    );
    expect(searchRows(migrated)).toEqual(searchRows(fresh));
    expect(searchRows(migrated)[0]).toMatchObject({
      parties: 'Tõnu Mägi 38001010008 vandeadvokaat Küllike Žukova\nŠokolaadi OÜ',
      steps: 'hearing_scheduled Eelistung määratud\nsuspended ',
      document_titles: 'Hagiavaldus\nVastus',
    });
    fresh.close();
    migrated.close();
  });

  it('keeps the cases, the cursor and the notes, and the new fields are found', () => {
    const db = cacheAt3WithData();
    putNote(db, NOTE_CASE, 'Märkus: küsida Mägilt tõendeid');
    const before = dump(db) as { rows: Record<string, unknown[]> };
    migrate(db, MIGRATIONS.slice(0, 4));
    const after = dump(db) as { rows: Record<string, unknown[]> };
    for (const table of ['cases', 'sync_state', 'notes', 'outbox', 'conflicts', 'sweep_seen'])
      expect(after.rows[table]).toEqual(before.rows[table]);

    const find = (text: string) => ids(listCases(db, { text, limit: 10 }));
    expect(find('magi')).toEqual(['case-1']);
    expect(find('Mägi')).toEqual(['case-1']);
    expect(find('38001010008')).toEqual(['case-1']);
    expect(find('zukova')).toEqual(['case-1']);
    expect(find('eelistung')).toEqual(['case-1']);
    expect(find('menetlusse')).toEqual(['case-3']);
    expect(find('oun')).toEqual(['case-1']);
    db.close();
  });

  it('rolls back to version 3 with the old index when it fails', () => {
    const db = cacheAt3WithData();
    putNote(db, NOTE_CASE, 'Märkus');
    expectRollsBack(db, 4);
    expect(searchRows(db)).toHaveLength(3);
    db.close();
  });
});
