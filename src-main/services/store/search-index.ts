import type { CaseSnapshot } from '../../../src-shared/domain/index.js';
import type { CacheDb } from './cache.js';

/**
 * What the full-text index holds for a case, one FTS5 row per case with rowid = cases.rowid.
 * Parties are indexed with their name, personal or registry code and representative; steps with
 * their kind and description. The tokenizer (`unicode61 remove_diacritics 2`, migration 0004) folds
 * õ ä ö ü š ž, so "Mägi" and "Magi" find each other.
 *
 * Migration 0004 rebuilds the same text in SQL from the cached snapshots; the store test checks that
 * both give identical rows. A migration that changes the columns must rebuild the index likewise.
 */
export interface SearchFields {
  number: string;
  subject: string;
  parties: string;
  steps: string;
  document_titles: string;
}

const words = (...parts: ReadonlyArray<string | null>): string =>
  parts.filter((part): part is string => part !== null).join(' ');

export function searchFields(snapshot: CaseSnapshot): SearchFields {
  return {
    number: snapshot.number,
    subject: snapshot.subject,
    parties: snapshot.parties.map((party) => words(party.name, party.code, party.representative)).join('\n'),
    steps: snapshot.steps.map((step) => words(step.kind, step.description)).join('\n'),
    document_titles: snapshot.documents.map((document) => document.title).join('\n'),
  };
}

/** Statements to replace and drop a case's index row; prepare once per transaction. */
export function searchWriter(db: CacheDb): {
  put(rowid: number, snapshot: CaseSnapshot): void;
  remove(rowid: number): void;
} {
  const remove = db.prepare('DELETE FROM cases_search WHERE rowid = ?');
  const insert = db.prepare(
    `INSERT INTO cases_search (rowid, number, subject, parties, steps, document_titles)
     VALUES (@rowid, @number, @subject, @parties, @steps, @document_titles)`,
  );
  return {
    put(rowid, snapshot) {
      remove.run(rowid);
      insert.run({ rowid, ...searchFields(snapshot) });
    },
    remove(rowid) {
      remove.run(rowid);
    },
  };
}
