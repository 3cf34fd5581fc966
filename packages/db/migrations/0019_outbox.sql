-- The e-mail outbox (apps/server/src/mail/): a message is written here in the same transaction as
-- the change that causes it, and delivered by the background job, once, whichever instance claims
-- it. An installation-wide table: a password reset belongs to no organisation.
CREATE TABLE outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- What the message is for (password_reset, invitation…), for the administrator's counts; never
  -- its content.
  kind text NOT NULL,
  recipient text NOT NULL,
  subject text NOT NULL,
  text_body text NOT NULL,
  html_body text,
  attempts integer NOT NULL DEFAULT 0,
  -- Not before this moment: the back-off after a failed attempt.
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  -- Held by the instance delivering it until this moment (a lease: a crashed sender lets go).
  claimed_until timestamptz,
  -- The kind of the last failure (a code, never the server's text, which may quote an address).
  last_error text,
  sent_at timestamptz,
  -- Given up after too many attempts.
  failed_at timestamptz
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;

-- A password reset asked by e-mail: the link's token (its digest only), single use, one hour.
CREATE TABLE password_reset (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX password_reset_user ON password_reset (user_id);
