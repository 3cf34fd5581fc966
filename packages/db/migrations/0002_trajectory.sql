-- Trajectory: partners, coached persons (intake, situation, phase), coachability assessments,
-- the append-only log of phase changes, employment periods, contacts, documents, coaches'
-- absences and per-organisation settings. Every tenant-owned row carries organisation_id, and
-- child rows point at their parent through (organisation_id, id) so that a row can never hang
-- under another organisation's record.

-- Lower-case and strip the accents French names carry, for searching "Helene" as "Hélène".
CREATE FUNCTION jc_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT translate(lower(value),
    'àáâãäåçèéêëìíîïñòóôõöùúûüýÿ',
    'aaaaaaceeeeiiiinooooouuuuyy')
$$;

CREATE TABLE partner (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  name text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
  type text NOT NULL CHECK (type IN ('cpas', 'forem', 'oisp_cisp', 'eft', 'debt_mediation', 'health',
    'childcare', 'union', 'school', 'association', 'other')),
  contact text CHECK (length(contact) <= 500),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, id)
);
CREATE UNIQUE INDEX partner_org_name_key ON partner (organisation_id, lower(name));

CREATE TABLE person (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  -- identity
  first_name text NOT NULL CHECK (length(trim(first_name)) BETWEEN 1 AND 100),
  last_name text NOT NULL CHECK (length(trim(last_name)) BETWEEN 1 AND 100),
  birth_date date,
  sex text NOT NULL CHECK (sex IN ('woman', 'man', 'not_stated')),
  niss text CHECK (niss ~ '^[0-9]{11}$'),
  address text CHECK (length(address) <= 300),
  postcode text CHECK (postcode ~ '^[0-9]{4}$'),
  commune text CHECK (length(commune) <= 100),
  phone text CHECK (length(phone) <= 30),
  email text CHECK (length(email) <= 200),
  -- statistics
  origin text CHECK (origin IN ('belgian_or_european', 'foreign_or_foreign_origin')),
  studies text CHECK (studies IN ('ceb', 'cesi', 'cess', 'other')),
  -- situation
  months_without_job integer CHECK (months_without_job BETWEEN 0 AND 1200),
  income text CHECK (income IN ('unemployment_benefit', 'integration_income', 'none', 'other')),
  single_parent boolean,
  children_count integer CHECK (children_count BETWEEN 0 AND 30),
  debt_settlement_plan boolean,
  driving_licence boolean,
  has_car boolean,
  public_transport boolean,
  max_travel_minutes integer CHECK (max_travel_minutes BETWEEN 0 AND 600),
  languages jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(languages) = 'array'),
  schedule_days jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(schedule_days) = 'array'),
  schedule_hours text CHECK (length(schedule_hours) <= 200),
  schedule_limits jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(schedule_limits) = 'array'),
  physical_limits text CHECK (length(physical_limits) <= 2000),
  wished_sectors jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(wished_sectors) = 'array'),
  wished_jobs jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(wished_jobs) = 'array'),
  cdi_only boolean NOT NULL DEFAULT false,
  skills_know_how text CHECK (length(skills_know_how) <= 5000),
  skills_soft text CHECK (length(skills_soft) <= 5000),
  notes text CHECK (length(notes) <= 10000),
  -- intake
  referral_kind text NOT NULL CHECK (referral_kind IN ('partner', 'spontaneous', 'word_of_mouth')),
  referral_partner_id uuid,
  referral_received_on date NOT NULL,
  information_session_on date,
  consent_on date,
  consent_scope text CHECK (length(consent_scope) <= 1000),
  trust_contract_signed_on date,
  -- trajectory
  phase text NOT NULL DEFAULT 'intake' CHECK (phase IN ('intake', 'pre_hire', 'hiring', 'follow_up', 'exited')),
  phase_since date NOT NULL,
  pre_hire_entry date,
  coach_id uuid,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  UNIQUE (organisation_id, id),
  FOREIGN KEY (organisation_id, referral_partner_id) REFERENCES partner (organisation_id, id),
  FOREIGN KEY (organisation_id, coach_id) REFERENCES membership (organisation_id, user_id),
  CHECK ((referral_kind = 'partner') = (referral_partner_id IS NOT NULL)),
  CHECK (phase NOT IN ('pre_hire', 'hiring', 'follow_up') OR pre_hire_entry IS NOT NULL)
);
CREATE UNIQUE INDEX person_org_niss_key ON person (organisation_id, niss)
  WHERE niss IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX person_org_coach_phase_idx ON person (organisation_id, coach_id, phase) WHERE deleted_at IS NULL;
CREATE INDEX person_org_name_idx ON person (organisation_id, last_name, first_name) WHERE deleted_at IS NULL;

-- History of intake assessments; the latest one is the current decision.
CREATE TABLE coachability_assessment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL,
  person_id uuid NOT NULL,
  assessed_on date NOT NULL,
  conditions jsonb NOT NULL CHECK (jsonb_typeof(conditions) = 'object'),
  decision text NOT NULL CHECK (decision IN ('accepted', 'postponed', 'redirected')),
  review_date date,
  redirect_partner_id uuid,
  reason text CHECK (length(reason) <= 2000),
  assessor_id uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organisation_id, person_id) REFERENCES person (organisation_id, id),
  FOREIGN KEY (organisation_id, redirect_partner_id) REFERENCES partner (organisation_id, id),
  CHECK (decision <> 'postponed' OR review_date > assessed_on),
  CHECK (decision <> 'redirected' OR (redirect_partner_id IS NOT NULL AND reason IS NOT NULL))
);
CREATE INDEX coachability_assessment_person_idx ON coachability_assessment (person_id, created_at DESC);

-- Append-only log of phase changes: who, when, from, to, which move, why.
CREATE TABLE trajectory_event (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL,
  person_id uuid NOT NULL,
  actor_id uuid REFERENCES app_user (id),
  at timestamptz NOT NULL DEFAULT now(),
  date date NOT NULL,
  transition_id text NOT NULL CHECK (transition_id IN ('enter_pre_hire', 'start_hiring', 'start_follow_up',
    'return_to_pre_hire', 'exit')),
  from_phase text NOT NULL CHECK (from_phase IN ('intake', 'pre_hire', 'hiring', 'follow_up', 'exited')),
  to_phase text NOT NULL CHECK (to_phase IN ('intake', 'pre_hire', 'hiring', 'follow_up', 'exited')),
  reason text CHECK (length(reason) <= 100),
  detail text CHECK (length(detail) <= 2000),
  fields jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(fields) = 'object'),
  FOREIGN KEY (organisation_id, person_id) REFERENCES person (organisation_id, id)
);
CREATE INDEX trajectory_event_person_idx ON trajectory_event (person_id, at);

CREATE FUNCTION trajectory_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'trajectory_event is append-only';
END;
$$;
CREATE TRIGGER trajectory_event_no_change BEFORE UPDATE OR DELETE ON trajectory_event
  FOR EACH ROW EXECUTE FUNCTION trajectory_event_append_only();

-- Jobs held by the person (entered by hand until the contracts issue lands); CDDs suspend the
-- pre-hire clock.
CREATE TABLE employment_period (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL,
  person_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('cdd', 'cdi', 'other')),
  start_on date NOT NULL,
  end_on date CHECK (end_on >= start_on),
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organisation_id, person_id) REFERENCES person (organisation_id, id)
);
CREATE INDEX employment_period_person_idx ON employment_period (person_id, start_on);

CREATE TABLE contact (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL,
  person_id uuid NOT NULL,
  date date NOT NULL,
  with_whom text NOT NULL CHECK (with_whom IN ('person', 'employer', 'partner')),
  counterpart text CHECK (length(counterpart) <= 200),
  channel text NOT NULL CHECK (channel IN ('office_meeting', 'workplace_visit', 'phone', 'video',
    'letter_email', 'group_session')),
  duration_minutes integer CHECK (duration_minutes BETWEEN 1 AND 1440),
  notes text CHECK (length(notes) <= 10000),
  next_planned_on date CHECK (next_planned_on >= date),
  author_id uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organisation_id, person_id) REFERENCES person (organisation_id, id)
);
CREATE INDEX contact_person_date_idx ON contact (person_id, date DESC, created_at DESC);

-- Documents produced for a person (the signed trust contract, for now): timeline entries.
CREATE TABLE person_document (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL,
  person_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('trust_contract')),
  dated_on date NOT NULL,
  author_id uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organisation_id, person_id) REFERENCES person (organisation_id, id)
);
CREATE INDEX person_document_person_idx ON person_document (person_id);

-- A coach's absence and the colleague who covers their persons meanwhile.
CREATE TABLE absence (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL,
  coach_id uuid NOT NULL,
  from_on date NOT NULL,
  to_on date NOT NULL,
  cover_coach_id uuid NOT NULL,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organisation_id, coach_id) REFERENCES membership (organisation_id, user_id),
  FOREIGN KEY (organisation_id, cover_coach_id) REFERENCES membership (organisation_id, user_id),
  CHECK (to_on >= from_on),
  CHECK (cover_coach_id <> coach_id)
);
CREATE INDEX absence_org_to_idx ON absence (organisation_id, to_on);
CREATE INDEX absence_cover_idx ON absence (organisation_id, cover_coach_id, from_on, to_on);

-- Absent row = the defaults (20 persons per FTE, the domain's cadence, the default template).
CREATE TABLE organisation_settings (
  organisation_id uuid PRIMARY KEY REFERENCES organisation (id),
  persons_per_fte numeric(5, 2) NOT NULL DEFAULT 20 CHECK (persons_per_fte > 0 AND persons_per_fte <= 100),
  cadence jsonb NOT NULL CHECK (jsonb_typeof(cadence) = 'object'),
  trust_contract_template text NOT NULL CHECK (length(trust_contract_template) BETWEEN 1 AND 20000),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);
