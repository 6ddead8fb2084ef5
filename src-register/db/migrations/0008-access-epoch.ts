import type { Migration } from './migration.js';

/**
 * Access epochs (issue 3 item 7): what a user may see changes when their role assignments or
 * `active` change, not only when a case does. The counter moves on every such row change so the
 * change feed can tell a client to pull everything again; dates passing are folded in by the
 * reader (see `readAccessEpoch`), as no row changes then.
 */
export const migration: Migration = {
  version: 8,
  name: 'access-epoch',
  up: `
ALTER TABLE users ADD COLUMN access_epoch bigint NOT NULL DEFAULT 1;

CREATE FUNCTION bump_access_epoch_of_assignment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE users SET access_epoch = access_epoch + 1 WHERE id = OLD.user_id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE users SET access_epoch = access_epoch + 1 WHERE id = NEW.user_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER role_assignments_bump_access_epoch AFTER INSERT OR UPDATE OR DELETE ON role_assignments
  FOR EACH ROW EXECUTE FUNCTION bump_access_epoch_of_assignment();

CREATE FUNCTION bump_access_epoch_of_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.access_epoch := OLD.access_epoch + 1;
  RETURN NEW;
END $$;
CREATE TRIGGER users_bump_access_epoch BEFORE UPDATE OF active ON users
  FOR EACH ROW WHEN (OLD.active IS DISTINCT FROM NEW.active) EXECUTE FUNCTION bump_access_epoch_of_user();
`,
};
