import { createHash } from 'node:crypto';
import type { CertificateDocument } from '@sheber/certificates';
import type { AttendanceJournal } from '@sheber/lessons';

/** Past these a document is prepared by the worker; up to them it is drawn inside the request. */
export const LARGE_JOURNAL_LESSONS = 60;
export const LARGE_CERTIFICATE_SET = 8;

export type DocumentInputs =
  | { kind: 'attendance_journal'; journal: AttendanceJournal }
  | { kind: 'group_certificates'; code: string; certificates: CertificateDocument[] };

export function isLarge(inputs: DocumentInputs): boolean {
  return inputs.kind === 'attendance_journal'
    ? inputs.journal.lessons.length > LARGE_JOURNAL_LESSONS
    : inputs.certificates.length > LARGE_CERTIFICATE_SET;
}

/**
 * What makes a prepared document current: the SHA-256 of everything printed on it, read again at
 * each request, except the day it was printed on. A mark, a lesson, a trainee's status or name,
 * a certificate issued or revoked all change the hash, and the request prepares a new document;
 * nothing to keep in step with the tables the data comes from.
 */
export function documentInputsHash(inputs: DocumentInputs): string {
  const data =
    inputs.kind === 'attendance_journal'
      ? { ...inputs.journal, printedOn: undefined }
      : { code: inputs.code, certificates: inputs.certificates };
  return createHash('sha256')
    .update(canonicalJson({ kind: inputs.kind, data }))
    .digest('hex');
}

/** JSON with the keys of every object sorted: a map filled in another order hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : item,
  );
}
