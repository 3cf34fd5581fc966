-- « Ma journée » and the team overview read a coach's persons that have not exited
-- (apps/server/src/myday/queries.ts). Over the years most of a coach's persons have exited: through
-- person_org_coach_phase_idx the condition `phase <> 'exited'` could only be checked on the rows
-- themselves (61 of 79 rows read and dropped for a typical coach of the region bench). This index
-- holds only the live persons, so the read visits the rows it keeps (docs/performance.md).
CREATE INDEX person_live_coach_idx ON person (organisation_id, coach_id)
  WHERE deleted_at IS NULL AND phase <> 'exited';
