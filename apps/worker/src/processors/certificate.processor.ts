import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { CertificateIssuer, type IssueOutcome } from '@sheber/certificates';
import { CERTIFICATE_QUEUE, type IssueCertificatePayload } from '@sheber/queues';

/** Renders certificates; the work is in CertificateIssuer, which is safe to run twice. */
@Processor(CERTIFICATE_QUEUE, { concurrency: 4 })
export class CertificateProcessor extends WorkerHost {
  private readonly logger = new Logger('Certificates');

  constructor(private readonly issuer: CertificateIssuer) {
    super();
  }

  async process(job: Job<IssueCertificatePayload>): Promise<IssueOutcome> {
    return this.issuer.issueCertificate(job.data.certificateId);
  }

  /** After the last attempt the certificate becomes `failed` with the reason, to be queued again. */
  @OnWorkerEvent('failed')
  async onFailed(job: Job<IssueCertificatePayload> | undefined, error: Error): Promise<void> {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    this.logger.warn(
      `Certificate ${job.data.certificateId} failed after ${job.attemptsMade} attempts: ${error.message}`,
    );
    await this.issuer.markFailed(job.data.certificateId, error.message);
  }
}
