-- The open vacancies held for matching (migration 0029) are held with the organisation's cap of
-- candidates presented at once, so that the server asks PostgreSQL for the candidates of the
-- offers at their cap only. A change of the organisation's settings renews its stamp like a write
-- to the list itself (rows_restamp reads the rows' organisation_id).
CREATE TRIGGER settings_restamp_insert AFTER INSERT ON organisation_settings
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rows_restamp();
CREATE TRIGGER settings_restamp_update AFTER UPDATE ON organisation_settings
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rows_restamp();
CREATE TRIGGER settings_restamp_delete AFTER DELETE ON organisation_settings
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rows_restamp();
