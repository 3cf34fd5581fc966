-- Historical import (docs/import.md): an organisation brings in the history of past years
-- (persons, trajectory events, contacts, employers, employer contacts, contracts) from CSV files or
-- an XLSX workbook. Each row carries the organisation's own key (external id); this table maps it to
-- the row the import created, so that importing the same file again updates or leaves rows alone
-- and never duplicates them.

CREATE TABLE history_import_key (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  entity text NOT NULL CHECK (entity IN ('person', 'event', 'person_contact', 'employer',
    'employer_contact', 'contract')),
  external_id text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 100),
  entity_id uuid NOT NULL,
  -- Digest of the row as last imported: the same row again is "unchanged".
  content_hash text NOT NULL CHECK (length(content_hash) BETWEEN 1 AND 100),
  -- An employer found in the basin's registry by its BCE number: linked, never modified.
  matched boolean NOT NULL DEFAULT false,
  job_id uuid REFERENCES import_job (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, entity, external_id)
);
CREATE INDEX history_import_key_entity_idx ON history_import_key (entity_id);

-- Import jobs also run history imports, possibly as a dry run, with a per-entity summary.
ALTER TABLE import_job DROP CONSTRAINT import_job_kind_check;
ALTER TABLE import_job ADD CONSTRAINT import_job_kind_check CHECK (kind IN ('vacancies', 'history'));
ALTER TABLE import_job ADD COLUMN dry_run boolean NOT NULL DEFAULT false;
-- { entities: { person: { created, updated, unchanged, skipped }, … }, files: [...], skipped: [...] }
ALTER TABLE import_job ADD COLUMN summary jsonb CHECK (summary IS NULL OR jsonb_typeof(summary) = 'object');
