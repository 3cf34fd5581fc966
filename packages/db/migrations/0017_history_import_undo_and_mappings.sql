-- The historical import (docs/import.md): an import can be undone, and the coordinator's mapping
-- of a workbook in another shape is kept for the next upload of the same shape.

-- What a written import created (and the employer statuses it changed), so that it can be undone:
-- its rows are removed in the reverse order, the statuses put back. Filled in the import's own
-- transaction; an import from the command line (no job) keeps none and cannot be undone.
CREATE TABLE history_import_row (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  job_id uuid NOT NULL REFERENCES import_job (id),
  entity text NOT NULL CHECK (entity IN ('person', 'event', 'contract', 'person_contact', 'employer',
    'employer_contact', 'partner', 'document', 'employment_period', 'employer_status')),
  entity_id uuid NOT NULL,
  -- employer_status: the employer's status before the import changed it.
  previous text CHECK (length(previous) <= 50),
  PRIMARY KEY (organisation_id, job_id, entity, entity_id)
);
CREATE INDEX history_import_row_job_idx ON history_import_row (job_id);

-- An undone import: when, by whom.
ALTER TABLE import_job
  ADD COLUMN undone_at timestamptz,
  ADD COLUMN undone_by uuid REFERENCES app_user (id);

-- The mapping a coordinator made for a table in another shape (one CSV file or one sheet), keyed by
-- the digest of its header: the next upload of a table with the same header is offered it again.
CREATE TABLE history_import_mapping (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  shape text NOT NULL CHECK (length(shape) BETWEEN 1 AND 100),
  target text NOT NULL CHECK (target IN ('employers', 'persons', 'contracts', 'events', 'person_contacts',
    'employer_contacts', 'tracking')),
  -- { "<column of the import>": "<heading of the table>" }
  columns jsonb NOT NULL CHECK (jsonb_typeof(columns) = 'object'),
  updated_by uuid REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, shape)
);

-- The trajectory log stays append-only; undoing an import may remove the events that import wrote,
-- and only inside the transaction of that undo (jobcoach.import_undo, set_config(..., true)). The
-- redaction and hard-deletion allowances of migration 0008 and the cancellation of migration 0015
-- are unchanged.
CREATE OR REPLACE FUNCTION trajectory_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND jc_only_cancels(to_jsonb(OLD), to_jsonb(NEW)) THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND current_setting('jobcoach.redaction', true) = 'on'
     AND (NEW.id, NEW.organisation_id, NEW.person_id, NEW.actor_id, NEW.at, NEW.date, NEW.transition_id,
          NEW.from_phase, NEW.to_phase, NEW.reason, NEW.cancelled_at, NEW.cancelled_by)
       IS NOT DISTINCT FROM (OLD.id, OLD.organisation_id, OLD.person_id, OLD.actor_id, OLD.at, OLD.date,
          OLD.transition_id, OLD.from_phase, OLD.to_phase, OLD.reason, OLD.cancelled_at, OLD.cancelled_by)
     AND NEW.detail IS NULL AND NEW.fields <@ OLD.fields THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' AND current_setting('jobcoach.hard_delete', true) = 'on' THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'DELETE' AND current_setting('jobcoach.import_undo', true) = 'on'
     AND EXISTS (SELECT 1 FROM history_import_row r WHERE r.organisation_id = OLD.organisation_id
       AND r.entity = 'event' AND r.entity_id = OLD.id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'trajectory_event is append-only';
END;
$$;
