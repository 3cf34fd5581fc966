-- The coach's agenda (« Ma journée ») and its calendar feed.
--
-- A planned contact or visit with a person: a day, and optionally a start time, a duration, a
-- place, a channel and an employer. The time is the wall-clock time in Europe/Brussels (the only
-- time zone the organisations work in): `starts_on` (date) + `starts_at` (time without time zone)
-- say "14:30 in Brussels" whatever the offset of that day, and the calendar feed states
-- TZID=Europe/Brussels. A plan without a time is an all-day item, like the dates planned at a
-- logged contact before (contact.next_planned_on, which stays and still shows as all-day items).
-- A plan is done when the contact it announced is logged (done_contact_id), or cancelled; never
-- deleted.
CREATE TABLE planned_contact (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL,
  person_id uuid NOT NULL,
  -- Whose agenda it is in: the member who will hold the contact.
  coach_id uuid NOT NULL REFERENCES app_user (id),
  starts_on date NOT NULL,
  -- Europe/Brussels wall-clock time; NULL: all day.
  starts_at time without time zone,
  duration_minutes integer CHECK (duration_minutes BETWEEN 5 AND 1440),
  place text CHECK (length(place) <= 200),
  channel text NOT NULL CHECK (channel IN ('office_meeting', 'visit', 'phone', 'video',
    'sms_messaging', 'attempt_no_answer', 'letter_email', 'group_session', 'event')),
  employer_id uuid REFERENCES employer (id),
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done', 'cancelled')),
  done_contact_id uuid,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  cancelled_at timestamptz,
  cancelled_by uuid REFERENCES app_user (id),
  CHECK (duration_minutes IS NULL OR starts_at IS NOT NULL),
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
  CHECK ((status = 'done') = (done_contact_id IS NOT NULL)),
  UNIQUE (organisation_id, id),
  FOREIGN KEY (organisation_id, person_id) REFERENCES person (organisation_id, id),
  -- A contact is only ever deleted with its person (hard deletion): the plan it held goes with it.
  FOREIGN KEY (organisation_id, done_contact_id) REFERENCES contact (organisation_id, id) ON DELETE CASCADE
);
-- « Ma journée » and the feed: a coach's plans still to hold, by day.
CREATE INDEX planned_contact_coach_idx ON planned_contact (organisation_id, coach_id, starts_on)
  WHERE status = 'planned';
CREATE INDEX planned_contact_person_idx ON planned_contact (person_id, starts_on);

-- The private address of a member's calendar feed in one organisation: only the SHA-256 digest of
-- its random token is kept (the address is shown once, at its creation). Revoked, it answers 404;
-- one live address per member and organisation.
CREATE TABLE calendar_feed (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  last_read_at timestamptz
);
CREATE UNIQUE INDEX calendar_feed_live ON calendar_feed (organisation_id, user_id) WHERE revoked_at IS NULL;
