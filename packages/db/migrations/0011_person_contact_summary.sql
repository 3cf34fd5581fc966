-- The contact summary kept on the person row (docs/performance.md): the date of the last direct
-- contact (the cadence, "Ma journée", the persons lists) and the next meeting planned at the
-- latest contact. Both were read with a correlated lookup into the person's contacts on every
-- list; kept here by a trigger on contact, so every way of writing contacts (routes, the history
-- import, the demo data, erasure, deletion) keeps them right.
-- The direct channels are the domain's DIRECT_CHANNELS (packages/domain/src/cadence.ts).
ALTER TABLE person
  ADD COLUMN last_direct_contact date,
  ADD COLUMN next_planned_on date;

CREATE FUNCTION person_contact_summary_refresh(target uuid) RETURNS void LANGUAGE sql AS $$
  UPDATE person p SET
    last_direct_contact = (SELECT max(c.date) FROM contact c WHERE c.person_id = target
      AND c.with_whom = 'person' AND c.channel IN ('office_meeting', 'workplace_visit', 'phone', 'video')),
    next_planned_on = (SELECT c.next_planned_on FROM contact c WHERE c.person_id = target
      ORDER BY c.date DESC, c.created_at DESC LIMIT 1)
  WHERE p.id = target;
$$;

CREATE FUNCTION person_contact_summary() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM person_contact_summary_refresh(OLD.person_id);
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.person_id IS DISTINCT FROM OLD.person_id) THEN
    PERFORM person_contact_summary_refresh(NEW.person_id);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER person_contact_summary AFTER INSERT OR DELETE
  OR UPDATE OF person_id, date, created_at, with_whom, channel, next_planned_on ON contact
  FOR EACH ROW EXECUTE FUNCTION person_contact_summary();

-- Recomputes both columns for every person in one pass; used here for the existing contacts and by
-- loaders that write contacts with the trigger disabled (the benchmark's COPY).
CREATE FUNCTION person_contact_summary_fill() RETURNS void LANGUAGE sql AS $$
  UPDATE person p SET last_direct_contact = s.last_direct, next_planned_on = s.next_planned
  FROM (
    SELECT c.person_id,
      max(c.date) FILTER (WHERE c.with_whom = 'person'
        AND c.channel IN ('office_meeting', 'workplace_visit', 'phone', 'video')) AS last_direct,
      (array_agg(c.next_planned_on ORDER BY c.date DESC, c.created_at DESC))[1] AS next_planned
    FROM contact c GROUP BY c.person_id
  ) s
  WHERE s.person_id = p.id
    AND (p.last_direct_contact IS DISTINCT FROM s.last_direct OR p.next_planned_on IS DISTINCT FROM s.next_planned);
$$;

SELECT person_contact_summary_fill();
