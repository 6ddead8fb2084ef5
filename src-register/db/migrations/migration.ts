/** One schema step. `up` is PostgreSQL SQL that must run on PGlite and on PostgreSQL 15+. */
export interface Migration {
  version: number;
  name: string;
  up: string;
}
