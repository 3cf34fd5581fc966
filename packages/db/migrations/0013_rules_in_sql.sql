-- The few rules of the method that SQL must apply itself (aggregates computed by the database),
-- written once here; apps/server/test/sql-rules.test.ts checks each against the domain's function.

-- Age in whole years on a day, the domain's ageAt (packages/domain/src/calendar.ts): one year more
-- on each birthday; a person born on 29 February turns a year older on 1 March in other years.
CREATE FUNCTION jc_age_at(birth date, on_day date) RETURNS integer
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT (extract(year FROM on_day) - extract(year FROM birth))::integer
    - CASE WHEN to_char(on_day, 'MMDD') < to_char(birth, 'MMDD') THEN 1 ELSE 0 END
$$;
