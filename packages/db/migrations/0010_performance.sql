-- Indexes found necessary by the region-scale benchmarks (bench/, docs/performance.md).

-- The last direct contact with a person (persons lists, "Ma journée", the cadence): max(date) over
-- the direct channels read one entry of this index instead of walking the person's contacts in
-- contact_person_date_idx (whose descending order, nulls first, makes max() scan the whole range).
-- The channels are the domain's DIRECT_CHANNELS (packages/domain/src/cadence.ts).
CREATE INDEX contact_person_direct_idx ON contact (person_id, date)
  WHERE with_whom = 'person' AND channel IN ('office_meeting', 'workplace_visit', 'phone', 'video');
