import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CertificateStorage } from '@sheber/certificates';
import { type Actor, ConflictError, NotFoundError } from '@sheber/common';
import { GroupsService } from '@sheber/groups';
import { prepareDocumentJob, QueuesRepository } from '@sheber/queues';
import { documentWithGroup } from './document-access.queries';
import { type DocumentInputs, documentInputsHash, isLarge } from './document-inputs';
import { DocumentPreparer } from './document-preparer.service';
import { DocumentsRepository, type DocumentRow } from './documents.repository';
import { DocumentView } from './dto/document.dto';
import type { DocumentKind } from './entities/prepared-document.entity';

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
    private readonly outbox: QueuesRepository,
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
      // The document and its job in one transaction: the worker's relay queues the job
      // (docs/decisions/0011-outbox.md), so a request never waits for Redis.
      const created = await this.dataSource.transaction(async (manager) => {
        const row = await this.repository.insertPending(
          manager,
          inputs.kind,
          groupId,
          actor.id,
          hash,
        );
        if (row) await this.outbox.addToOutbox(manager, [prepareDocumentJob(row.id)]);
        return row;
      });
      if (created) return { preparing: toView(created) };
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
    throw new ConflictError('document.busy');
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
      // The failure's own words (failure_reason) are for the operator, not for the screen.
      throw new ConflictError('document.failed', { id });
    }
    if (row.status === 'pending') return { preparing: toView(row) };
    return {
      file: { filename: fileName(row.kind, row.code), pdf: await this.storage.get(row.file_key!) },
    };
  }
}
