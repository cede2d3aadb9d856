-- Where a moment stands against a lesson's marking window: marks are taken from the lesson's
-- start until midnight (centre time) that ends the p_days-th day after its date.
CREATE OR REPLACE FUNCTION marking_window(p_date date, p_starts_at timestamptz, p_now timestamptz,
                                          p_zone text, p_days integer)
RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE
           WHEN p_now < p_starts_at THEN 'not_started'
           WHEN p_now < ((p_date + p_days + 1)::timestamp AT TIME ZONE p_zone) THEN 'open'
           ELSE 'closed'
         END
$$;
