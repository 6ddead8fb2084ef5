import type { Migration } from './migration.js';

// Enumerations are written out, not generated from src-shared, so that this migration's text never
// changes after it has run somewhere: a later change to a list is a later migration.
const PROCEDURE_TYPES = `'criminal','civil','administrative','misdemeanour','constitutional'`;
const ROLES = `'court_president','judge','consultant','court_session_secretary','chancery_official',
  'head_of_chancery','observer','law_clerk','assistant_judge','judge_candidate','adviser','analyst',
  'specialist','interpreter','system_administrator','system_observer'`;
const OBSERVER_SCOPES = `'general','criminal_misdemeanour','civil_administrative','constitutional'`;

const up = `
-- One global change sequence: a case's version is bumped from it whenever the case or anything in it
-- changes, so a sync pull asks for "version > cursor". The advisory lock serialises writers from their
-- first case change to commit, so versions become visible in the order they were given out and a
-- reader's cursor can never pass a version that commits later.
CREATE SEQUENCE change_seq;
CREATE FUNCTION next_change_version() RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(4610002);
  RETURN nextval('change_seq');
END $$;

CREATE TABLE courts (
  code text PRIMARY KEY CHECK (code ~ '^[A-Z]{2,8}$'),
  name text NOT NULL,
  level smallint NOT NULL CHECK (level BETWEEN 1 AND 3),
  ecli_code text NOT NULL UNIQUE CHECK (ecli_code ~ '^[A-Z]{2,8}$')
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- Format only: the check digit is validated in code (isValidPersonalCode) before insert.
  personal_code text NOT NULL UNIQUE CHECK (personal_code ~ '^[1-8][0-9]{10}$'),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE role_assignments (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN (${ROLES})),
  court_code text REFERENCES courts(code),
  observer_scope text CHECK (observer_scope IN (${OBSERVER_SCOPES})),
  valid_from date NOT NULL DEFAULT current_date,
  valid_to date,
  CHECK ((role = 'observer') = (observer_scope IS NOT NULL)),
  CHECK ((role IN ('system_administrator','system_observer')) = (court_code IS NULL)),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX role_assignments_user_idx ON role_assignments (user_id);

CREATE TABLE cases (
  id uuid PRIMARY KEY,
  number text NOT NULL UNIQUE CHECK (number ~ '^[1-5]-[0-9]{2}-[1-9][0-9]{0,5}$'),
  procedure_type text NOT NULL CHECK (procedure_type IN (${PROCEDURE_TYPES})),
  court_code text NOT NULL REFERENCES courts(code),
  status text NOT NULL CHECK (status IN ('registered','in_progress','suspended','decided','closed')),
  subject text NOT NULL,
  category text,
  claim_value_cents bigint CHECK (claim_value_cents >= 0),
  restriction text NOT NULL DEFAULT 'none' CHECK (restriction IN ('none','closed','adoption')),
  registered_at timestamptz NOT NULL,
  judge_id uuid REFERENCES users(id),
  version bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cases_version_idx ON cases (version);
CREATE INDEX cases_court_type_idx ON cases (court_code, procedure_type);
CREATE INDEX cases_judge_idx ON cases (judge_id);

-- The next running number per procedure type and registration year (gapless numbering, issue 3).
CREATE TABLE case_number_counters (
  procedure_type text NOT NULL CHECK (procedure_type IN (${PROCEDURE_TYPES})),
  year integer NOT NULL CHECK (year BETWEEN 1990 AND 2189),
  next integer NOT NULL CHECK (next >= 1),
  PRIMARY KEY (procedure_type, year)
);

CREATE TABLE parties (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('natural','legal')),
  name text NOT NULL,
  code text,
  role text NOT NULL,
  representative text
);
CREATE INDEX parties_case_idx ON parties (case_id);

CREATE TABLE hearings (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  starts_at timestamptz NOT NULL,
  room text NOT NULL,
  public boolean NOT NULL,
  kind text NOT NULL,
  secretary_id uuid REFERENCES users(id)
);
CREATE INDEX hearings_case_idx ON hearings (case_id);
CREATE INDEX hearings_secretary_idx ON hearings (secretary_id);

CREATE TABLE hearing_judges (
  hearing_id uuid NOT NULL REFERENCES hearings(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id),
  position smallint NOT NULL,
  PRIMARY KEY (hearing_id, user_id)
);
CREATE INDEX hearing_judges_user_idx ON hearing_judges (user_id);

CREATE TABLE documents (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  number text NOT NULL UNIQUE CHECK (number ~ '^[1-5]-[0-9]{2}-[1-9][0-9]{0,5}/[1-9][0-9]{0,3}$'),
  kind text NOT NULL,
  title text NOT NULL,
  media_type text NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint NOT NULL CHECK (size >= 0),
  pages integer CHECK (pages > 0),
  restricted boolean NOT NULL DEFAULT false,
  filed_at timestamptz NOT NULL
);
CREATE INDEX documents_case_idx ON documents (case_id);

CREATE TABLE procedural_steps (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  kind text NOT NULL,
  occurred_at timestamptz NOT NULL,
  entered_at timestamptz NOT NULL,
  entered_by uuid REFERENCES users(id),
  description text NOT NULL
);
CREATE INDEX procedural_steps_case_idx ON procedural_steps (case_id);

-- Only the SHA-256 of a session token is stored: a leaked table does not sign anyone in.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  method text NOT NULL CHECK (method IN ('dev','id-card')),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Statute §18¹: who (name and personal code as they were at the time), when, what, on which object.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid,
  actor_name text NOT NULL,
  actor_personal_code text,
  action text NOT NULL,
  object_type text NOT NULL,
  object_id text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_object_idx ON audit_log (object_type, object_id);

CREATE FUNCTION cases_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := next_change_version();
  NEW.updated_at := now();
  RETURN NEW;
END $$;
CREATE TRIGGER cases_bump_version BEFORE INSERT OR UPDATE ON cases
  FOR EACH ROW EXECUTE FUNCTION cases_bump_version();

-- A change to a row inside a case touches the case, whose own trigger then bumps its version.
CREATE FUNCTION touch_case_of_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE cases SET updated_at = now() WHERE id = OLD.case_id;
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.case_id IS DISTINCT FROM OLD.case_id) THEN
    UPDATE cases SET updated_at = now() WHERE id = NEW.case_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER parties_touch_case AFTER INSERT OR UPDATE OR DELETE ON parties
  FOR EACH ROW EXECUTE FUNCTION touch_case_of_row();
CREATE TRIGGER hearings_touch_case AFTER INSERT OR UPDATE OR DELETE ON hearings
  FOR EACH ROW EXECUTE FUNCTION touch_case_of_row();
CREATE TRIGGER documents_touch_case AFTER INSERT OR UPDATE OR DELETE ON documents
  FOR EACH ROW EXECUTE FUNCTION touch_case_of_row();
CREATE TRIGGER procedural_steps_touch_case AFTER INSERT OR UPDATE OR DELETE ON procedural_steps
  FOR EACH ROW EXECUTE FUNCTION touch_case_of_row();

CREATE FUNCTION touch_case_of_hearing_judge() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE cases SET updated_at = now() WHERE id = (SELECT case_id FROM hearings WHERE id = OLD.hearing_id);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE cases SET updated_at = now() WHERE id = (SELECT case_id FROM hearings WHERE id = NEW.hearing_id);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER hearing_judges_touch_case AFTER INSERT OR UPDATE OR DELETE ON hearing_judges
  FOR EACH ROW EXECUTE FUNCTION touch_case_of_hearing_judge();
`;

export const migration: Migration = { version: 1, name: 'foundation', up };
