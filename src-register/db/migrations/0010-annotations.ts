import type { Migration } from './migration.js';

const up = `
-- A user's private note or highlight on a region of a document's page (issue 7): only its author
-- reads it and only its author is sent it. The id is made by the client. A deleted one stays as a
-- tombstone (deleted, text emptied) so every device of the user hears of the deletion. Its version
-- comes from the one change sequence, so the feed orders it with cases and notes by one cursor.
CREATE TABLE document_annotations (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  -- The document's case when the annotation was made, for the feed's visibility check.
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  page integer NOT NULL CHECK (page > 0 AND page <= 100000),
  rect_x double precision NOT NULL CHECK (rect_x >= 0 AND rect_x <= 1),
  rect_y double precision NOT NULL CHECK (rect_y >= 0 AND rect_y <= 1),
  rect_width double precision NOT NULL CHECK (rect_width >= 0 AND rect_width <= 1),
  rect_height double precision NOT NULL CHECK (rect_height >= 0 AND rect_height <= 1),
  kind text NOT NULL CHECK (kind IN ('note', 'highlight')),
  text text NOT NULL CHECK (length(text) <= 4000),
  color text NOT NULL CHECK (color IN ('yellow', 'green', 'blue', 'pink')),
  deleted boolean NOT NULL DEFAULT false,
  version bigint NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (NOT deleted OR text = '')
);
CREATE INDEX document_annotations_user_version_idx ON document_annotations (user_id, version);
CREATE INDEX document_annotations_document_idx ON document_annotations (document_id);
CREATE INDEX document_annotations_case_idx ON document_annotations (case_id);
`;

export const migration: Migration = { version: 10, name: 'annotations', up };
