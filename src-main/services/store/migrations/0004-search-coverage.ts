import type { Migration } from './index.js';

/**
 * The search index also covers parties' codes and representatives, procedural steps (kind and
 * description) and keeps document titles; columns are weighted so a hit on the case number or a
 * party ranks above one in a step. FTS5 columns cannot be altered, so the index is dropped and
 * rebuilt from the cached snapshots, in SQL and in this migration's transaction. The text matches
 * `searchFields()` in ../search-index.ts (a test compares them); this copy is frozen with the
 * migration.
 */
export const searchCoverageSchema: Migration = {
  version: 4,
  name: 'search-coverage',
  up(db) {
    db.exec(`
      DROP TABLE cases_search;
      -- rowid = cases.rowid. remove_diacritics 2 folds Õ, Ä, Ö, Ü, Š, Ž so "magi" finds "Mägi".
      CREATE VIRTUAL TABLE cases_search USING fts5 (
        number, subject, parties, steps, document_titles,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      INSERT INTO cases_search (cases_search, rank)
        VALUES ('rank', 'bm25(10.0, 4.0, 4.0, 1.0, 2.0)');
      INSERT INTO cases_search (rowid, number, subject, parties, steps, document_titles)
      SELECT c.rowid, c.number, c.subject,
        coalesce((SELECT group_concat(concat_ws(' ', p.value ->> '$.name', p.value ->> '$.code',
                                                p.value ->> '$.representative'), char(10))
                  FROM json_each(c.snapshot, '$.parties') p), ''),
        coalesce((SELECT group_concat(concat_ws(' ', s.value ->> '$.kind', s.value ->> '$.description'),
                                      char(10))
                  FROM json_each(c.snapshot, '$.steps') s), ''),
        coalesce((SELECT group_concat(d.value ->> '$.title', char(10))
                  FROM json_each(c.snapshot, '$.documents') d), '')
      FROM cases c;
    `);
  },
};
