-- Results (method.md §7): what the steering committee's report and the longitudinal outcomes need
-- to stay true after a person's identity is erased.

-- Age in whole years on the day of entry into pre-hire. Filled when the birth date is erased
-- (data-subject erasure, retention), so that the report's age bands do not change; while the birth
-- date is known, reports compute the age from it.
ALTER TABLE person ADD COLUMN entry_age integer CHECK (entry_age BETWEEN 0 AND 130);
