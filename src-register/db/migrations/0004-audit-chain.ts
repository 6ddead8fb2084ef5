import type { Migration } from './migration.js';

// Hashes are computed in TypeScript (one canonical JSON for writing and verifying), so the rows
// written before this migration get their chain position here and their hashes from the first
// append or register start after it (backfillAuditChains), the one UPDATE the trigger allows.
// Design: docs/decisions/0007-audit-chain.md.
const up = `
ALTER TABLE audit_log
  ADD COLUMN chain text,
  ADD COLUMN seq bigint,
  ADD COLUMN prev_hash text CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  ADD COLUMN hash text CHECK (hash ~ '^[0-9a-f]{64}$');

-- Hashed times are JavaScript dates: milliseconds.
UPDATE audit_log SET at = date_trunc('milliseconds', at),
  chain = CASE WHEN action LIKE '%.read' THEN 'read' ELSE 'entry' END;
UPDATE audit_log a SET seq = n.seq
  FROM (SELECT id, row_number() OVER (PARTITION BY chain ORDER BY id) AS seq FROM audit_log) n
  WHERE a.id = n.id;

ALTER TABLE audit_log
  ALTER COLUMN chain SET NOT NULL,
  ALTER COLUMN seq SET NOT NULL,
  ALTER COLUMN at SET DEFAULT date_trunc('milliseconds', clock_timestamp()),
  ADD CONSTRAINT audit_log_chain_check CHECK (chain IN ('entry', 'read')),
  ADD CONSTRAINT audit_log_seq_check CHECK (seq >= 1),
  ADD CONSTRAINT audit_log_chain_seq_key UNIQUE (chain, seq),
  ADD CONSTRAINT audit_log_hashes_check CHECK ((hash IS NULL) = (prev_hash IS NULL)),
  -- §18¹: a person is recorded with their personal code; only the system itself has none.
  ADD CONSTRAINT audit_log_person_check CHECK (actor_user_id IS NULL OR actor_personal_code IS NOT NULL) NOT VALID;

-- The last record of each chain. Every append locks both rows (in chain order, so never a deadlock):
-- the chains can neither fork under concurrent writers nor lose their tail unnoticed.
CREATE TABLE audit_chain_heads (
  chain text PRIMARY KEY CHECK (chain IN ('entry', 'read')),
  seq bigint NOT NULL CHECK (seq >= 0),
  -- NULL while the rows written before this migration still wait for their hashes.
  hash text CHECK (hash ~ '^[0-9a-f]{64}$')
);
INSERT INTO audit_chain_heads (chain, seq, hash)
  SELECT c.chain, coalesce(max(a.seq), 0), CASE WHEN max(a.seq) IS NULL THEN repeat('0', 64) END
  FROM (VALUES ('entry'), ('read')) AS c(chain) LEFT JOIN audit_log a ON a.chain = c.chain
  GROUP BY c.chain;

-- Append-only: no UPDATE (but the one-time hash backfill), no DELETE (but the retention purge of
-- read records, which sets chambers.audit_purge for its own transaction), no TRUNCATE.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.hash IS NULL AND NEW.hash IS NOT NULL
       AND (to_jsonb(NEW) - 'hash' - 'prev_hash') = (to_jsonb(OLD) - 'hash' - 'prev_hash') THEN
      RETURN NEW;
    END IF;
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD.chain = 'read' AND current_setting('chambers.audit_purge', true) = 'on' THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
`;

export const migration: Migration = { version: 4, name: 'audit-chain', up };
