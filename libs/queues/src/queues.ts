/**
 * Every queue and job of the system, with its payload type, in one place. Payloads hold ids only,
 * never personal data: the worker reads what it needs from the database.
 */
export const CERTIFICATE_QUEUE = 'certificates';
export const ISSUE_CERTIFICATE_JOB = 'issue-certificate';

export interface IssueCertificatePayload {
  certificateId: string;
}

/** One job id per certificate, so a certificate queued twice is still one job. */
export function certificateJobId(certificateId: string): string {
  return `certificate-${certificateId}`;
}

export const DOCUMENT_QUEUE = 'documents';
export const PREPARE_DOCUMENT_JOB = 'prepare-document';

export interface PrepareDocumentPayload {
  documentId: string;
}

/** One job id per prepared document, so asking again while it is pending adds no second job. */
export function documentJobId(documentId: string): string {
  return `document-${documentId}`;
}

/** A job as the outbox keeps it until the relay queues it: queue, name, payload and its id. */
export type QueuedJob =
  | {
      queue: typeof CERTIFICATE_QUEUE;
      name: typeof ISSUE_CERTIFICATE_JOB;
      data: IssueCertificatePayload;
      jobId: string;
    }
  | {
      queue: typeof DOCUMENT_QUEUE;
      name: typeof PREPARE_DOCUMENT_JOB;
      data: PrepareDocumentPayload;
      jobId: string;
    };

export function issueCertificateJob(certificateId: string): QueuedJob {
  return {
    queue: CERTIFICATE_QUEUE,
    name: ISSUE_CERTIFICATE_JOB,
    data: { certificateId },
    jobId: certificateJobId(certificateId),
  };
}

export function prepareDocumentJob(documentId: string): QueuedJob {
  return {
    queue: DOCUMENT_QUEUE,
    name: PREPARE_DOCUMENT_JOB,
    data: { documentId },
    jobId: documentJobId(documentId),
  };
}
