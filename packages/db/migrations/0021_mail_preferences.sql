-- E-mail, second part (docs/operations.md, "E-mail"): the language of the messages an account
-- receives, and the coach's morning digest, which its owner turns on from the account page.
ALTER TABLE app_user
  ADD COLUMN language text NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'nl', 'de', 'en')),
  ADD COLUMN morning_digest boolean NOT NULL DEFAULT false;

-- The mornings a digest was written for an account (one message per account, a section per
-- organisation): the job may run on two instances or twice in a morning, the digest is written
-- once, in the transaction that marks it.
CREATE TABLE morning_digest_sent (
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  sent_on date NOT NULL,
  PRIMARY KEY (user_id, sent_on)
);
