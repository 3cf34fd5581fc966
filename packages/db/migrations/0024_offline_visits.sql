-- Company visits without a network (apps/web/src/offline/).
--
-- A contact logged on a device while offline carries the identifier the device gave it: sending it
-- again (a lost answer, a retried outbox) finds the contact already recorded instead of creating a
-- second one. Unique within an organisation: another organisation's identical value is another
-- contact, and says nothing about this one.
ALTER TABLE contact ADD COLUMN client_id uuid;
CREATE UNIQUE INDEX contact_client_id ON contact (organisation_id, client_id) WHERE client_id IS NOT NULL;

-- The key that encrypts the day's files kept on the device (AES-GCM, 256 bits, base64url), handed to the
-- browser with the session and forgotten with it: logging out or the session's expiry deletes the
-- row, and what the device kept can no longer be read.
ALTER TABLE session ADD COLUMN offline_key text;
