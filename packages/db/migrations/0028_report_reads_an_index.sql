-- The steering report's coached persons and its contracts by the signer's sex read every
-- non-deleted person of the organisations reported on. The person table is wide (its notes, its
-- constraints, its wishes): at region scale 120,000 rows on 15,000 pages, mostly read from the
-- operating system's cache, twice per report. The index of the persons' pre-hire entry
-- (0006) now carries the few columns the report reads, so that both reads are index-only scans of
-- about a tenth of the pages. It covers every non-deleted person (not only those with a pre-hire
-- entry): the contracts' join needs the signer's sex whatever the entry.
CREATE INDEX person_org_pre_hire_entry_cover_idx ON person (organisation_id, pre_hire_entry)
  INCLUDE (id, sex, origin, studies, entry_age, birth_date)
  WHERE deleted_at IS NULL;
DROP INDEX person_org_pre_hire_entry_idx;

-- jc_age_at (0013, 0027) was declared STRICT: PostgreSQL does not inline a strict SQL function
-- whose body is not itself strict (the CASE), so it ran through the SQL function executor for each
-- row, several microseconds each, and its cost made the planner prefer a parallel scan of the
-- table over the index. Without STRICT it is inlined as the expression it is; a NULL birth date
-- or day still gives NULL (date_part of NULL is NULL, and so is the difference), which
-- sql-rules.test.ts checks.
CREATE OR REPLACE FUNCTION jc_age_at(birth date, on_day date) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (date_part('year', on_day) - date_part('year', birth))::integer
    - CASE WHEN date_part('month', on_day) * 100 + date_part('day', on_day)
              < date_part('month', birth) * 100 + date_part('day', birth) THEN 1 ELSE 0 END
$$;
