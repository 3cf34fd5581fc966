-- Contracts and follow-up (method.md §4–§6): the employment contracts coached persons sign, the
-- follow-up arrangement agreed at hiring (modalités de suivi), discreet follow-up, the end-of-coaching
-- letter. The contracts now drive the trajectory's clocks; employment_period stays for the jobs the
-- coach only hears about (entered by hand), and the clocks read both.

CREATE TABLE contract (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  person_id uuid NOT NULL,
  -- The basin's shared registry: an employer row belongs to a basin, not to an organisation.
  employer_id uuid NOT NULL REFERENCES employer (id),
  vacancy_id uuid,
  presentation_id uuid,
  type text NOT NULL CHECK (type IN ('cdi', 'cdd', 'interim', 'art_60_7', 'other_subsidised', 'immersion')),
  signed_on date NOT NULL,
  start_on date NOT NULL,
  planned_end_on date,
  hours_per_week numeric(4, 1) CHECK (hours_per_week > 0 AND hours_per_week <= 60),
  job_title text NOT NULL CHECK (length(trim(job_title)) BETWEEN 1 AND 200),
  hiring_aids jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(hiring_aids) = 'array'),
  actual_end_on date,
  end_reason text CHECK (end_reason IN ('term_reached', 'dismissal', 'resignation', 'abandonment',
    'trial_period_failed', 'converted_to_cdi', 'renewed')),
  end_detail text CHECK (length(end_detail) <= 2000),
  -- The contract this one continues: a CDD converted to CDI, a renewal.
  converted_from_contract_id uuid,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, id),
  FOREIGN KEY (organisation_id, person_id) REFERENCES person (organisation_id, id),
  FOREIGN KEY (organisation_id, vacancy_id) REFERENCES vacancy (organisation_id, id),
  FOREIGN KEY (organisation_id, presentation_id) REFERENCES presentation (organisation_id, id),
  FOREIGN KEY (organisation_id, converted_from_contract_id) REFERENCES contract (organisation_id, id),
  -- A fixed-term contract has a planned end; a CDI never has one.
  CHECK (type NOT IN ('cdd', 'interim', 'art_60_7', 'immersion') OR planned_end_on IS NOT NULL),
  CHECK (type <> 'cdi' OR planned_end_on IS NULL),
  CHECK (planned_end_on >= start_on),
  CHECK (actual_end_on >= start_on),
  -- An end is recorded with its reason, and a reason only with an end.
  CHECK ((actual_end_on IS NULL) = (end_reason IS NULL)),
  CHECK (converted_from_contract_id <> id)
);
CREATE INDEX contract_person_idx ON contract (person_id, start_on);
CREATE INDEX contract_org_running_idx ON contract (organisation_id, planned_end_on) WHERE actual_end_on IS NULL;
CREATE INDEX contract_employer_idx ON contract (employer_id);
-- A contract is continued (converted, renewed) at most once.
CREATE UNIQUE INDEX contract_converted_from_key ON contract (converted_from_contract_id)
  WHERE converted_from_contract_id IS NOT NULL;

-- The follow-up arrangement agreed at hiring with the employer and the person, one per contract.
CREATE TABLE follow_up_arrangement (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  person_id uuid NOT NULL,
  contract_id uuid NOT NULL,
  -- The employer's reference person for this follow-up (null: the registry's reference person).
  reference_name text CHECK (length(trim(reference_name)) BETWEEN 1 AND 200),
  reference_role text CHECK (length(reference_role) <= 200),
  reference_phone text CHECK (length(reference_phone) <= 30),
  reference_email text CHECK (length(reference_email) <= 200),
  mode text NOT NULL DEFAULT 'bilateral' CHECK (mode IN ('bilateral', 'phone', 'workplace_visits', 'three_way')),
  three_way_reason text CHECK (three_way_reason IN ('other_means_exhausted', 'explicit_request')),
  three_way_detail text CHECK (length(three_way_detail) <= 2000),
  -- Follow-up steps [{ untilMonth, days }] (the cadence's follow-up part); null: the organisation's.
  frequency jsonb CHECK (jsonb_typeof(frequency) = 'array'),
  consent_on date,
  -- Discreet follow-up: the employer is not told the person is coached.
  discreet boolean NOT NULL DEFAULT false,
  notes text CHECK (length(notes) <= 5000),
  version integer NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (contract_id),
  FOREIGN KEY (organisation_id, person_id) REFERENCES person (organisation_id, id),
  FOREIGN KEY (organisation_id, contract_id) REFERENCES contract (organisation_id, id),
  -- A three-way meeting only with a recorded reason (a last resort, method.md §6).
  CHECK ((mode = 'three_way') = (three_way_reason IS NOT NULL)),
  -- A discreet follow-up never meets the employer.
  CHECK (NOT discreet OR mode IN ('bilateral', 'phone')),
  CHECK (reference_name IS NOT NULL
    OR (reference_role IS NULL AND reference_phone IS NULL AND reference_email IS NULL))
);
CREATE INDEX follow_up_arrangement_person_idx ON follow_up_arrangement (person_id);
CREATE INDEX follow_up_arrangement_discreet_idx ON follow_up_arrangement (person_id) WHERE discreet;

-- A contact with an employer about a discreetly followed person was confirmed by the coach.
ALTER TABLE employer_contact ADD COLUMN discreet_confirmed boolean NOT NULL DEFAULT false;

-- The end-of-coaching letter joins the person's documents (and timeline).
ALTER TABLE person_document DROP CONSTRAINT person_document_kind_check;
ALTER TABLE person_document ADD CONSTRAINT person_document_kind_check
  CHECK (kind IN ('trust_contract', 'end_letter'));

-- Days before a fixed-term contract's planned end when "Ma journée" warns the coach.
ALTER TABLE organisation_settings ADD COLUMN cdd_alert_days integer NOT NULL DEFAULT 21
  CHECK (cdd_alert_days BETWEEN 1 AND 180);
