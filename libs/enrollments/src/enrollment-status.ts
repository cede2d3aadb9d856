/**
 * An enrollment's statuses and the moves between them, written once for the services, the SQL
 * that receives them as parameters, and the web app. No imports, so the web app can bundle it.
 */
export const ENROLLMENT_STATUSES = [
  'active',
  'waitlisted',
  'withdrawn',
  'completed',
  'failed',
] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/** Each status by its name, for SQL that names one status: `status = '${ENROLLMENT_STATUS.active}'`. */
export const ENROLLMENT_STATUS = Object.fromEntries(ENROLLMENT_STATUSES.map((s) => [s, s])) as {
  readonly [S in EnrollmentStatus]: S;
};

/** An open enrollment holds a seat or a waitlist place; at most one per trainee and group. */
export const OPEN_ENROLLMENT_STATUSES: readonly EnrollmentStatus[] = ['active', 'waitlisted'];

/** Enrollments that held a seat to now or to the group's end: their attendance counts. */
export const SEATED_ENROLLMENT_STATUSES: readonly EnrollmentStatus[] = [
  'active',
  'completed',
  'failed',
];

/** A closed enrollment holds nothing any more: withdrawn, completed or failed. */
export const CLOSED_ENROLLMENT_STATUSES: readonly EnrollmentStatus[] = [
  'withdrawn',
  'completed',
  'failed',
];

/**
 * Who moves where: withdrawal (by staff, or a cancelled group), promotion from the waitlist,
 * completion of an active trainee (completed or failed, the waitlist withdrawn), and an admin's
 * reopening of a completed group.
 */
export const ENROLLMENT_TRANSITIONS: Record<
  'withdraw' | 'promote' | 'complete' | 'fail' | 'reopen',
  { from: readonly EnrollmentStatus[]; to: EnrollmentStatus }
> = {
  withdraw: { from: OPEN_ENROLLMENT_STATUSES, to: 'withdrawn' },
  promote: { from: ['waitlisted'], to: 'active' },
  complete: { from: ['active'], to: 'completed' },
  fail: { from: ['active'], to: 'failed' },
  reopen: { from: ['completed', 'failed'], to: 'active' },
};
export type EnrollmentTransition = keyof typeof ENROLLMENT_TRANSITIONS;

/**
 * Why the system (not a person) closed or reopened an enrollment: stored as a code beside the
 * reason a person typed (`status_reason_code`), and written in the reader's language wherever it
 * is shown (the web app, the reports). A referral that follows the enrollment takes the same code.
 */
export const SYSTEM_REASONS = [
  'group_cancelled',
  'group_completed',
  'attendance_below_threshold',
  'group_reopened',
] as const;
export type SystemReason = (typeof SYSTEM_REASONS)[number];
