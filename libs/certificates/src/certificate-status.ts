/**
 * A certificate's statuses and the moves between them, written once for the services, the SQL
 * that receives them (sets as parameters, one status as a named constant) and the web app. No
 * imports, so the web app can bundle this file as it is.
 */
export const CERTIFICATE_STATUSES = ['pending', 'issued', 'failed', 'revoked'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** Each status by its name, for SQL that names one status: `status = '${CERTIFICATE_STATUS.issued}'`. */
export const CERTIFICATE_STATUS = Object.fromEntries(CERTIFICATE_STATUSES.map((s) => [s, s])) as {
  readonly [S in CertificateStatus]: S;
};

/** Statuses of a certificate that stands: at most one per enrollment (uq_certificate_enrollment). */
export const STANDING_CERTIFICATE_STATUSES: readonly CertificateStatus[] = [
  'pending',
  'issued',
  'failed',
];

/**
 * Created `pending`; the worker issues it (a failed one too, once it is queued again) or, after
 * its last attempt, marks it `failed`; staff put a failed one back to `pending`; any standing one
 * may be revoked.
 */
export const CERTIFICATE_TRANSITIONS: Record<
  'issue' | 'fail' | 'retry' | 'revoke',
  { from: readonly CertificateStatus[]; to: CertificateStatus }
> = {
  issue: { from: ['pending', 'failed'], to: 'issued' },
  fail: { from: ['pending'], to: 'failed' },
  retry: { from: ['failed'], to: 'pending' },
  revoke: { from: STANDING_CERTIFICATE_STATUSES, to: 'revoked' },
};
export type CertificateTransition = keyof typeof CERTIFICATE_TRANSITIONS;
