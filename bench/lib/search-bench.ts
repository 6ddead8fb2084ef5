// The search part of the sync benchmark: a desktop cache grown to N cases through the store's own
// writes, realistic queries drawn from its text, and the two peers (raw FTS5, MiniSearch).
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import MiniSearch from 'minisearch';
import type { CaseSnapshot } from '../../src-shared/domain/index.js';
import type { SyncChange } from '../../src-shared/register-api/index.js';
import type { CacheDb } from '../../src-main/services/store/cache.js';
import { applySyncPage, countCases, readCursor } from '../../src-main/services/store/case-store.js';
import { toFtsQuery } from '../../src-main/services/store/search-query.js';
import { Prng } from '../../src-register/seed/prng.js';

/** Every snapshot in the cache. */
export function readSnapshots(db: CacheDb): CaseSnapshot[] {
  const texts = db.prepare('SELECT snapshot FROM cases ORDER BY rowid').pluck().all() as string[];
  return texts.map((text) => JSON.parse(text) as CaseSnapshot);
}

const TYPE_DIGIT = { criminal: 1, civil: 2, administrative: 3, misdemeanour: 4, constitutional: 5 } as const;

/**
 * Grows the cache to `target` cases with variants of `bases` (the synced cases): each variant has a
 * new id and number, the subject of one base case and the parties of another, and its steps. They are
 * written with applySyncPage in pages of `page`, the cursor left where the last pull put it.
 */
export function growCache(
  db: CacheDb,
  bases: readonly CaseSnapshot[],
  target: number,
  onProgress: (cases: number) => void,
  page = 2000,
): number {
  const rng = new Prng(0x5ea2c4);
  const cursor = readCursor(db);
  let count = countCases(db);
  let serial = 0;
  while (count < target) {
    const changes: SyncChange[] = [];
    for (let i = 0; i < Math.min(page, target - count); i++) {
      const base = bases[serial % bases.length]!;
      const other = rng.pick(bases);
      const year = Number(base.number.split('-')[1]);
      const variant: CaseSnapshot = {
        ...base,
        id: rng.uuid(),
        // Running numbers from 100000 up are never used by the 5,000 synced cases.
        number: `${TYPE_DIGIT[base.procedureType]}-${year}-${100_000 + serial}`,
        subject: other.subject,
        parties: other.parties.map((party) => ({ ...party, id: rng.uuid() })),
      };
      changes.push({ kind: 'case', case: variant });
      serial++;
    }
    applySyncPage(db, changes, cursor);
    count = countCases(db);
    onProgress(count);
  }
  return count;
}

const DIACRITICS: Record<string, string> = { õ: 'o', ä: 'a', ö: 'o', ü: 'u', š: 's', ž: 'z' };
const fold = (text: string) =>
  text.replace(/[õäöüšž]/gi, (c) => {
    const plain = DIACRITICS[c.toLowerCase()]!;
    return c === c.toLowerCase() ? plain : plain.toUpperCase();
  });

/**
 * About fifty queries a court clerk types: surnames (as written and without diacritics), subject
 * words (whole and as a prefix), case numbers, and a surname with a subject word.
 */
export function makeQueries(cases: readonly CaseSnapshot[]): string[] {
  const rng = new Prng(0x9e_12);
  const surnames = [
    ...new Set(
      cases.flatMap((c) =>
        c.parties.filter((p) => p.kind === 'natural').map((p) => p.name.split(' ').at(-1)!),
      ),
    ),
  ].filter((name) => name.length >= 3);
  const accented = surnames.filter((name) => fold(name) !== name);
  const subjectWords = [...new Set(cases.flatMap((c) => c.subject.toLowerCase().split(/[^\p{L}]+/u)))].filter(
    (word) => word.length >= 6,
  );
  const queries = new Set<string>();
  const add = (count: number, make: () => string) => {
    for (let tries = 0, added = 0; added < count && tries < count * 20; tries++) {
      const query = make();
      if (queries.has(query)) continue;
      queries.add(query);
      added++;
    }
  };
  add(12, () => rng.pick(surnames));
  add(8, () => fold(rng.pick(accented.length > 0 ? accented : surnames)));
  add(8, () => rng.pick(subjectWords));
  add(6, () => rng.pick(subjectWords).slice(0, 5));
  add(10, () => rng.pick(cases).number);
  add(6, () => `${rng.pick(surnames)} ${rng.pick(subjectWords).slice(0, 6)}`);
  return [...queries];
}

/** The raw FTS5 query the service's search is built on: the same MATCH text, ranked, limited. */
export function rawFtsSearch(db: CacheDb, limit: number): (text: string) => number {
  const statement = db.prepare(
    'SELECT rowid FROM cases_search WHERE cases_search MATCH ? ORDER BY rank LIMIT ?',
  );
  return (text) => {
    const match = toFtsQuery(text);
    return match === null ? 0 : statement.all(match, limit).length;
  };
}

interface MiniDoc {
  id: number;
  number: string;
  subject: string;
  parties: string;
}

/** The number, subject and party names of every cached case, as MiniSearch documents. */
export function readMiniDocs(db: CacheDb): MiniDoc[] {
  return db
    .prepare(
      `SELECT rowid AS id, number, subject,
         (SELECT group_concat(json_extract(p.value, '$.name'), ' ') FROM json_each(snapshot, '$.parties') p)
           AS parties
       FROM cases`,
    )
    .all() as MiniDoc[];
}

/** Lower case, õ ä ö ü š ž folded: what FTS5's `remove_diacritics 2` does for Estonian. */
const processTerm = (term: string) => fold(term.toLowerCase());

export function buildMiniSearch(docs: readonly MiniDoc[]): MiniSearch<MiniDoc> {
  const index = new MiniSearch<MiniDoc>({ fields: ['number', 'subject', 'parties'], processTerm });
  index.addAll(docs);
  return index;
}

/** Every word as a prefix, all of them required (as the service's search), best `limit` hits. */
export function miniSearch(index: MiniSearch<MiniDoc>, limit: number): (text: string) => number {
  return (text) => index.search(text, { prefix: true, combineWith: 'AND' }).slice(0, limit).length;
}

let gcFunction: (() => void) | null = null;
/** A full garbage collection, so heap figures compare live data only. */
export function collectGarbage(): void {
  if (!gcFunction) {
    setFlagsFromString('--expose-gc');
    gcFunction = runInNewContext('gc') as () => void;
  }
  gcFunction();
  gcFunction();
}

export const mb = (bytes: number) => bytes / 1024 / 1024;
