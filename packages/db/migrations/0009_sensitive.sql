-- Sensitive personal data (docs/security.md, "Sensitive fields").
--
-- A column whose comment starts with 'sensitive: ' holds data that only members with the right
-- `persons.sensitive` receive (coordinators; jobcoaches to whom a coordinator granted it). The
-- server keeps one registry of these fields (apps/server/src/privacy/sensitive.ts) and a test
-- checks that it names exactly the columns marked here.

-- Asylum or residence status (method.md §2: asylum seekers and refugees among the fragility factors).
ALTER TABLE person
  ADD COLUMN residence_status text
    CHECK (residence_status IN ('belgian_or_eu', 'residence_permit', 'asylum_seeker', 'refugee', 'other'));

-- The person's free notes may be marked confidential by someone allowed to read them.
ALTER TABLE person ADD COLUMN notes_confidential boolean NOT NULL DEFAULT false;

-- A contact's notes may be marked confidential: only the author and members with the right read them.
ALTER TABLE contact ADD COLUMN confidential boolean NOT NULL DEFAULT false;

-- The right to read sensitive fields, granted to a jobcoach by a coordinator (coordinators hold it).
ALTER TABLE membership ADD COLUMN sensitive_access boolean NOT NULL DEFAULT false;

COMMENT ON COLUMN person.physical_limits IS 'sensitive: health';
COMMENT ON COLUMN person.origin IS 'sensitive: origin';
COMMENT ON COLUMN person.residence_status IS 'sensitive: residence';
COMMENT ON COLUMN person.debt_settlement_plan IS 'sensitive: debts';
COMMENT ON COLUMN person.notes IS 'sensitive: confidential note (when person.notes_confidential)';
COMMENT ON COLUMN contact.notes IS 'sensitive: confidential note (when contact.confidential)';
