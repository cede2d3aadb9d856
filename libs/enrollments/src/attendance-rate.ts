export { MARK_COUNTS_SQL } from './mark-counts.queries';

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
