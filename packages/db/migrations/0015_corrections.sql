-- Corrections (docs/decisions.md, « Corrections »): a move of the trajectory, a contract or a
-- presentation step entered by mistake is cancelled, with a reason, never deleted; a contract's
-- terms are corrected, with a reason. The logs stay append-only but for the one update that marks a
-- row cancelled (once, changing nothing else). Every count and clock reads the facts not cancelled.

ALTER TABLE trajectory_event
  ADD COLUMN cancelled_at timestamptz,
  ADD COLUMN cancelled_by uuid REFERENCES app_user (id),
  ADD COLUMN cancellation_reason text CHECK (length(trim(cancellation_reason)) BETWEEN 3 AND 500),
  ADD CHECK ((cancelled_at IS NULL) = (cancellation_reason IS NULL));

ALTER TABLE presentation_step
  ADD COLUMN cancelled_at timestamptz,
  ADD COLUMN cancelled_by uuid REFERENCES app_user (id),
  ADD COLUMN cancellation_reason text CHECK (length(trim(cancellation_reason)) BETWEEN 3 AND 500),
  ADD CHECK ((cancelled_at IS NULL) = (cancellation_reason IS NULL));

ALTER TABLE contract
  ADD COLUMN cancelled_at timestamptz,
  ADD COLUMN cancelled_by uuid REFERENCES app_user (id),
  ADD COLUMN cancellation_reason text CHECK (length(trim(cancellation_reason)) BETWEEN 3 AND 500),
  ADD COLUMN corrected_at timestamptz,
  ADD COLUMN corrected_by uuid REFERENCES app_user (id),
  ADD COLUMN correction_reason text CHECK (length(trim(correction_reason)) BETWEEN 3 AND 500),
  ADD CHECK ((cancelled_at IS NULL) = (cancellation_reason IS NULL));

-- Whether an update only marks the row cancelled: the cancellation columns go from empty to set,
-- everything else stays.
CREATE FUNCTION jc_only_cancels(old_row jsonb, new_row jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT old_row ->> 'cancelled_at' IS NULL AND new_row ->> 'cancelled_at' IS NOT NULL
    AND (old_row - 'cancelled_at' - 'cancelled_by' - 'cancellation_reason')
      = (new_row - 'cancelled_at' - 'cancelled_by' - 'cancellation_reason')
$$;

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
  RAISE EXCEPTION 'trajectory_event is append-only';
END;
$$;

CREATE OR REPLACE FUNCTION presentation_step_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND jc_only_cancels(to_jsonb(OLD), to_jsonb(NEW)) THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND current_setting('jobcoach.redaction', true) = 'on'
     AND (NEW.id, NEW.organisation_id, NEW.presentation_id, NEW.step, NEW.date, NEW.channel, NEW.author_id, NEW.at,
          NEW.cancelled_at, NEW.cancelled_by)
       IS NOT DISTINCT FROM (OLD.id, OLD.organisation_id, OLD.presentation_id, OLD.step, OLD.date,
          OLD.channel, OLD.author_id, OLD.at, OLD.cancelled_at, OLD.cancelled_by)
     AND NEW.reason IS NULL THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' AND current_setting('jobcoach.hard_delete', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'presentation_step is append-only';
END;
$$;
