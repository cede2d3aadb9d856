-- The SQL twin of timetablesOverlap (libs/groups/src/schedule.ts): two timetables overlap when
-- their date ranges meet and a weekly slot of each shares a weekday, that occurs in the days both
-- run, and a time. test/integration/timetables-overlap.test.ts compares the two.
CREATE OR REPLACE FUNCTION timetables_overlap(a_start date, a_end date, a_schedule jsonb,
                                              b_start date, b_end date, b_schedule jsonb)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT greatest(a_start, b_start) <= least(a_end, b_end) AND EXISTS (
    SELECT 1
      FROM jsonb_array_elements(a_schedule) x
      JOIN jsonb_array_elements(b_schedule) y
        ON (x->>'weekday')::int = (y->>'weekday')::int
     WHERE (x->>'startTime')::time < (y->>'endTime')::time
       AND (y->>'startTime')::time < (x->>'endTime')::time
       -- the weekday must occur in the days both groups run
       AND (x->>'weekday')::int IN (
             SELECT extract(isodow FROM d)::int
               FROM generate_series(greatest(a_start, b_start)::timestamp,
                                    least(a_end, b_end, greatest(a_start, b_start) + 6)::timestamp,
                                    interval '1 day') d))
$$;
