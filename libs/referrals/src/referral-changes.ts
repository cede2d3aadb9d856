import type { ReferralStatus } from './referral-status';

/**
 * The changes of a referral an officer is told about: what the centre did with it (accepted,
 * enrolled, rejected), how the training went (dropped, completed) and the certificate. No imports
 * but a type, so the web app can bundle this file as it is.
 */
export const WATCHED_REFERRAL_STATUSES = [
  'accepted',
  'enrolled',
  'rejected',
  'dropped',
  'completed',
] as const satisfies readonly ReferralStatus[];

export const REFERRAL_CHANGE_KINDS = [...WATCHED_REFERRAL_STATUSES, 'certificate_issued'] as const;
export type ReferralChangeKind = (typeof REFERRAL_CHANGE_KINDS)[number];

/** How far back an officer who has never looked is shown changes. */
export const FIRST_LOOK_DAYS = 30;
