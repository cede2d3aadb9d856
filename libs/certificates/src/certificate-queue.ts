import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import {
  CERTIFICATE_QUEUE,
  certificateJobId,
  ISSUE_CERTIFICATE_JOB,
  type IssueCertificatePayload,
} from '@sheber/queues';

/**
 * Queueing certificates again, for the sweeper and a group's re-queue; a completion's first jobs
 * go through the outbox instead (OutboxRelay).
 */
@Injectable()
export class CertificateQueue {
  private readonly logger = new Logger('Certificates');

  constructor(
    @InjectQueue(CERTIFICATE_QUEUE) private readonly queue: Queue<IssueCertificatePayload>,
  ) {
    // Without a listener BullMQ prints every failed reconnect to stderr; one warning a minute is
    // enough, and the health check reports Redis as down meanwhile.
    let lastWarning = 0;
    this.queue.on('error', (error: Error) => {
      if (Date.now() - lastWarning < 60_000) return;
      lastWarning = Date.now();
      this.logger.warn(`Certificate queue: ${error.message}`);
    });
  }

  /**
   * BullMQ keeps a failed job under its id (removeOnFail), and adding a job whose id exists does
   * nothing: a job that failed, or that stalled too often while its worker died, is removed
   * first. Waiting, delayed and active jobs stay as they are.
   */
  async requeueCertificates(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const states = await Promise.all(ids.map((id) => this.queue.getJobState(certificateJobId(id))));
    const finished = ids.filter((_, i) => states[i] === 'failed' || states[i] === 'completed');
    await Promise.all(finished.map((id) => this.queue.remove(certificateJobId(id))));
    await this.queue.addBulk(
      ids.map((certificateId) => ({
        name: ISSUE_CERTIFICATE_JOB,
        data: { certificateId },
        opts: { jobId: certificateJobId(certificateId) },
      })),
    );
  }
}
