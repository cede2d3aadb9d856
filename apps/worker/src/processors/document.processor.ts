import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DocumentPreparer } from '@sheber/documents';
import { DOCUMENT_QUEUE, type PrepareDocumentPayload } from '@sheber/queues';

const CLOSE_WAIT_MS = 5_000;

/**
 * Prepares the large printed documents (a journal of many lessons takes a second or so); the
 * work is in DocumentPreparer.prepareDocument, which is safe to run twice. Two at a time, so a
 * burst of journals leaves the certificate jobs their share of the two cores.
 */
@Processor(DOCUMENT_QUEUE, { concurrency: 2, lockDuration: 30_000 })
export class DocumentProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Documents');

  constructor(private readonly documents: DocumentPreparer) {
    super();
  }

  /** As CertificateProcessor: running jobs finish before the database closes, within bounds. */
  async beforeApplicationShutdown(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.worker.close(),
      new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS))),
    ]);
    clearTimeout(timer);
  }

  async process(job: Job<PrepareDocumentPayload>): Promise<'prepared' | 'skipped'> {
    return this.documents.prepareDocument(job.data.documentId);
  }

  /** After the last attempt the document becomes `failed`; the next request makes a new one. */
  @OnWorkerEvent('failed')
  async onFailed(job: Job<PrepareDocumentPayload> | undefined, error: Error): Promise<void> {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    this.logger.warn(
      `Document ${job.data.documentId} failed after ${job.attemptsMade} attempts: ${error.message}`,
    );
    await this.documents.markFailed(job.data.documentId, error.message);
  }
}
