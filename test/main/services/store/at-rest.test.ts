import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../src-shared/contract/index.js';
import { type CacheDb, openCache } from '../../../../src-main/services/store/cache.js';
import { applySyncPage } from '../../../../src-main/services/store/case-store.js';
import { putNote } from '../../../../src-main/services/store/notes-store.js';
import { makeCase, makeDocument } from '../../support/cases.js';

/** Strings that must never be readable in the files: names, codes, subject, titles, a note. */
const SECRETS = [
  'Tõnu Mägi-Kõrvits',
  '38001010008',
  'Kinnistu Vana-Kuuse 14 piiriala vaidlus',
  'Šokolaaditehas Žužu OÜ',
  'vandeadvokaat Ülle Põder',
  'Ekspertiisiakt ehitusvigade kohta',
  'Tunnistaja ei ilmunud istungile',
  'Märkus: küsida Kõrvitsalt kinnistusraamatu väljavõtet',
] as const;
const NOTE_CASE = '11111111-1111-4111-8111-111111111111';

const encodings = (text: string): Buffer[] => [
  Buffer.from(text, 'utf8'),
  Buffer.from(text, 'utf16le'),
  Buffer.from(text, 'utf16le').swap16(),
];

/** Which of the secrets appear in these bytes, in UTF-8, UTF-16LE or UTF-16BE. */
const found = (bytes: Buffer): string[] =>
  SECRETS.filter((secret) => encodings(secret).some((encoded) => bytes.includes(encoded)));

const read = (file: string): Buffer => (existsSync(file) ? readFileSync(file) : Buffer.alloc(0));

function writeCaseData(db: CacheDb): void {
  // No checkpoint: what is written stays in the -wal until the connection closes.
  db.pragma('wal_autocheckpoint = 0');
  applySyncPage(
    db,
    [
      {
        kind: 'case',
        case: makeCase(1, {
          subject: SECRETS[2],
          parties: [
            {
              id: 'p1',
              kind: 'natural',
              name: SECRETS[0],
              code: SECRETS[1],
              role: 'plaintiff',
              representative: SECRETS[4],
            },
            {
              id: 'p2',
              kind: 'legal',
              name: SECRETS[3],
              code: '12345678',
              role: 'defendant',
              representative: null,
            },
          ],
          documents: [makeDocument('2-24-1', 1, SECRETS[5])],
          steps: [
            {
              id: 's1',
              kind: 'hearing_held',
              occurredAt: '2024-02-01T10:00:00.000Z',
              enteredAt: '2024-02-01T10:05:00.000Z',
              description: SECRETS[6],
            },
          ],
        }),
      },
    ],
    '1',
  );
  putNote(db, NOTE_CASE, SECRETS[7]);
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'chambers-at-rest-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the cache at rest', () => {
  it('keeps no case data readable in the file, its -wal or its -shm, and is unreadable without the key', () => {
    const file = join(dir, 'cache.sqlite');
    const key = randomBytes(32).toString('hex');
    const db = openCache(file, { key });
    writeCaseData(db);

    // While open: the data is in the -wal (not yet checkpointed), which must be encrypted too.
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(4096);
    for (const suffix of ['', '-wal', '-shm']) expect(found(read(`${file}${suffix}`)), suffix).toEqual([]);
    db.close();

    // Closed: everything is checkpointed into the file.
    for (const suffix of ['', '-wal', '-shm']) expect(found(read(`${file}${suffix}`)), suffix).toEqual([]);
    expect(read(file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');

    let error: unknown;
    try {
      openCache(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/local cache cannot be read \(wrong key or damaged file\)/);
    const raw = new Database(file, { readonly: true });
    expect(() => raw.prepare('SELECT * FROM cases').all()).toThrow(/not a database/);
    raw.close();

    // With the key everything is there.
    const again = openCache(file, { key });
    expect(again.prepare('SELECT subject FROM cases').pluck().get()).toBe(SECRETS[2]);
    again.close();
  });

  it('finds the same strings in a cache written without a key (the scan itself works)', () => {
    const file = join(dir, 'plain.sqlite');
    const db = openCache(file);
    writeCaseData(db);
    expect(found(read(`${file}-wal`))).toEqual([...SECRETS]);
    db.close();
    expect(found(read(file))).toEqual([...SECRETS]);
  });
});
