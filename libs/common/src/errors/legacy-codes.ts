/**
 * The snake_case codes some throw sites (and the enrollment and marking functions of the
 * database) still give, and the dotted codes clients receive instead: the filter always sends the
 * dotted one. Entries go once no code of the left column is thrown any more.
 */
export const LEGACY_CODES: Readonly<Record<string, string>> = {
  // groups
  course_inactive: 'course.retired',
  group_finished: 'group.finished',
  capacity_below_active: 'group.capacity_below_active',
  group_status: 'group.wrong_status',
  group_has_no_master: 'group.no_master',
  master_not_qualified: 'master.not_qualified',
  master_busy: 'master.busy',
  trainee_schedule_overlap: 'group.trainee_schedule_overlap',
  // enrollments (enroll_trainee raises the first three)
  already_enrolled: 'enrollment.already_enrolled',
  group_not_enrolling: 'group.not_enrolling',
  schedule_overlap: 'enrollment.schedule_overlap',
  enrollment_closed: 'enrollment.closed',
  // lessons and completion (mark_attendance raises the first three)
  lesson_not_started: 'lesson.not_started',
  marking_window_closed: 'lesson.marking_window_closed',
  group_not_running: 'group.not_running',
  enrollment_not_active: 'enrollment.not_active',
  attendance_below_threshold: 'enrollment.attendance_below_threshold',
  // certificates
  certificate_revoked: 'certificate.revoked',
  enrollment_not_completed: 'enrollment.not_completed',
  certificate_not_rendered: 'certificate.not_ready',
  // documents
  document_busy: 'document.busy',
  document_failed: 'document.failed',
};

/** The code a client receives for a thrown code. */
export function currentCode(code: string): string {
  return LEGACY_CODES[code] ?? code;
}
