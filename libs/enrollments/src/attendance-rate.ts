export interface MarkCounts {
  present: number;
  late: number;
  absent: number;
  excused: number;
}

/** (present + late) / (lessons held − excused), or null when nothing counts yet. */
export function attendanceRate(counts: MarkCounts): number | null {
  const held = counts.present + counts.late + counts.absent;
  return held === 0 ? null : (counts.present + counts.late) / held;
}

/** SQL for the mark counts of enrollment `e`, as columns present, late, absent, excused. */
export const MARK_COUNTS_SQL = `
  LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE m.status = 'present')::int AS present,
           count(*) FILTER (WHERE m.status = 'late')::int AS late,
           count(*) FILTER (WHERE m.status = 'absent')::int AS absent,
           count(*) FILTER (WHERE m.status = 'excused')::int AS excused
      FROM attendance_marks m WHERE m.enrollment_id = e.id
  ) counts ON true`;
