-- One contact record (method.md §5–§7): a conversation, a visit or a message is recorded once,
-- with who took part. It is about one or more coached persons (contact_person, with whether the
-- person took part) and/or with an employer of the basin's registry (contact.employer_id). The
-- same visit to a company about a person in follow-up keeps the person's cadence (when the person
-- took part), counts among « Employeurs contactés » (when direct), and shows on the person's
-- timeline and on the employer's page. One vocabulary of channels replaces the two earlier ones:
-- « Visite sur le lieu de travail » and « Visite » become `visit`, an employer « Réunion » becomes
-- `group_session`; direct stays direct and indirect stays indirect. Nothing is deleted: a contact
-- entered by mistake is corrected or cancelled, with a reason.

CREATE TABLE contact_person (
  contact_id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  person_id uuid NOT NULL,
  -- The person took part (a direct contact with them keeps their cadence).
  present boolean NOT NULL,
  PRIMARY KEY (contact_id, person_id),
  FOREIGN KEY (organisation_id, person_id) REFERENCES person (organisation_id, id)
);
CREATE INDEX contact_person_person_idx ON contact_person (person_id, contact_id);

-- The persons of the person contacts: present when the contact was with the person.
INSERT INTO contact_person (contact_id, organisation_id, person_id, present)
  SELECT id, organisation_id, person_id, with_whom = 'person' FROM contact;

-- The persons are in contact_person now; the summary trigger that read the old columns goes (a new
-- one follows below).
DROP TRIGGER person_contact_summary ON contact;
ALTER TABLE contact DROP COLUMN person_id, DROP COLUMN with_whom;

ALTER TABLE contact
  ADD COLUMN employer_id uuid REFERENCES employer (id),
  ADD COLUMN purpose text CHECK (purpose IN ('canvassing', 'vacancy', 'follow_up', 'other')),
  -- The coach was warned that another organisation of the basin works with this employer.
  ADD COLUMN overlap_confirmed boolean NOT NULL DEFAULT false,
  -- A contact with an employer about a discreetly followed person was confirmed by the coach.
  ADD COLUMN discreet_confirmed boolean NOT NULL DEFAULT false,
  ADD COLUMN version integer NOT NULL DEFAULT 1,
  ADD COLUMN corrected_at timestamptz,
  ADD COLUMN corrected_by uuid REFERENCES app_user (id),
  ADD COLUMN correction_reason text CHECK (length(trim(correction_reason)) BETWEEN 3 AND 500),
  ADD COLUMN cancelled_at timestamptz,
  ADD COLUMN cancelled_by uuid REFERENCES app_user (id),
  ADD COLUMN cancellation_reason text CHECK (length(trim(cancellation_reason)) BETWEEN 3 AND 500),
  ADD CHECK ((cancelled_at IS NULL) = (cancellation_reason IS NULL)),
  ADD CHECK ((corrected_at IS NULL) = (correction_reason IS NULL));

-- The one vocabulary of channels.
ALTER TABLE contact DROP CONSTRAINT contact_channel_check;
UPDATE contact SET channel = 'visit' WHERE channel = 'workplace_visit';
ALTER TABLE contact ADD CONSTRAINT contact_channel_check CHECK (channel IN ('office_meeting', 'visit',
  'phone', 'video', 'sms_messaging', 'attempt_no_answer', 'letter_email', 'group_session', 'event'));
-- Direct contacts are the domain's DIRECT_CHANNELS (packages/domain/src/contacts.ts).
ALTER TABLE contact ADD COLUMN direct boolean
  GENERATED ALWAYS AS (channel IN ('office_meeting', 'visit', 'phone', 'video')) STORED;

-- The contacts with employers join them, under their own ids (import keys and audit entries that
-- name them stay right).
INSERT INTO contact (id, organisation_id, date, channel, counterpart, notes, author_id, created_at,
    employer_id, purpose, overlap_confirmed, discreet_confirmed)
  SELECT id, organisation_id, date,
    CASE channel WHEN 'meeting' THEN 'group_session' ELSE channel END,
    NULL, notes, author_id, created_at, employer_id, purpose, overlap_confirmed, discreet_confirmed
  FROM employer_contact;
INSERT INTO contact_person (contact_id, organisation_id, person_id, present)
  SELECT id, organisation_id, person_id, false FROM employer_contact WHERE person_id IS NOT NULL;

DROP TABLE employer_contact;
ALTER TABLE contact ADD UNIQUE (organisation_id, id);
ALTER TABLE contact_person ADD FOREIGN KEY (organisation_id, contact_id)
  REFERENCES contact (organisation_id, id) ON DELETE CASCADE;

CREATE INDEX contact_employer_idx ON contact (employer_id, date DESC) WHERE employer_id IS NOT NULL;
CREATE INDEX contact_org_employer_idx ON contact (organisation_id, employer_id, date DESC)
  WHERE employer_id IS NOT NULL;
-- « Employeurs contactés » in a period: distinct employers with a direct contact not cancelled.
CREATE INDEX contact_employer_direct_idx ON contact (organisation_id, date, employer_id)
  WHERE direct AND employer_id IS NOT NULL AND cancelled_at IS NULL;

-- The contact summary kept on the person row (0011), from the new shape: the last direct contact in
-- which the person took part, and the next meeting planned at the person's latest contact; a
-- cancelled contact counts for neither.
CREATE OR REPLACE FUNCTION person_contact_summary_refresh(target uuid) RETURNS void LANGUAGE sql AS $$
  UPDATE person p SET
    last_direct_contact = (SELECT max(c.date) FROM contact_person cp JOIN contact c ON c.id = cp.contact_id
      WHERE cp.person_id = target AND cp.present AND c.direct AND c.cancelled_at IS NULL),
    next_planned_on = (SELECT c.next_planned_on FROM contact_person cp JOIN contact c ON c.id = cp.contact_id
      WHERE cp.person_id = target AND c.cancelled_at IS NULL
      ORDER BY c.date DESC, c.created_at DESC LIMIT 1)
  WHERE p.id = target;
$$;

CREATE OR REPLACE FUNCTION person_contact_summary() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target uuid;
BEGIN
  IF TG_TABLE_NAME = 'contact_person' THEN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM person_contact_summary_refresh(OLD.person_id); END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM person_contact_summary_refresh(NEW.person_id); END IF;
  ELSE
    FOR target IN SELECT cp.person_id FROM contact_person cp WHERE cp.contact_id = NEW.id LOOP
      PERFORM person_contact_summary_refresh(target);
    END LOOP;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER person_contact_summary AFTER UPDATE OF date, created_at, channel, next_planned_on,
  cancelled_at ON contact FOR EACH ROW EXECUTE FUNCTION person_contact_summary();
CREATE TRIGGER contact_person_summary AFTER INSERT OR DELETE OR UPDATE ON contact_person
  FOR EACH ROW EXECUTE FUNCTION person_contact_summary();

CREATE OR REPLACE FUNCTION person_contact_summary_fill() RETURNS void LANGUAGE sql AS $$
  UPDATE person p SET last_direct_contact = s.last_direct, next_planned_on = s.next_planned
  FROM (
    SELECT cp.person_id,
      max(c.date) FILTER (WHERE cp.present AND c.direct) AS last_direct,
      (array_agg(c.next_planned_on ORDER BY c.date DESC, c.created_at DESC))[1] AS next_planned
    FROM contact_person cp JOIN contact c ON c.id = cp.contact_id
    WHERE c.cancelled_at IS NULL
    GROUP BY cp.person_id
  ) s
  WHERE s.person_id = p.id
    AND (p.last_direct_contact IS DISTINCT FROM s.last_direct OR p.next_planned_on IS DISTINCT FROM s.next_planned);
$$;

