import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { CertificateStorage, CertificatesService } from '@sheber/certificates';
import { Environment } from '@sheber/config';

/** A write takes milliseconds: a temporary file this old was abandoned by a killed worker. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/**
 * Queues again every certificate left pending too long: a job lost between commit and queueing,
 * or with a Redis that was flushed or restarted without persistence, is still issued. The
 * database is the source of truth; the queue only says what to do next. At start and then once
 * an hour it also removes the temporary files of writes a killed worker left behind (listing the
 * whole storage every sweep would cost more than the files).
 */
@Injectable()
export class CertificateSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('CertificateSweeper');
  private timer?: NodeJS.Timeout;
  private running = false;
  private lastCleanup = 0;

  constructor(
    private readonly certificates: CertificatesService,
    private readonly storage: CertificateStorage,
    private readonly env: Environment,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => void this.sweep(),
      this.env.CERTIFICATE_SWEEP_INTERVAL_SECONDS * 1000,
    );
    void this.sweep();
  }

  /** No new sweep once stopping; a running one finishes while the connections are open. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    const deadline = Date.now() + 5_000;
    while (this.running && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async sweep(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      const ids = await this.certificates.findStalePending(
        this.env.CERTIFICATE_REQUEUE_AFTER_SECONDS,
      );
      await this.certificates.requeueCertificates(ids);
      if (ids.length > 0) this.logger.log(`Queued ${ids.length} pending certificate(s) again`);
      if (Date.now() - this.lastCleanup >= ABANDONED_AFTER_MS) {
        this.lastCleanup = Date.now();
        const removed = await this.storage.removeAbandoned(ABANDONED_AFTER_MS);
        if (removed > 0) this.logger.log(`Removed ${removed} abandoned temporary file(s)`);
      }
      return ids.length;
    } catch (error) {
      this.logger.warn(`Sweep failed: ${error instanceof Error ? error.message : String(error)}`);
      return 0;
    } finally {
      this.running = false;
    }
  }
}
