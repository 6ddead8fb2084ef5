import type { Migration } from './migration.js';

const up = `
-- Former numbers of a case (issue 3 item 2): imported history carries numbers in older grammars, such
-- as the Supreme Court's 3-2-1-161-05 from before 2017. A number names at most one case.
CREATE TABLE case_aliases (
  number text PRIMARY KEY CHECK (number ~ '^[0-9][0-9/-]{2,38}[0-9]$'),
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_aliases_case_idx ON case_aliases (case_id);

-- A case keeps its number for life; each court that hears it is one proceeding: the first at
-- registration, then one per appeal. The case row's court is the court of its latest proceeding.
CREATE TABLE proceedings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  seq smallint NOT NULL CHECK (seq >= 1),
  court_code text NOT NULL REFERENCES courts(code),
  level smallint NOT NULL CHECK (level BETWEEN 1 AND 3),
  kind text NOT NULL CHECK (kind IN ('first_instance','appeal','cassation','constitutional_review')),
  started_at timestamptz NOT NULL,
  ended_at timestamptz,
  judge_ids uuid[] NOT NULL DEFAULT '{}',
  UNIQUE (case_id, seq)
);
CREATE INDEX proceedings_court_idx ON proceedings (court_code);

-- Every case has its first proceeding from the moment it exists, however it was inserted (registration,
-- the demo seed, an import), so no reader ever meets a case without one.
CREATE FUNCTION cases_first_proceeding() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO proceedings (case_id, seq, court_code, level, kind, started_at, judge_ids)
  SELECT NEW.id, 1, NEW.court_code, ct.level,
         CASE WHEN NEW.procedure_type = 'constitutional' THEN 'constitutional_review'
              WHEN ct.level = 1 THEN 'first_instance' WHEN ct.level = 2 THEN 'appeal' ELSE 'cassation' END,
         NEW.registered_at,
         CASE WHEN NEW.judge_id IS NULL THEN '{}'::uuid[] ELSE ARRAY[NEW.judge_id] END
  FROM courts ct WHERE ct.code = NEW.court_code;
  RETURN NULL;
END $$;
CREATE TRIGGER cases_first_proceeding AFTER INSERT ON cases
  FOR EACH ROW EXECUTE FUNCTION cases_first_proceeding();

INSERT INTO proceedings (case_id, seq, court_code, level, kind, started_at, judge_ids)
SELECT c.id, 1, c.court_code, ct.level,
       CASE WHEN c.procedure_type = 'constitutional' THEN 'constitutional_review'
            WHEN ct.level = 1 THEN 'first_instance' WHEN ct.level = 2 THEN 'appeal' ELSE 'cassation' END,
       c.registered_at,
       CASE WHEN c.judge_id IS NULL THEN '{}'::uuid[] ELSE ARRAY[c.judge_id] END
FROM cases c JOIN courts ct ON ct.code = c.court_code;

-- The last document number (/D) given in each case. The row is the lock that makes numbering gapless;
-- a case without a row continues after the highest number its documents already have.
CREATE TABLE case_document_counters (
  case_id uuid PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
  last_no integer NOT NULL CHECK (last_no >= 1)
);
INSERT INTO case_document_counters (case_id, last_no)
SELECT case_id, max(split_part(number, '/', 2)::integer) FROM documents GROUP BY case_id;

-- A registration retried with the same client request id gets the first answer again, not a second case.
CREATE TABLE registration_requests (
  request_id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  body_sha256 text NOT NULL CHECK (body_sha256 ~ '^[0-9a-f]{64}$'),
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  -- The allocation part of the first answer; the case itself is answered as it is now.
  allocation jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
`;

export const migration: Migration = { version: 3, name: 'registration', up };
