import type { Migration } from './migration.js';

// Enumerations written out, as in 0001: this text must never change once it has run somewhere.
const ROLES = `'court_president','judge','consultant','court_session_secretary','chancery_official',
  'head_of_chancery','observer','law_clerk','assistant_judge','judge_candidate','adviser','analyst',
  'specialist','interpreter','system_administrator','system_observer'`;

const up = `
-- Statute §17: the external system observer comes in the same sub-types as the court observer. A
-- system observer without one kept reading every procedure type, which is the general sub-type.
ALTER TABLE role_assignments DROP CONSTRAINT role_assignments_check;
UPDATE role_assignments SET observer_scope = 'general' WHERE role = 'system_observer' AND observer_scope IS NULL;
ALTER TABLE role_assignments ADD CONSTRAINT role_assignments_observer_roles_have_scope
  CHECK ((role IN ('observer','system_observer')) = (observer_scope IS NOT NULL));

-- Court staff assigned to one case besides its judges and hearing staff (law clerks, assistant
-- judges, interpreters…): with the judges they are who may open a closed or adoption case (§9).
CREATE TABLE case_staff (
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id),
  duty text NOT NULL CHECK (duty IN (${ROLES})),
  assigned_at timestamptz NOT NULL DEFAULT now(),
  assigned_by uuid REFERENCES users(id),
  PRIMARY KEY (case_id, user_id)
);
CREATE INDEX case_staff_user_idx ON case_staff (user_id);
-- Gaining or losing an assignment changes who sees the case, so the case's version moves.
CREATE TRIGGER case_staff_touch_case AFTER INSERT OR UPDATE OR DELETE ON case_staff
  FOR EACH ROW EXECUTE FUNCTION touch_case_of_row();
`;

export const migration: Migration = { version: 5, name: 'access', up };
