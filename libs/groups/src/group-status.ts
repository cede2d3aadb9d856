/**
 * A group's statuses and the moves between them, written once: the service, the database
 * functions (as parameters) and the web app all read them from here. No imports, so the web app
 * can bundle this file as it is.
 */
export const GROUP_STATUSES = ['planned', 'open', 'in_progress', 'completed', 'cancelled'] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];

/** Each status by its name, for SQL that names one status: `status = '${GROUP_STATUS.open}'`. */
export const GROUP_STATUS = Object.fromEntries(GROUP_STATUSES.map((s) => [s, s])) as {
  readonly [S in GroupStatus]: S;
};

/** Statuses in which a group still runs or will run; its master and trainees are committed. */
export const UNFINISHED_GROUP_STATUSES: readonly GroupStatus[] = ['planned', 'open', 'in_progress'];

/** Statuses in which trainees may enroll (or join the waitlist) and attendance is marked. */
export const ENROLLING_GROUP_STATUSES: readonly GroupStatus[] = ['open', 'in_progress'];

/** `planned → open → in_progress → completed`, or `cancelled` from any of the first three. */
export const GROUP_TRANSITIONS: Record<
  'open' | 'start' | 'complete' | 'cancel',
  { from: readonly GroupStatus[]; to: GroupStatus }
> = {
  open: { from: ['planned'], to: 'open' },
  start: { from: ['open'], to: 'in_progress' },
  complete: { from: ['in_progress'], to: 'completed' },
  cancel: { from: UNFINISHED_GROUP_STATUSES, to: 'cancelled' },
};
export type GroupTransition = keyof typeof GROUP_TRANSITIONS;
