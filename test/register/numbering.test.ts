import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Db, migrate, openDb } from '../../src-register/db/index.js';
import { nextCaseNumber, nextDocumentNumber } from '../../src-register/domain/numbering.js';
import { describeOnBothDatabases } from './databases.js';

const insertCase = (tx: Db, id: string, number: string) =>
  tx.query(
    `INSERT INTO cases (id, number, procedure_type, court_code, status, subject, registered_at)
     VALUES ($1, $2, 'civil', 'TST', 'registered', 'test', now())`,
    [id, number],
  );
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describeOnBothDatabases('case and document numbering', (dbs) => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb(await dbs().create('numbering'));
    await migrate(db);
    await db.query(
      "INSERT INTO courts (code, name, level, ecli_code) VALUES ('TST', 'Test Court', 1, 'TST')",
    );
  });
  afterAll(() => db?.close());

  it('gives T-YY-N in sequence per procedure type and year', async () => {
    const take = (type: 'civil' | 'criminal', year: number) =>
      db.transaction((tx) => nextCaseNumber(tx, type, year));
    expect([await take('civil', 2026), await take('civil', 2026), await take('civil', 2026)]).toEqual([
      '2-26-1',
      '2-26-2',
      '2-26-3',
    ]);
    expect(await take('criminal', 2026)).toBe('1-26-1');
    expect(await take('civil', 2027)).toBe('2-27-1');
    expect(await take('civil', 2026)).toBe('2-26-4');
  });

  it('gives a number back when its transaction rolls back, so no gap appears', async () => {
    const first = await db.transaction((tx) => nextCaseNumber(tx, 'administrative', 2026));
    await expect(
      db.transaction(async (tx) => {
        await nextCaseNumber(tx, 'administrative', 2026);
        throw new Error('registration failed half-way');
      }),
    ).rejects.toThrow('half-way');
    const next = await db.transaction((tx) => nextCaseNumber(tx, 'administrative', 2026));
    expect([first, next]).toEqual(['3-26-1', '3-26-2']);
  });

  it('gives 50 concurrent transactions 50 distinct numbers without a gap', async () => {
    const numbers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        db.transaction(async (tx) => {
          // The case insert runs while the counter row is held, as in a registration.
          const number = await nextCaseNumber(tx, 'civil', 2016);
          await insertCase(tx, uuid(1000 + i), number);
          return number;
        }),
      ),
    );
    const running = numbers.map((n) => Number(n.split('-')[2])).sort((a, b) => a - b);
    expect(running).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('numbers documents /1…/n per case, continuing after documents filed without the counter', async () => {
    await insertCase(db, uuid(1), '2-25-900');
    await insertCase(db, uuid(2), '2-25-901');
    await db.query(
      `INSERT INTO documents (id, case_id, number, kind, title, media_type, sha256, size, filed_at)
       VALUES ($1, $2, '2-25-901/1', 'claim', 't', 'application/pdf', $3, 1, now()),
              ($4, $2, '2-25-901/2', 'answer', 't', 'application/pdf', $3, 1, now())`,
      [uuid(11), uuid(2), 'a'.repeat(64), uuid(12)],
    );
    const next = (caseId: string) => db.transaction((tx) => nextDocumentNumber(tx, caseId));
    expect([await next(uuid(1)), await next(uuid(1)), await next(uuid(1))]).toEqual([
      '2-25-900/1',
      '2-25-900/2',
      '2-25-900/3',
    ]);
    expect(await next(uuid(2))).toBe('2-25-901/3');
    const concurrent = await Promise.all(Array.from({ length: 20 }, () => next(uuid(1))));
    expect(concurrent.map((n) => Number(n.split('/')[1])).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 4),
    );
    await expect(next(uuid(3))).rejects.toThrow(/no case/);
  });
});
