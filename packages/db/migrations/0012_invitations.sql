-- Invitations to join an organisation (docs/security.md, "Joining an organisation"). Adding a
-- member never attaches an account by itself: the account's owner accepts the invitation (or
-- declines it) once logged in, and until then the organisation has no hold on the account. The
-- answer to the coordinator is the same whether the e-mail already had an account or not.
--
-- The row is ready to travel as a link by e-mail: only the SHA-256 of the link's secret token is
-- kept (like sessions), the link is valid 7 days, and it is used once: accepting, declining or
-- revoking it (a coordinator cancels it, or invites the same address again) ends it.
CREATE TABLE invitation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  email text NOT NULL,
  -- The account invited; null for an invitation whose account is to be created when its link is
  -- used (an invitation sent by e-mail).
  user_id uuid REFERENCES app_user (id),
  -- The name as the coordinator typed it: never shown back as the account's name.
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('coordinator', 'jobcoach', 'evaluator')),
  fte numeric(3, 2) NOT NULL DEFAULT 1.0 CHECK (fte > 0 AND fte <= 1.5),
  -- The account was created with this invitation, with the coordinator's temporary password.
  new_account boolean NOT NULL DEFAULT false,
  token_hash text NOT NULL UNIQUE,
  invited_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  declined_at timestamptz,
  revoked_at timestamptz,
  CHECK (expires_at > created_at),
  CHECK (num_nonnulls(accepted_at, declined_at, revoked_at) <= 1)
);

-- One open invitation per organisation and address; inviting again revokes the previous one.
CREATE UNIQUE INDEX invitation_open_idx ON invitation (organisation_id, email)
  WHERE accepted_at IS NULL AND declined_at IS NULL AND revoked_at IS NULL;
-- A user's open invitations, read with « Me » on every page load.
CREATE INDEX invitation_user_open_idx ON invitation (user_id)
  WHERE accepted_at IS NULL AND declined_at IS NULL AND revoked_at IS NULL;
