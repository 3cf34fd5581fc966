-- The steering report and the outcomes leave out the persons who exited before the period: an
-- exit of the trajectory log that was not cancelled (apps/server/src/reports/steering.ts). The
-- index of 0006 held every exit, cancelled or not, so the reading of the whole installation
-- fetched each exit's row to check `cancelled_at` (72,889 rows over 10,916 pages on the region
-- bench: about 1 s of the report's 1.6 s). This one holds only the exits that stand, and gives
-- the person and the date from the index alone (docs/performance.md).
CREATE INDEX trajectory_event_live_exit_idx ON trajectory_event (person_id, date)
  WHERE transition_id = 'exit' AND cancelled_at IS NULL;
DROP INDEX trajectory_event_exit_idx;
