// Reads: attendance_marks, courses, enrollments, groups, lessons, trainees.
import type { EntityManager } from 'typeorm';
import { sqlRows } from '@sheber/database/sql';
import { MARK_COUNTS_SQL, type EnrollmentStatus, type MarkCounts } from '@sheber/enrollments';

/** An enrollment of a group being completed, with its mark counts and the course's threshold. */
export interface CompletionCandidate extends MarkCounts {
  id: string;
  status: EnrollmentStatus;
  min_attendance_percent: number;
  last_name: string;
  first_name: string;
  patronymic: string | null;
}

/**
 * The group's enrollments (or the one given) in the roster's order. A caller that changes them
 * locks them first with `EnrollmentsRepository.lockEnrollmentsOfGroup`.
 */
export async function completionCandidates(
  manager: EntityManager,
  groupId: string,
  enrollmentId?: string,
): Promise<CompletionCandidate[]> {
  return sqlRows<CompletionCandidate>(
    manager,
    `SELECT e.id, e.status, c.min_attendance_percent, t.last_name, t.first_name, t.patronymic,
            counts.*, held_lessons.held
       FROM enrollments e
       JOIN trainees t ON t.id = e.trainee_id
       JOIN groups g ON g.id = e.group_id
       JOIN courses c ON c.id = g.course_id
       ${MARK_COUNTS_SQL}
      WHERE e.group_id = $1 AND ($2::uuid IS NULL OR e.id = $2)
      ORDER BY t.last_name, t.first_name, e.id`,
    [groupId, enrollmentId ?? null],
  );
}
