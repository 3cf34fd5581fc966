-- Account security: a public id for each session (so that a user can list and end them without
-- ever seeing the secret), an optional TOTP second factor, and organisations that require it.

ALTER TABLE session ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX session_public_id_key ON session (id);

ALTER TABLE app_user
  ADD COLUMN totp_secret text,
  ADD COLUMN totp_pending_secret text,
  ADD COLUMN totp_last_step bigint,
  ADD CONSTRAINT app_user_totp_secret_base32 CHECK (totp_secret ~ '^[A-Z2-7]{32}$'),
  ADD CONSTRAINT app_user_totp_pending_base32 CHECK (totp_pending_secret ~ '^[A-Z2-7]{32}$');

ALTER TABLE organisation ADD COLUMN require_totp boolean NOT NULL DEFAULT false;
