-- The one place that keeps groups.active_count and groups.waitlist_count: after every statement
-- that inserts, updates or deletes enrollments, the rows that left a seat or a waitlist place count
-- -1 and those that took one +1, summed per group; a statement that moved no status (the waitlist
-- renumbered) writes nothing. Every caller holds the group's row lock already, so the update waits
-- for no one. Why a trigger: docs/decisions/0010-seat-counters.md.
CREATE OR REPLACE FUNCTION enrollment_seat_counters()
RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Each branch names only the transition tables its trigger has.
  IF TG_OP = 'INSERT' THEN
    UPDATE groups g
       SET active_count = g.active_count + d.active,
           waitlist_count = g.waitlist_count + d.waitlisted, updated_at = now()
      FROM (SELECT n.group_id, count(*) FILTER (WHERE n.status = 'active')::int AS active,
                   count(*) FILTER (WHERE n.status = 'waitlisted')::int AS waitlisted
              FROM new_rows n GROUP BY n.group_id) d
     WHERE g.id = d.group_id AND (d.active <> 0 OR d.waitlisted <> 0);
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE groups g
       SET active_count = g.active_count - d.active,
           waitlist_count = g.waitlist_count - d.waitlisted, updated_at = now()
      FROM (SELECT o.group_id, count(*) FILTER (WHERE o.status = 'active')::int AS active,
                   count(*) FILTER (WHERE o.status = 'waitlisted')::int AS waitlisted
              FROM old_rows o GROUP BY o.group_id) d
     WHERE g.id = d.group_id AND (d.active <> 0 OR d.waitlisted <> 0);
  ELSE
    UPDATE groups g
       SET active_count = g.active_count + d.active,
           waitlist_count = g.waitlist_count + d.waitlisted, updated_at = now()
      FROM (SELECT c.group_id,
                   coalesce(sum(c.n) FILTER (WHERE c.status = 'active'), 0)::int AS active,
                   coalesce(sum(c.n) FILTER (WHERE c.status = 'waitlisted'), 0)::int AS waitlisted
              FROM (SELECT n.group_id, n.status, 1 AS n FROM new_rows n
                    UNION ALL
                    SELECT o.group_id, o.status, -1 FROM old_rows o) c
             GROUP BY c.group_id) d
     WHERE g.id = d.group_id AND (d.active <> 0 OR d.waitlisted <> 0);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER enrollment_seat_counters_insert AFTER INSERT ON enrollments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_seat_counters();
CREATE TRIGGER enrollment_seat_counters_update AFTER UPDATE ON enrollments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_seat_counters();
CREATE TRIGGER enrollment_seat_counters_delete AFTER DELETE ON enrollments REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_seat_counters();
