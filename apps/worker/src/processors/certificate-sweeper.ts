import { Injectable, Logger } from '@nestjs/common';
import { CertificateQueue, CertificatesRepository, CertificateStorage } from '@sheber/certificates';
import { Environment } from '@sheber/config';
import { PeriodicSweep } from './periodic-sweep';

/** A write takes milliseconds: a temporary file this old was abandoned by a killed worker. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/**
 * Queues again every certificate left pending too long: a job lost after the outbox relay queued
 * it (a Redis flushed or restarted without persistence, a job that stalled too often) is still
 * issued. The
 * database is the source of truth; the queue only says what to do next. At start and then once
 * an hour it also removes the temporary files of writes a killed worker left behind (listing the
 * whole storage every sweep would cost more than the files).
 */
@Injectable()
export class CertificateSweeper extends PeriodicSweep {
  protected readonly logger = new Logger('CertificateSweeper');
  private lastCleanup = 0;

  constructor(
    private readonly certificates: CertificatesRepository,
    private readonly queue: CertificateQueue,
    private readonly storage: CertificateStorage,
    private readonly env: Environment,
  ) {
    super();
  }

  protected intervalMs(): number {
    return this.env.CERTIFICATE_SWEEP_INTERVAL_SECONDS * 1000;
  }

  protected async sweepOnce(): Promise<number> {
    const ids = await this.certificates.findStalePending(
      this.env.CERTIFICATE_REQUEUE_AFTER_SECONDS,
      500,
    );
    await this.queue.requeueCertificates(ids);
    if (ids.length > 0) this.logger.log(`Queued ${ids.length} pending certificate(s) again`);
    if (Date.now() - this.lastCleanup >= ABANDONED_AFTER_MS) {
      this.lastCleanup = Date.now();
      const removed = await this.storage.removeAbandoned(ABANDONED_AFTER_MS);
      if (removed > 0) this.logger.log(`Removed ${removed} abandoned temporary file(s)`);
    }
    return ids.length;
  }
}
