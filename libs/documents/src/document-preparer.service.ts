import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { CertificateIssuer, CertificateStorage } from '@sheber/certificates';
import { loadPdfFonts, NotFoundError, type PdfFonts } from '@sheber/common';
import { Environment } from '@sheber/config';
import { PG_UNIQUE_VIOLATION, postgresErrorInfo } from '@sheber/database/postgres-errors';
import { attendanceJournalOf, renderAttendanceJournalPdf } from '@sheber/lessons';
import {
  DOCUMENT_QUEUE,
  documentJobId,
  PREPARE_DOCUMENT_JOB,
  type PrepareDocumentPayload,
} from '@sheber/queues';
import { type DocumentInputs, documentInputsHash } from './document-inputs';
import { DocumentsRepository } from './documents.repository';
import type { DocumentKind, DocumentStatus } from './entities/prepared-document.entity';

/**
 * Reading and drawing a group's printed documents from the current data: inside a request for a
 * small one, in the worker for a prepared one. Needs the lessons' and certificates' read models,
 * never their services, so the worker loads no more than it draws with.
 */
@Injectable()
export class DocumentPreparer {
  private readonly logger = new Logger('Documents');
  private fonts?: PdfFonts;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: DocumentsRepository,
    private readonly issuer: CertificateIssuer,
    private readonly storage: CertificateStorage,
    private readonly env: Environment,
    @InjectQueue(DOCUMENT_QUEUE) private readonly queue: Queue<PrepareDocumentPayload>,
  ) {
    // As for certificates: one warning a minute while Redis is away, not one per reconnect.
    let lastWarning = 0;
    this.queue.on('error', (error: Error) => {
      if (Date.now() - lastWarning < 60_000) return;
      lastWarning = Date.now();
      this.logger.warn(`Document queue: ${error.message}`);
    });
  }

  async readInputs(kind: DocumentKind, groupId: string): Promise<DocumentInputs> {
    switch (kind) {
      case 'attendance_journal': {
        const journal = await attendanceJournalOf(
          this.dataSource,
          groupId,
          this.env.CENTRE_TIMEZONE,
        );
        if (!journal) throw new NotFoundError('Group', groupId);
        return { kind, journal };
      }
      case 'group_certificates': {
        const { code, documents } = await this.issuer.groupCertificateSet(groupId);
        return { kind, code, certificates: documents };
      }
    }
  }

  render(inputs: DocumentInputs): Promise<Buffer> {
    if (inputs.kind === 'group_certificates') {
      return this.issuer.renderCertificateSet(inputs.code, inputs.certificates);
    }
    this.fonts ??= loadPdfFonts();
    return renderAttendanceJournalPdf(inputs.journal, this.fonts);
  }

  /**
   * The worker's part: draws a pending document from the current data and stores it. Safe to run
   * twice: only a run that finds it still pending records the file. The hash recorded is that of
   * what was drawn, so a document prepared after its data changed is still matched exactly.
   */
  async prepareDocument(id: string): Promise<'prepared' | 'skipped'> {
    const row = await this.repository.findById(id);
    if (!row || row.status !== 'pending') return 'skipped';
    const started = performance.now();
    const inputs = await this.readInputs(row.kind, row.group_id);
    const pdf = await this.render(inputs);
    const key = `documents/${id}.pdf`;
    await this.storage.put(key, pdf);
    let updated: boolean;
    try {
      updated = await this.repository.markReady(id, key, documentInputsHash(inputs));
    } catch (error) {
      // Another document already shows exactly this data: this one was overtaken.
      const info = postgresErrorInfo(error);
      if (info?.code !== PG_UNIQUE_VIOLATION || info.constraint !== 'uq_document_inputs')
        throw error;
      await this.markFailed(id, 'superseded by a document of the same data', 'pending');
      await this.storage.remove(key);
      return 'skipped';
    }
    const outcome = updated ? 'prepared' : 'skipped';
    // Not recorded: prepared meanwhile by another run (into this same key, which stays) or given
    // up; then the file is no one's and goes.
    if (!updated && (await this.repository.findById(id))?.file_key !== key) {
      await this.storage.remove(key);
    }
    this.logger.log({
      msg: 'document prepared',
      documentId: id,
      kind: row.kind,
      outcome,
      ms: Math.round(performance.now() - started),
    });
    return outcome;
  }

  markFailed(id: string, reason: string, from: DocumentStatus = 'pending'): Promise<void> {
    return this.repository.markFailed(id, reason, from);
  }

  /** Documents pending for longer than `seconds`: their job was lost or never queued. */
  findStalePending(seconds: number, limit = 100): Promise<string[]> {
    return this.repository.findStalePending(seconds, limit);
  }

  /**
   * Queues documents (again): a job kept failed or completed under its id is removed first, as
   * adding under an existing id does nothing; a waiting or active one stays as it is.
   */
  async queueDocuments(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const states = await Promise.all(ids.map((id) => this.queue.getJobState(documentJobId(id))));
    await Promise.all(
      ids
        .filter((_, i) => states[i] === 'failed' || states[i] === 'completed')
        .map((id) => this.queue.remove(documentJobId(id))),
    );
    await this.queue.addBulk(
      ids.map((documentId) => ({
        name: PREPARE_DOCUMENT_JOB,
        data: { documentId },
        opts: { jobId: documentJobId(documentId) },
      })),
    );
  }
}
