import type { Migration } from './migration.js';

// Enumerations written out, as in 0001: this text must never change once it has run somewhere.
const PROCEDURE_TYPES = `'criminal','civil','administrative','misdemeanour','constitutional'`;

const up = `
-- A court's work allocation plan (issue 3 item 3). Versions are immutable: a change is a new version
-- saying who made it, when and why, so any past draw can be judged against the plan it ran under.
CREATE TABLE allocation_plan_versions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  court_code text NOT NULL REFERENCES courts(code),
  version integer NOT NULL CHECK (version >= 1),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users(id),
  reason text NOT NULL CHECK (length(reason) >= 1),
  UNIQUE (court_code, version)
);

CREATE TABLE allocation_plan_entries (
  plan_id bigint NOT NULL REFERENCES allocation_plan_versions(id),
  judge_id uuid NOT NULL REFERENCES users(id),
  procedure_types text[] NOT NULL CHECK (cardinality(procedure_types) >= 1
    AND procedure_types <@ ARRAY[${PROCEDURE_TYPES}]::text[]),
  -- NULL: every category of those procedure types.
  categories text[] CHECK (categories IS NULL OR cardinality(categories) >= 1),
  weight double precision NOT NULL CHECK (weight > 0 AND weight <= 2),
  panel_member boolean NOT NULL,
  PRIMARY KEY (plan_id, judge_id)
);

-- A judge kept away from a procedure type and/or category (NULL = any) under this plan version.
CREATE TABLE allocation_plan_exclusions (
  plan_id bigint NOT NULL REFERENCES allocation_plan_versions(id),
  position integer NOT NULL,
  judge_id uuid NOT NULL REFERENCES users(id),
  procedure_type text CHECK (procedure_type IN (${PROCEDURE_TYPES})),
  category text,
  reason text NOT NULL,
  PRIMARY KEY (plan_id, position)
);

CREATE FUNCTION allocation_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER allocation_plan_versions_immutable BEFORE UPDATE OR DELETE ON allocation_plan_versions
  FOR EACH ROW EXECUTE FUNCTION allocation_reject_change();
CREATE TRIGGER allocation_plan_entries_immutable BEFORE UPDATE OR DELETE ON allocation_plan_entries
  FOR EACH ROW EXECUTE FUNCTION allocation_reject_change();
CREATE TRIGGER allocation_plan_exclusions_immutable BEFORE UPDATE OR DELETE ON allocation_plan_exclusions
  FOR EACH ROW EXECUTE FUNCTION allocation_reject_change();

-- Whether a court hears a procedure type in three-judge panels; no row means a single judge.
CREATE TABLE court_allocation_settings (
  court_code text NOT NULL REFERENCES courts(code),
  procedure_type text NOT NULL CHECK (procedure_type IN (${PROCEDURE_TYPES})),
  sits_in_panels boolean NOT NULL,
  PRIMARY KEY (court_code, procedure_type)
);

CREATE TABLE judge_absences (
  id uuid PRIMARY KEY,
  court_code text NOT NULL REFERENCES courts(code),
  judge_id uuid NOT NULL REFERENCES users(id),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  reason text NOT NULL,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on)
);
CREATE INDEX judge_absences_court_idx ON judge_absences (court_code, starts_on, ends_on);

CREATE TABLE case_recusals (
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  judge_id uuid NOT NULL REFERENCES users(id),
  reason text NOT NULL,
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, judge_id)
);

-- The judges of a case: position 1 presides (and is cases.judge_id); 2 and 3 complete a panel.
CREATE TABLE case_judges (
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  judge_id uuid NOT NULL REFERENCES users(id),
  position smallint NOT NULL CHECK (position BETWEEN 1 AND 3),
  PRIMARY KEY (case_id, judge_id),
  UNIQUE (case_id, position)
);
CREATE INDEX case_judges_judge_idx ON case_judges (judge_id);
CREATE TRIGGER case_judges_touch_case AFTER INSERT OR UPDATE OR DELETE ON case_judges
  FOR EACH ROW EXECUTE FUNCTION touch_case_of_row();

-- Who the parties and what the subject were at filing, as one normalised hash (refiling.ts): a new
-- case with the same key as one filed or withdrawn in the last 90 days goes to that case's judge.
-- Normalised in the register, not with lower(), whose result depends on the database's locale.
ALTER TABLE cases ADD COLUMN refiling_key text CHECK (refiling_key ~ '^[0-9a-f]{64}$');
CREATE INDEX cases_refiling_idx ON cases (court_code, procedure_type, refiling_key) WHERE refiling_key IS NOT NULL;

-- Every draw, plan change, refiling and manual reassignment with all its inputs. Each row's hash is
-- sha256(prev_hash || canonical JSON of the row), computed by the register; the trigger below makes
-- the table append-only for everyone, so a changed row can only come from someone bypassing it, and
-- the verification endpoint then finds the broken link.
CREATE TABLE allocation_log (
  seq bigint PRIMARY KEY CHECK (seq >= 1),
  at timestamptz NOT NULL,
  kind text NOT NULL CHECK (kind IN ('draw','plan_change','manual_reassignment','refiling')),
  court_code text NOT NULL REFERENCES courts(code),
  case_id uuid,
  inputs jsonb NOT NULL,
  result jsonb NOT NULL,
  prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$')
);
CREATE INDEX allocation_log_case_idx ON allocation_log (case_id);
CREATE TRIGGER allocation_log_append_only BEFORE UPDATE OR DELETE ON allocation_log
  FOR EACH ROW EXECUTE FUNCTION allocation_reject_change();
CREATE TRIGGER allocation_log_no_truncate BEFORE TRUNCATE ON allocation_log
  FOR EACH STATEMENT EXECUTE FUNCTION allocation_reject_change();
`;

export const migration: Migration = { version: 2, name: 'allocation', up };
