import type { Migration } from './migration.js';

/**
 * Decisions (statute §9, §11): each is a document of its case (`T-YY-N/D`, DOCX) with what
 * publication needs — whether it is final, when it was pronounced, and for 2nd and 3rd instance
 * decisions the keywords, annotations (each ending with the paragraph it refers to) and provisions.
 */
export const migration: Migration = {
  version: 7,
  name: 'decisions',
  up: `
CREATE TABLE decisions (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  document_id uuid UNIQUE REFERENCES documents(id),
  proceeding_id uuid REFERENCES proceedings(id),
  kind text NOT NULL CHECK (kind IN ('judgment', 'ruling', 'decision', 'order')),
  pronounced_at timestamptz,
  final boolean NOT NULL DEFAULT false,
  final_at timestamptz,
  keywords text[] NOT NULL DEFAULT '{}',
  annotations jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(annotations) = 'array'),
  provisions text[] NOT NULL DEFAULT '{}',
  ecli text UNIQUE CHECK (ecli IS NULL OR ecli ~ '^ECLI:EE:[A-Z]{2,5}:[0-9]{4}:[1-5][.][0-9]{2}[.][0-9]{1,6}[.][0-9]{1,4}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (final = (final_at IS NOT NULL))
);
CREATE INDEX decisions_case_idx ON decisions (case_id);
CREATE TRIGGER decisions_touch_case AFTER INSERT OR UPDATE OR DELETE ON decisions
  FOR EACH ROW EXECUTE FUNCTION touch_case_of_row();
`,
};
