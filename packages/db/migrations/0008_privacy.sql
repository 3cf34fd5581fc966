-- Data protection (docs/security.md, "Consent, rights and retention"): consent records per purpose,
-- hand-offs of a person's data to a partner, erasure (anonymisation) that keeps the reports true,
-- the retention setting and the retention job's run reports, and hard deletion by the admin.

-- What the person agreed to, for which purpose, after which information. One row per consent
-- given; a withdrawal is recorded on the row (the consent stays as history).
--   processing            the organisation processes the person's data for the coaching;
--   sharing_with_partner  the organisation may pass the person's data to one named partner;
--   employer_contact      the coach may present the person to employers and talk about them.
CREATE TABLE person_consent (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL,
  person_id uuid NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('processing', 'sharing_with_partner', 'employer_contact')),
  partner_id uuid,
  given_on date NOT NULL,
  -- The information given before the consent: when, and which notice (version or description).
  information_on date,
  notice text CHECK (length(trim(notice)) BETWEEN 1 AND 300),
  note text CHECK (length(note) <= 1000),
  withdrawn_on date,
  recorded_by uuid REFERENCES app_user (id),
  withdrawn_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, id),
  FOREIGN KEY (organisation_id, person_id) REFERENCES person (organisation_id, id),
  FOREIGN KEY (organisation_id, partner_id) REFERENCES partner (organisation_id, id),
  CHECK ((purpose = 'sharing_with_partner') = (partner_id IS NOT NULL)),
  CHECK (withdrawn_on >= given_on),
  CHECK (information_on <= given_on)
);
CREATE INDEX person_consent_person_idx ON person_consent (person_id, given_on DESC);
-- At most one consent in force per person, purpose and partner.
CREATE UNIQUE INDEX person_consent_active_key
  ON person_consent (person_id, purpose, coalesce(partner_id, '00000000-0000-0000-0000-000000000000'::uuid))
  WHERE withdrawn_on IS NULL;

-- The consent recorded at intake (person.consent_on, consent_scope) becomes a processing consent.
INSERT INTO person_consent (organisation_id, person_id, purpose, given_on, information_on, notice, note,
  recorded_by, created_at, updated_at)
SELECT organisation_id, id, 'processing', consent_on,
  CASE WHEN information_session_on <= consent_on THEN information_session_on END,
  'Consentement recueilli à l''accueil', consent_scope, created_by, created_at, created_at
FROM person
WHERE consent_on IS NOT NULL;

-- From now on, a consent date typed on the intake form records the same processing consent.
CREATE FUNCTION person_intake_consent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.consent_on IS NOT NULL AND NEW.erased_at IS NULL
     AND (TG_OP = 'INSERT' OR OLD.consent_on IS DISTINCT FROM NEW.consent_on)
     AND NOT EXISTS (SELECT 1 FROM person_consent c WHERE c.person_id = NEW.id
       AND c.purpose = 'processing' AND c.withdrawn_on IS NULL) THEN
    INSERT INTO person_consent (organisation_id, person_id, purpose, given_on, information_on, notice,
      recorded_by, created_at, updated_at)
    VALUES (NEW.organisation_id, NEW.id, 'processing', NEW.consent_on,
      CASE WHEN NEW.information_session_on <= NEW.consent_on THEN NEW.information_session_on END,
      'Consentement recueilli à l''accueil', NEW.created_by, NEW.updated_at, NEW.updated_at);
  END IF;
  RETURN NULL;
END;
$$;

-- Erasure: the person row stays (its statistical categories and dates feed the reports), marked
-- erased; its identity, contact details and free texts are gone.
ALTER TABLE person
  ADD COLUMN erased_at timestamptz,
  ADD COLUMN erasure_kind text CHECK (erasure_kind IN ('request', 'retention')),
  ADD CONSTRAINT person_erasure_kind CHECK ((erased_at IS NULL) = (erasure_kind IS NULL));
CREATE INDEX person_retention_idx ON person (organisation_id, phase, phase_since) WHERE erased_at IS NULL;

CREATE TRIGGER person_intake_consent AFTER INSERT OR UPDATE OF consent_on ON person
  FOR EACH ROW EXECUTE FUNCTION person_intake_consent();

-- What was handed to a partner, when, by whom, on which consent (GDPR art. 15: the recipients).
-- The summary itself is not kept: only which parts of the file it held.
CREATE TABLE person_handoff (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL,
  person_id uuid NOT NULL,
  partner_id uuid NOT NULL,
  consent_id uuid NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('report_to_prescriber', 'referral_to_service', 'joint_follow_up')),
  sections jsonb NOT NULL CHECK (jsonb_typeof(sections) = 'array'),
  note text CHECK (length(note) <= 2000),
  shared_on date NOT NULL,
  shared_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organisation_id, person_id) REFERENCES person (organisation_id, id),
  FOREIGN KEY (organisation_id, partner_id) REFERENCES partner (organisation_id, id),
  FOREIGN KEY (organisation_id, consent_id) REFERENCES person_consent (organisation_id, id)
);
CREATE INDEX person_handoff_person_idx ON person_handoff (person_id, created_at DESC);

-- Years after the exit after which the retention job anonymises a person (default 5).
ALTER TABLE organisation_settings ADD COLUMN retention_years integer NOT NULL DEFAULT 5
  CHECK (retention_years BETWEEN 1 AND 30);

-- Each run of the retention job (scheduled, or from the command line) and what it did.
CREATE TABLE retention_run (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  trigger text NOT NULL CHECK (trigger IN ('schedule', 'command_line')),
  dry_run boolean NOT NULL DEFAULT false,
  today date NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  anonymised integer NOT NULL DEFAULT 0 CHECK (anonymised >= 0),
  error text CHECK (length(error) <= 2000)
);
CREATE INDEX retention_run_started_idx ON retention_run (started_at DESC);

CREATE TABLE retention_run_organisation (
  run_id uuid NOT NULL REFERENCES retention_run (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  retention_years integer NOT NULL,
  -- Persons who left on or before this day (or were deleted, or stayed in intake untouched) are due.
  cutoff date NOT NULL,
  anonymised integer NOT NULL CHECK (anonymised >= 0),
  PRIMARY KEY (run_id, organisation_id)
);
CREATE INDEX retention_run_organisation_org_idx ON retention_run_organisation (organisation_id);

-- Append-only tables may be redacted by an erasure, and only that: inside a transaction that set
-- jobcoach.redaction (set_config(..., true), transaction-local), an UPDATE may only clear free
-- text; inside one that set jobcoach.hard_delete, the admin's hard deletion may remove a person's
-- rows. Everything else is still refused.
CREATE OR REPLACE FUNCTION trajectory_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('jobcoach.redaction', true) = 'on'
     AND (NEW.id, NEW.organisation_id, NEW.person_id, NEW.actor_id, NEW.at, NEW.date, NEW.transition_id,
          NEW.from_phase, NEW.to_phase, NEW.reason)
       IS NOT DISTINCT FROM (OLD.id, OLD.organisation_id, OLD.person_id, OLD.actor_id, OLD.at, OLD.date,
          OLD.transition_id, OLD.from_phase, OLD.to_phase, OLD.reason)
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
  IF TG_OP = 'UPDATE' AND current_setting('jobcoach.redaction', true) = 'on'
     AND (NEW.id, NEW.organisation_id, NEW.presentation_id, NEW.step, NEW.date, NEW.channel, NEW.author_id, NEW.at)
       IS NOT DISTINCT FROM (OLD.id, OLD.organisation_id, OLD.presentation_id, OLD.step, OLD.date,
          OLD.channel, OLD.author_id, OLD.at)
     AND NEW.reason IS NULL THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' AND current_setting('jobcoach.hard_delete', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'presentation_step is append-only';
END;
$$;

-- The audit log is never deleted from, not even by a hard deletion (its rows hold ids, not names).
-- An erasure may only rewrite an entry's details (to strip a personal value that slipped in).
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('jobcoach.redaction', true) = 'on'
     AND (NEW.id, NEW.at, NEW.actor_id, NEW.organisation_id, NEW.action, NEW.entity, NEW.entity_id,
          NEW.client_address)
       IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.actor_id, OLD.organisation_id, OLD.action, OLD.entity,
          OLD.entity_id, OLD.client_address) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
