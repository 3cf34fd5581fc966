-- Employers, vacancies, matching and presentations (method.md §6).
-- The employer registry is shared by the organisations of one employment basin: an employer row
-- belongs to a basin, not to an organisation. What an organisation writes about an employer (its
-- notes, its contacts) stays its own. Vacancies, presentations and import jobs are tenant rows.

CREATE TABLE employer (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  basin_id uuid NOT NULL REFERENCES basin (id),
  name text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
  -- Belgian enterprise number (BCE/KBO), 10 digits, mod-97 checked by the application.
  bce text CHECK (bce ~ '^[01][0-9]{9}$'),
  -- NACE-BEL: a section letter or a numeric code ("56", "56.10", "56.101").
  nace_code text CHECK (nace_code ~ '^([A-U]|[0-9]{2}(\.[0-9]{1,3})?)$'),
  size_class text CHECK (size_class IN ('lt10', '10_49', '50_249', '250_plus')),
  sector text NOT NULL CHECK (sector IN ('private', 'public')),
  address text CHECK (length(address) <= 300),
  postcode text CHECK (postcode ~ '^[0-9]{4}$'),
  commune text CHECK (length(commune) <= 100),
  -- The single reference person with HR decision power (method.md §2).
  reference_name text CHECK (length(trim(reference_name)) BETWEEN 1 AND 200),
  reference_role text CHECK (length(reference_role) <= 200),
  reference_phone text CHECK (length(reference_phone) <= 30),
  reference_email text CHECK (length(reference_email) <= 200),
  status text NOT NULL DEFAULT 'prospect' CHECK (status IN ('prospect', 'contacted', 'partner', 'dormant')),
  version integer NOT NULL DEFAULT 1,
  created_by_organisation_id uuid REFERENCES organisation (id),
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (reference_name IS NOT NULL
    OR (reference_role IS NULL AND reference_phone IS NULL AND reference_email IS NULL))
);
-- One employer per enterprise number in a basin: a second one is refused (duplicate_employer).
CREATE UNIQUE INDEX employer_basin_bce_key ON employer (basin_id, bce) WHERE bce IS NOT NULL;
-- Import rows without an enterprise number find their employer by name (case and accents ignored).
CREATE INDEX employer_basin_name_idx ON employer (basin_id, jc_fold(trim(name)));

-- Each organisation's own notes on a shared employer: never shown to the others.
CREATE TABLE employer_note (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  employer_id uuid NOT NULL REFERENCES employer (id),
  notes text CHECK (length(notes) <= 10000),
  version integer NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, employer_id)
);

-- The contacts log with employers. Visits and phone calls are direct personal contacts: the ones
-- the results count (method.md §7) and the ones basin coordination shows to the other organisations.
CREATE TABLE employer_contact (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  employer_id uuid NOT NULL REFERENCES employer (id),
  author_id uuid REFERENCES app_user (id),
  date date NOT NULL,
  channel text NOT NULL CHECK (channel IN ('visit', 'phone', 'letter_email', 'meeting', 'event')),
  direct boolean GENERATED ALWAYS AS (channel IN ('visit', 'phone')) STORED,
  purpose text NOT NULL CHECK (purpose IN ('canvassing', 'vacancy', 'follow_up', 'other')),
  person_id uuid,
  notes text CHECK (length(notes) <= 10000),
  -- The coach was warned that another organisation of the basin works with this employer.
  overlap_confirmed boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organisation_id, person_id) REFERENCES person (organisation_id, id)
);
CREATE INDEX employer_contact_employer_idx ON employer_contact (employer_id, date DESC);
CREATE INDEX employer_contact_org_idx ON employer_contact (organisation_id, employer_id, date DESC);

CREATE TABLE vacancy (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  employer_id uuid NOT NULL REFERENCES employer (id),
  title text NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
  source text NOT NULL CHECK (source IN ('forem', 'newspaper', 'union_delegate', 'canvassing',
    'employer_request', 'other')),
  source_ref text CHECK (length(trim(source_ref)) BETWEEN 1 AND 100),
  place_of_work text CHECK (length(place_of_work) <= 300),
  commune text CHECK (length(commune) <= 100),
  openings integer NOT NULL DEFAULT 1 CHECK (openings BETWEEN 1 AND 999),
  contract_type text NOT NULL CHECK (contract_type IN ('cdi', 'cdd', 'interim', 'other')),
  contract_months integer CHECK (contract_months BETWEEN 1 AND 120),
  hours_per_week numeric(4, 1) CHECK (hours_per_week > 0 AND hours_per_week <= 60),
  schedule jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(schedule) = 'array'),
  sector_code text CHECK (sector_code ~ '^([A-U]|[0-9]{2}(\.[0-9]{1,3})?)$'),
  -- Requirements as published, and as objectified with the employer (with the fine task description).
  published jsonb NOT NULL CHECK (jsonb_typeof(published) = 'object'),
  objectified jsonb CHECK (jsonb_typeof(objectified) = 'object'),
  physical_demands jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(physical_demands) = 'array'),
  quality_note text CHECK (length(quality_note) <= 2000),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'filled', 'closed')),
  opened_on date NOT NULL,
  closed_on date CHECK (closed_on >= opened_on),
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, id),
  CHECK (contract_type = 'cdd' OR contract_months IS NULL)
);
-- Idempotent import: one vacancy per source reference in an organisation.
CREATE UNIQUE INDEX vacancy_source_ref_key ON vacancy (organisation_id, source, source_ref)
  WHERE source_ref IS NOT NULL;
CREATE INDEX vacancy_org_status_idx ON vacancy (organisation_id, status, opened_on DESC);
CREATE INDEX vacancy_employer_idx ON vacancy (employer_id);

-- A person proposed for a vacancy, and where the proposal stands. One active presentation per
-- (person, vacancy); a closed one (declined, hired, refused, withdrawn) stays as history.
CREATE TABLE presentation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  person_id uuid NOT NULL,
  vacancy_id uuid NOT NULL,
  step text NOT NULL CHECK (step IN ('proposed', 'discussed', 'applied', 'declined', 'introduced',
    'interview', 'hired', 'refused', 'withdrawn')),
  active boolean GENERATED ALWAYS AS (step NOT IN ('declined', 'hired', 'refused', 'withdrawn')) STORED,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, id),
  FOREIGN KEY (organisation_id, person_id) REFERENCES person (organisation_id, id),
  FOREIGN KEY (organisation_id, vacancy_id) REFERENCES vacancy (organisation_id, id)
);
CREATE UNIQUE INDEX presentation_active_key ON presentation (person_id, vacancy_id) WHERE active;
CREATE INDEX presentation_vacancy_idx ON presentation (vacancy_id, active);
CREATE INDEX presentation_person_idx ON presentation (person_id);

-- Append-only history of a presentation's steps (the person's timeline shows them).
CREATE TABLE presentation_step (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL,
  presentation_id uuid NOT NULL,
  step text NOT NULL CHECK (step IN ('proposed', 'discussed', 'applied', 'declined', 'introduced',
    'interview', 'hired', 'refused', 'withdrawn')),
  date date NOT NULL,
  reason text CHECK (length(reason) <= 2000),
  channel text CHECK (channel IN ('phone', 'accompanied_interview', 'cv')),
  author_id uuid REFERENCES app_user (id),
  at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organisation_id, presentation_id) REFERENCES presentation (organisation_id, id),
  CHECK ((step = 'introduced') = (channel IS NOT NULL))
);
CREATE INDEX presentation_step_presentation_idx ON presentation_step (presentation_id, at);

CREATE FUNCTION presentation_step_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'presentation_step is append-only';
END;
$$;
CREATE TRIGGER presentation_step_no_change BEFORE UPDATE OR DELETE ON presentation_step
  FOR EACH ROW EXECUTE FUNCTION presentation_step_append_only();

-- Background imports: progress lives in the database so that any server instance can answer
-- the status route (the server is stateless).
CREATE TABLE import_job (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  kind text NOT NULL CHECK (kind IN ('vacancies')),
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
  valid_only boolean NOT NULL DEFAULT false,
  total integer NOT NULL DEFAULT 0 CHECK (total >= 0),
  processed integer NOT NULL DEFAULT 0 CHECK (processed >= 0),
  created integer NOT NULL DEFAULT 0 CHECK (created >= 0),
  updated integer NOT NULL DEFAULT 0 CHECK (updated >= 0),
  unchanged integer NOT NULL DEFAULT 0 CHECK (unchanged >= 0),
  error_count integer NOT NULL DEFAULT 0 CHECK (error_count >= 0),
  errors jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(errors) = 'array'),
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX import_job_org_idx ON import_job (organisation_id, created_at DESC);

-- How many candidates an organisation presents at once for one vacancy (1 at EDIT Verviers, about 3
-- at the CPAS of Fleurus: method.md §6). Read with a default of 3 while no settings row exists.
ALTER TABLE organisation_settings ADD COLUMN presentation_cap integer NOT NULL DEFAULT 3
  CHECK (presentation_cap BETWEEN 1 AND 20);
