import type { Migration } from './migration.js';

const up = `
-- Everyone assigned to a case. Over-inclusive on purpose: it only decides who is sent a removal, and
-- a removal of a case one never had is harmless. Assignment tables of other migrations are read
-- when present, so the order in which those migrations run does not matter.
CREATE FUNCTION case_handler_ids(p_case uuid) RETURNS uuid[] LANGUAGE plpgsql STABLE AS $$
DECLARE
  ids uuid[];
  extra uuid[];
BEGIN
  SELECT coalesce(array_agg(u) FILTER (WHERE u IS NOT NULL), '{}') INTO ids FROM (
    SELECT judge_id AS u FROM cases WHERE id = p_case
    UNION SELECT secretary_id FROM hearings WHERE case_id = p_case
    UNION SELECT hj.user_id FROM hearings h JOIN hearing_judges hj ON hj.hearing_id = h.id
          WHERE h.case_id = p_case) s;
  IF to_regclass('case_judges') IS NOT NULL THEN
    EXECUTE 'SELECT coalesce(array_agg(judge_id), ''{}'') FROM case_judges WHERE case_id = $1'
      INTO extra USING p_case;
    ids := ids || extra;
  END IF;
  IF to_regclass('case_staff') IS NOT NULL THEN
    EXECUTE 'SELECT coalesce(array_agg(user_id), ''{}'') FROM case_staff WHERE case_id = $1'
      INTO extra USING p_case;
    ids := ids || extra;
  END IF;
  RETURN ids;
END $$;

-- The change feed: one row per version a case was given (or its deletion), with what access to the
-- case depended on after that change and before it. The "before" lets the feed send a removal to
-- exactly the users who could see the case until the change; no FK, a deleted case keeps its rows.
CREATE TABLE case_changes (
  seq bigint PRIMARY KEY,
  case_id uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  deleted boolean NOT NULL DEFAULT false,
  court_code text,
  procedure_type text,
  restriction text,
  handler_ids uuid[],
  prev_court_code text,
  prev_procedure_type text,
  prev_restriction text,
  prev_handler_ids uuid[]
);
CREATE INDEX case_changes_case_idx ON case_changes (case_id, seq);

CREATE FUNCTION case_changes_record() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
  prev case_changes%ROWTYPE;
BEGIN
  SELECT * INTO prev FROM case_changes WHERE case_id = target ORDER BY seq DESC LIMIT 1;
  IF TG_OP = 'DELETE' THEN
    INSERT INTO case_changes (seq, case_id, deleted, prev_court_code, prev_procedure_type,
                              prev_restriction, prev_handler_ids)
    VALUES (next_change_version(), target, true, prev.court_code, prev.procedure_type,
            prev.restriction, prev.handler_ids);
  ELSE
    INSERT INTO case_changes (seq, case_id, court_code, procedure_type, restriction, handler_ids,
                              prev_court_code, prev_procedure_type, prev_restriction, prev_handler_ids)
    VALUES (NEW.version, target, NEW.court_code, NEW.procedure_type, NEW.restriction,
            case_handler_ids(target), prev.court_code, prev.procedure_type, prev.restriction,
            prev.handler_ids);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER cases_record_change AFTER INSERT OR UPDATE OR DELETE ON cases
  FOR EACH ROW EXECUTE FUNCTION case_changes_record();

INSERT INTO case_changes (seq, case_id, at, court_code, procedure_type, restriction, handler_ids)
  SELECT version, id, updated_at, court_code, procedure_type, restriction, case_handler_ids(id) FROM cases;

-- A user's private note on a case: only its author reads it, and only its author is sent it. Its
-- version comes from the same sequence as case versions, so the feed orders both by one cursor.
CREATE TABLE case_notes (
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  text text NOT NULL CHECK (length(text) <= 20000),
  version bigint NOT NULL UNIQUE,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, user_id)
);
CREATE INDEX case_notes_user_version_idx ON case_notes (user_id, version);

-- Each client mutation id is applied at most once; its answer is kept and given again on a retry.
CREATE TABLE sync_mutations (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  kind text NOT NULL,
  request_sha256 text NOT NULL CHECK (request_sha256 ~ '^[0-9a-f]{64}$'),
  status text NOT NULL CHECK (status IN ('applied','rejected','conflict')),
  result jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sync_mutations_user_idx ON sync_mutations (user_id, received_at);
`;

export const migration: Migration = { version: 6, name: 'sync', up };
