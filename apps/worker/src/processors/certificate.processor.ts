import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { CertificateIssuer, type IssueOutcome } from '@sheber/certificates';
import { CERTIFICATE_QUEUE, type IssueCertificatePayload } from '@sheber/queues';

/** How long a stopping worker waits for its running jobs (a render takes milliseconds). */
const CLOSE_WAIT_MS = 5_000;

/**
 * Renders certificates; the work is in CertificateIssuer, which is safe to run twice. A render
 * takes milliseconds, so the job lock can be short: the jobs of a worker that died are taken up
 * by another within about 15 s (lock 10 s, stalled check every 5 s) instead of a minute.
 */
@Processor(CERTIFICATE_QUEUE, { concurrency: 4, lockDuration: 10_000, stalledInterval: 5_000 })
export class CertificateProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Certificates');

  constructor(private readonly issuer: CertificateIssuer) {
    super();
  }

  /**
   * On SIGTERM the running jobs finish (and the ones not started stay queued for another worker)
   * before the shutdown hooks close the database: Nest runs BullMQ's own close in the same phase
   * as TypeORM's, in no set order, and a job cut off there renders again elsewhere. Bounded: with
   * Redis away the close could wait for ever; a job left then is taken up after its lock expires.
   */
  async beforeApplicationShutdown(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.worker.close(),
      new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS))),
    ]);
    clearTimeout(timer);
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
