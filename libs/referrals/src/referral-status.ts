/**
 * A referral's statuses, the moves between them and its outcomes, written once for the services,
 * the SQL that receives them (sets as parameters, one status as a named constant) and the web
 * app. No imports, so the web app can bundle this file as it is.
 */
export const REFERRAL_STATUSES = [
  'submitted',
  'accepted',
  'enrolled',
  'completed',
  'rejected',
  'cancelled',
  'dropped',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Each status by its name, for SQL that names one status: `status = '${REFERRAL_STATUS.enrolled}'`. */
export const REFERRAL_STATUS = Object.fromEntries(REFERRAL_STATUSES.map((s) => [s, s])) as {
  readonly [S in ReferralStatus]: S;
};

/** Statuses in which a referral is still open: the same person cannot be referred again. */
export const OPEN_REFERRAL_STATUSES: readonly ReferralStatus[] = [
  'submitted',
  'accepted',
  'enrolled',
];

/** Statuses of a referral that has led to an enrollment (ck_referral_enrollment). */
export const ENROLLED_REFERRAL_STATUSES: readonly ReferralStatus[] = [
  'enrolled',
  'completed',
  'dropped',
];

/** Statuses after the training, in which the outcome is recorded. */
export const FINISHED_REFERRAL_STATUSES: readonly ReferralStatus[] = ['completed', 'dropped'];

/**
 * Staff accept a submitted referral (`accepted`, waiting for a group) or enroll it into a group,
 * from submitted or accepted; before enrollment the centre rejects or the officer cancels it; the
 * referral then follows its enrollment (completed, or dropped when withdrawn or failed) and goes
 * back to `enrolled` when a completed group is reopened.
 */
export const REFERRAL_TRANSITIONS: Record<
  'accept' | 'enroll' | 'reject' | 'cancel' | 'complete' | 'drop' | 'reopen',
  { from: readonly ReferralStatus[]; to: ReferralStatus }
> = {
  accept: { from: ['submitted'], to: 'accepted' },
  enroll: { from: ['submitted', 'accepted'], to: 'enrolled' },
  reject: { from: ['submitted', 'accepted'], to: 'rejected' },
  cancel: { from: ['submitted', 'accepted'], to: 'cancelled' },
  complete: { from: ['enrolled'], to: 'completed' },
  drop: { from: ['enrolled'], to: 'dropped' },
  reopen: { from: FINISHED_REFERRAL_STATUSES, to: 'enrolled' },
};
export type ReferralTransition = keyof typeof REFERRAL_TRANSITIONS;

export const REFERRAL_OUTCOMES = [
  'employed',
  'self_employed',
  'centre_workshop',
  'unemployed',
  'further_training',
] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

/** Outcomes that count as work in the employment rate. */
export const EMPLOYED_OUTCOMES: readonly ReferralOutcome[] = [
  'employed',
  'self_employed',
  'centre_workshop',
];
