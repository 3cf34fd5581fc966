-- Results (method.md §7): what the steering committee's report and the longitudinal outcomes need
-- to stay true after a person's identity is erased.

-- Age in whole years on the day of entry into pre-hire. Filled when the birth date is erased
-- (data-subject erasure, retention), so that the report's age bands do not change; while the birth
-- date is known, reports compute the age from it.
ALTER TABLE person ADD COLUMN entry_age integer CHECK (entry_age BETWEEN 0 AND 130);

-- The steering committee's report (docs/indicators.md): indexes for its aggregates.
-- Persons coached in a period: entered pre-hire by its end.
CREATE INDEX person_org_pre_hire_entry_idx ON person (organisation_id, pre_hire_entry)
  WHERE deleted_at IS NULL AND pre_hire_entry IS NOT NULL;
-- ...and not exited before its start.
CREATE INDEX trajectory_event_exit_idx ON trajectory_event (person_id, date) WHERE transition_id = 'exit';
-- Employers with a direct contact in a period (an index-only scan).
CREATE INDEX employer_contact_direct_idx ON employer_contact (organisation_id, date, employer_id) WHERE direct;
-- Contracts signed in a period.
CREATE INDEX contract_org_signed_idx ON contract (organisation_id, signed_on);
