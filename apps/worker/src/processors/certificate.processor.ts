import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { CertificateIssuer, type IssueOutcome } from '@sheber/certificates';
import { CERTIFICATE_QUEUE, type IssueCertificatePayload } from '@sheber/queues';

/**
 * Renders certificates; the work is in CertificateIssuer, which is safe to run twice. A render
 * takes milliseconds, so the job lock can be short: the jobs of a worker that died are taken up
 * by another within about 15 s (lock 10 s, stalled check every 5 s) instead of a minute.
 */
@Processor(CERTIFICATE_QUEUE, { concurrency: 4, lockDuration: 10_000, stalledInterval: 5_000 })
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
