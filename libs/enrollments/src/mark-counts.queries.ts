// Reads: attendance_marks, lessons.
/**
 * SQL for the mark counts of enrollment `e`, as columns present, late, absent, excused and held.
 * `held` counts the group's lessons that had started by now (active), by the day the enrollment
 * closed (completed, failed, withdrawn: later lessons are none of its business), none while
 * waitlisted, and any lesson the enrollment has a mark for. A fragment for the read models that
 * show attendance rates (roster, sheet, referrals, completion): one definition of "held".
 */
export const MARK_COUNTS_SQL = `
  LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE m.status = 'present')::int AS present,
           count(*) FILTER (WHERE m.status = 'late')::int AS late,
           count(*) FILTER (WHERE m.status = 'absent')::int AS absent,
           count(*) FILTER (WHERE m.status = 'excused')::int AS excused
      FROM attendance_marks m WHERE m.enrollment_id = e.id
  ) counts ON true
  LEFT JOIN LATERAL (
    SELECT count(*)::int AS held
      FROM lessons hl
     WHERE hl.group_id = e.group_id
       AND (hl.starts_at <= CASE e.status WHEN 'active' THEN now()
                                          WHEN 'waitlisted' THEN '-infinity'::timestamptz
                                          ELSE e.status_changed_at END
            OR EXISTS (SELECT 1 FROM attendance_marks hm
                        WHERE hm.lesson_id = hl.id AND hm.enrollment_id = e.id))
  ) held_lessons ON true`;
