import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { CertificateStorage } from '@sheber/certificates';
import { type Actor, ConflictError, NotFoundError } from '@sheber/common';
import { GroupsService } from '@sheber/groups';
import {
  DOCUMENT_QUEUE,
  documentJobId,
  PREPARE_DOCUMENT_JOB,
  type PrepareDocumentPayload,
} from '@sheber/queues';
import { documentWithGroup } from './document-access.queries';
import { type DocumentInputs, documentInputsHash, isLarge } from './document-inputs';
import { DocumentPreparer } from './document-preparer.service';
import { DocumentsRepository, type DocumentRow } from './documents.repository';
import { DocumentView } from './dto/document.dto';
import type { DocumentKind } from './entities/prepared-document.entity';

/** How long a request waits for Redis to take a job (a healthy Redis takes it at once). */
const QUEUE_WAIT_MS = 1000;

/** A printed document: the file now, or the prepared document to ask for again. */
export type PrintedDocument =
  { file: { filename: string; pdf: Buffer } } | { preparing: DocumentView };

function toView(row: DocumentRow): DocumentView {
  return {
    id: row.id,
    kind: row.kind,
    groupId: row.group_id,
    status: row.status,
    failureReason: row.failure_reason,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

function fileName(kind: DocumentKind, code: string): string {
  const safe = code.replace(/[^A-Za-z0-9-]/g, '');
  return kind === 'attendance_journal' ? `attendance-${safe}.pdf` : `certificates-${safe}.pdf`;
}

/**
 * The printed documents of a group: the attendance journal and the set of its certificates. A
 * small one is drawn inside the request; a large one (document-inputs.ts) is prepared by the
 * worker into the certificate storage, under `documents/<id>.pdf`, and asked for again by id.
 */
@Injectable()
export class DocumentsService {
  private readonly logger = new Logger('Documents');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly groups: GroupsService,
    private readonly repository: DocumentsRepository,
    private readonly preparer: DocumentPreparer,
    private readonly storage: CertificateStorage,
    @InjectQueue(DOCUMENT_QUEUE) private readonly queue: Queue<PrepareDocumentPayload>,
  ) {}

  /** The group's journal (staff; a master, of their own group). */
  async attendanceJournal(actor: Actor, groupId: string): Promise<PrintedDocument> {
    await this.groups.findVisibleGroup(actor, groupId);
    return this.print(
      actor,
      groupId,
      await this.preparer.readInputs('attendance_journal', groupId),
    );
  }

  /** Every issued certificate of the group (staff); 409 when there is none. */
  async groupCertificates(actor: Actor, groupId: string): Promise<PrintedDocument> {
    return this.print(
      actor,
      groupId,
      await this.preparer.readInputs('group_certificates', groupId),
    );
  }

  private codeOf(inputs: DocumentInputs): string {
    return inputs.kind === 'attendance_journal' ? inputs.journal.code : inputs.code;
  }

  private async print(
    actor: Actor,
    groupId: string,
    inputs: DocumentInputs,
  ): Promise<PrintedDocument> {
    const filename = fileName(inputs.kind, this.codeOf(inputs));
    if (!isLarge(inputs)) return { file: { filename, pdf: await this.preparer.render(inputs) } };
    const hash = documentInputsHash(inputs);
    // Twice at most: a ready document whose file is gone is marked failed, and made again.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const created = await this.repository.insertPending(inputs.kind, groupId, actor.id, hash);
      if (created) {
        await this.queueWithoutWaiting([created.id]);
        return { preparing: toView(created) };
      }
      const existing = await this.repository.findByInputs(inputs.kind, groupId, hash);
      // Failed between the insert and this read: the next round makes a new one.
      if (!existing) continue;
      if (existing.status === 'pending') return { preparing: toView(existing) };
      try {
        return { file: { filename, pdf: await this.storage.get(existing.file_key!) } };
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        this.logger.warn(`Document ${existing.id} is ready but its file is missing`);
        await this.preparer.markFailed(existing.id, 'file missing from the storage', 'ready');
      }
    }
    throw new ConflictError('document_busy', 'The document changed twice meanwhile; ask again');
  }

  /**
   * A prepared document by id: the file when ready, else its state. Staff see any; a master only
   * the journal of a group they teach, and "not found" for anything else.
   */
  async readDocument(actor: Actor, id: string): Promise<PrintedDocument> {
    const row = await documentWithGroup(this.dataSource, id);
    if (
      !row ||
      (actor.role === 'master' && (row.kind !== 'attendance_journal' || row.master_id !== actor.id))
    )
      throw new NotFoundError('Document', id);
    if (row.status === 'failed') {
      throw new ConflictError(
        'document_failed',
        `Document ${id} could not be prepared: ${row.failure_reason ?? 'unknown'}; ask for it again`,
      );
    }
    if (row.status === 'pending') return { preparing: toView(row) };
    return {
      file: { filename: fileName(row.kind, row.code), pdf: await this.storage.get(row.file_key!) },
    };
  }

  /** From a request: Redis gets QUEUE_WAIT_MS; a job not taken is queued by the sweeper later. */
  private async queueWithoutWaiting(ids: string[]): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const attempt = this.queue.addBulk(
      ids.map((documentId) => ({
        name: PREPARE_DOCUMENT_JOB,
        data: { documentId },
        opts: { jobId: documentJobId(documentId) },
      })),
    );
    try {
      await Promise.race([
        attempt,
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`Redis did not answer in ${QUEUE_WAIT_MS} ms`)),
            QUEUE_WAIT_MS,
          );
        }),
      ]);
    } catch (error) {
      attempt.catch(() => undefined);
      this.logger.warn(
        `Could not queue documents now, the sweeper will: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      clearTimeout(timer);
    }
  }
}
