import { Injectable, Logger } from '@nestjs/common';
import { Environment } from '@sheber/config';
import { DocumentPreparer } from '@sheber/documents';
import { PeriodicSweep } from './periodic-sweep';

/**
 * Queues again every document left pending too long (its job lost, or never queued while Redis
 * was away), on the certificate sweeper's interval and delay: the same failures, the same cure.
 */
@Injectable()
export class DocumentSweeper extends PeriodicSweep {
  protected readonly logger = new Logger('DocumentSweeper');

  constructor(
    private readonly documents: DocumentPreparer,
    private readonly env: Environment,
  ) {
    super();
  }

  protected intervalMs(): number {
    return this.env.CERTIFICATE_SWEEP_INTERVAL_SECONDS * 1000;
  }

  protected async sweepOnce(): Promise<number> {
    const ids = await this.documents.findStalePending(this.env.CERTIFICATE_REQUEUE_AFTER_SECONDS);
    await this.documents.queueDocuments(ids);
    if (ids.length > 0) this.logger.log(`Queued ${ids.length} pending document(s) again`);
    return ids.length;
  }
}
