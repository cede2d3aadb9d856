export interface MarkCounts {
  present: number;
  late: number;
  absent: number;
  excused: number;
  /**
   * Lessons of the group that have taken place (started) while the enrollment was open, marked
   * or not; `MARK_COUNTS_SQL` counts them. An unmarked one counts as held, not present.
   */
  held: number;
}

/**
 * (present + late) / (lessons held − excused), or null when nothing counts yet. A lesson that has
 * taken place without a mark for the trainee is held and not attended: forgetting to mark never
 * raises a rate. `held` is never below the marks (a mark exists only for a started lesson).
 */
export function attendanceRate(counts: MarkCounts): number | null {
  const marked = counts.present + counts.late + counts.absent + counts.excused;
  const counted = Math.max(counts.held, marked) - counts.excused;
  return counted <= 0 ? null : (counts.present + counts.late) / counted;
}

/**
 * SQL for the mark counts of enrollment `e`, as columns present, late, absent, excused and held.
 * `held` counts the group's lessons that had started by now (active), by the day the enrollment
 * closed (completed, failed, withdrawn: later lessons are none of its business), none while
 * waitlisted, and any lesson the enrollment has a mark for.
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
