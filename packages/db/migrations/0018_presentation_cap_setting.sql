-- The cap of candidates presented at once per offer becomes a setting the coordinator edits, from 1
-- to 10 (method.md §6: 1 at EDIT Verviers, about 3 at the CPAS of Fleurus). A saved cap above 10 is
-- brought down to 10 before the narrower check applies.
UPDATE organisation_settings SET presentation_cap = 10 WHERE presentation_cap > 10;
ALTER TABLE organisation_settings DROP CONSTRAINT organisation_settings_presentation_cap_check;
ALTER TABLE organisation_settings ADD CONSTRAINT organisation_settings_presentation_cap_check
  CHECK (presentation_cap BETWEEN 1 AND 10);
