-- Matching ranks an organisation's open vacancies for a person on every request; the list (each
-- vacancy with its employer's name, commune and activity, and its count of active presentations)
-- changes a few times a day and is read far more often. The server keeps it in memory per
-- organisation (apps/server/src/vacancies/open-list.ts) and, within a statement it runs anyway,
-- reads this stamp to know whether the list it holds is still the list. The stamp is renewed in the
-- same transaction as every write that changes what the list shows: a vacancy (any column, any way
-- of writing it: routes, import, demo data, erasure), its employer's name, commune or activity, a
-- presentation (the active count). A random value rather than a counter: a database restored from
-- a backup can never bring back a stamp that stood for other contents.
CREATE TABLE open_vacancies_stamp (
  organisation_id uuid PRIMARY KEY REFERENCES organisation (id) ON DELETE CASCADE,
  stamp uuid NOT NULL
);

-- Renews the stamps of the organisations given; in the organisations' order, so that two
-- transactions renewing the same ones never wait on each other in a cycle.
CREATE FUNCTION open_vacancies_restamp(orgs uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO open_vacancies_stamp (organisation_id, stamp)
  SELECT o, gen_random_uuid() FROM (SELECT DISTINCT unnest(orgs) AS o) d WHERE o IS NOT NULL ORDER BY o
  ON CONFLICT (organisation_id) DO UPDATE SET stamp = excluded.stamp;
$$;

-- Once per statement, whatever the number of rows (a bulk import or COPY renews each stamp once).
-- PostgreSQL gives a trigger with transition tables one event only: one trigger per event, one
-- function reading the tables its event has. A presentation belongs to its vacancy's organisation
-- (0004: the foreign key on both), so the rows' own organisation is the one to renew.
CREATE FUNCTION rows_restamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM open_vacancies_restamp(ARRAY(SELECT organisation_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM open_vacancies_restamp(ARRAY(SELECT organisation_id FROM old_rows));
  ELSE
    PERFORM open_vacancies_restamp(
      ARRAY(SELECT organisation_id FROM new_rows UNION SELECT organisation_id FROM old_rows));
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER vacancy_restamp_insert AFTER INSERT ON vacancy
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rows_restamp();
CREATE TRIGGER vacancy_restamp_update AFTER UPDATE ON vacancy
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rows_restamp();
CREATE TRIGGER vacancy_restamp_delete AFTER DELETE ON vacancy
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rows_restamp();
CREATE TRIGGER presentation_restamp_insert AFTER INSERT ON presentation
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rows_restamp();
CREATE TRIGGER presentation_restamp_update AFTER UPDATE ON presentation
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rows_restamp();
CREATE TRIGGER presentation_restamp_delete AFTER DELETE ON presentation
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rows_restamp();

-- An employer's vacancies may belong to several organisations of its basin: every organisation
-- with a vacancy of a renamed, moved or reclassified employer. (A new employer has no vacancy yet;
-- one that has vacancies cannot be deleted.)
CREATE FUNCTION employer_restamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM open_vacancies_restamp(ARRAY(
    SELECT v.organisation_id FROM new_rows n
      JOIN old_rows o ON o.id = n.id
      JOIN vacancy v ON v.employer_id = n.id
     WHERE (n.name, n.commune, n.nace_code) IS DISTINCT FROM (o.name, o.commune, o.nace_code)));
  RETURN NULL;
END;
$$;
CREATE TRIGGER employer_restamp_update AFTER UPDATE ON employer
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION employer_restamp();

INSERT INTO open_vacancies_stamp (organisation_id, stamp) SELECT id, gen_random_uuid() FROM organisation;
