-- Foundation: employment basins, organisations, users, memberships, sessions, login throttle,
-- one-time setup token, and the append-only audit log.

CREATE TABLE basin (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX basin_name_key ON basin (lower(name));

CREATE TABLE organisation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('cpas', 'oisp_cisp', 'eft', 'mission_regionale', 'es_network', 'union_centre', 'other')),
  basin_id uuid NOT NULL REFERENCES basin (id),
  address text,
  bce text CHECK (bce ~ '^[01][0-9]{9}$'),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organisation_basin_idx ON organisation (basin_id);

CREATE TABLE app_user (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = lower(email) AND position('@' IN email) > 1),
  name text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
  password_hash text NOT NULL,
  is_admin boolean NOT NULL DEFAULT false,
  must_change_password boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX app_user_email_key ON app_user (email);

CREATE TABLE membership (
  user_id uuid NOT NULL REFERENCES app_user (id),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  role text NOT NULL CHECK (role IN ('coordinator', 'jobcoach', 'evaluator')),
  fte numeric(3, 2) NOT NULL DEFAULT 1.0 CHECK (fte > 0 AND fte <= 1.5),
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX membership_user_idx ON membership (user_id);

CREATE TABLE session (
  id_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user (id),
  csrf_token text NOT NULL,
  current_organisation_id uuid REFERENCES organisation (id),
  client_address text,
  user_agent text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX session_user_idx ON session (user_id);

-- Failed logins, keyed on the e-mail typed (whether or not an account exists) and on the
-- client address, so that lockout never tells which e-mails are real.
CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  window_start timestamptz NOT NULL,
  locked_until timestamptz
);

CREATE TABLE setup_token (
  token_hash text PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Append-only: who did what to which record, when, from where. No personal data in details.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  organisation_id uuid,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  client_address text,
  details jsonb
);
CREATE INDEX audit_log_org_at_idx ON audit_log (organisation_id, at DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- The Walloon employment basins (bassins de vie / d'emploi) as a starting list; the admin edits it.
INSERT INTO basin (name) VALUES
  ('Brabant wallon'), ('Centre'), ('Charleroi'), ('Hainaut occidental'), ('Huy-Waremme'),
  ('Liège'), ('Luxembourg'), ('Mons-Borinage'), ('Namur'), ('Verviers');
