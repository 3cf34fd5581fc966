-- The setup checklist on a coordinator's home (team, settings, partners, history import): its items
-- are done when the data says so (another member, saved settings, a partner, a history import);
-- a coordinator may also set aside the items that need not be done (settings kept as shipped, no
-- history to import). One row per item set aside.
CREATE TABLE setup_checklist_dismissal (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  item text NOT NULL CHECK (item IN ('settings', 'history')),
  dismissed_by uuid REFERENCES app_user (id),
  dismissed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, item)
);
