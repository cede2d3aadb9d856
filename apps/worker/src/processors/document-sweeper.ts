import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Environment } from '@sheber/config';
import { DocumentsService } from '@sheber/documents';

/**
 * Queues again every document left pending too long (its job lost, or never queued while Redis
 * was away), on the certificate sweeper's interval and delay: the same failures, the same cure.
 */
@Injectable()
export class DocumentSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DocumentSweeper');
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly documents: DocumentsService,
    private readonly env: Environment,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => void this.sweep(),
      this.env.CERTIFICATE_SWEEP_INTERVAL_SECONDS * 1000,
    );
    void this.sweep();
  }

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
      const ids = await this.documents.findStalePending(this.env.CERTIFICATE_REQUEUE_AFTER_SECONDS);
      await this.documents.queueDocuments(ids);
      if (ids.length > 0) this.logger.log(`Queued ${ids.length} pending document(s) again`);
      return ids.length;
    } catch (error) {
      this.logger.warn(`Sweep failed: ${error instanceof Error ? error.message : String(error)}`);
      return 0;
    } finally {
      this.running = false;
    }
  }
}
