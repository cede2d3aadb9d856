import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { CertificateIssuer, CertificatesService, CertificateStorage } from '@sheber/certificates';
import { type Actor, ConflictError, NotFoundError } from '@sheber/common';
import { PG_UNIQUE_VIOLATION, postgresErrorInfo } from '@sheber/database/postgres-errors';
import { GroupsService } from '@sheber/groups';
import { LessonsService } from '@sheber/lessons';
import {
  DOCUMENT_QUEUE,
  documentJobId,
  PREPARE_DOCUMENT_JOB,
  type PrepareDocumentPayload,
} from '@sheber/queues';
import { type DocumentInputs, documentInputsHash, isLarge } from './document-inputs';
import { DocumentView } from './dto/document.dto';
import type { DocumentKind, DocumentStatus } from './entities/prepared-document.entity';

/** How long a request waits for Redis to take a job (it takes one in about 1 ms). */
const QUEUE_WAIT_MS = 1000;

/** A printed document: the file now, or the prepared document to ask for again. */
export type PrintedDocument =
  { file: { filename: string; pdf: Buffer } } | { preparing: DocumentView };

interface DocumentRow {
  id: string;
  kind: DocumentKind;
  group_id: string;
  status: DocumentStatus;
  file_key: string | null;
  failure_reason: string | null;
  created_at: Date;
  finished_at: Date | null;
}

const COLUMNS =
  'd.id, d.kind, d.group_id, d.status, d.file_key, d.failure_reason, d.created_at, d.finished_at';

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
    private readonly lessons: LessonsService,
    private readonly certificates: CertificatesService,
    private readonly issuer: CertificateIssuer,
    private readonly storage: CertificateStorage,
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

  /** The group's journal (staff; a master, of their own group). */
  async attendanceJournal(actor: Actor, groupId: string): Promise<PrintedDocument> {
    await this.groups.findVisibleGroup(actor, groupId);
    return this.print(actor, groupId, await this.readInputs('attendance_journal', groupId));
  }

  /** Every issued certificate of the group (staff); 409 when there is none. */
  async groupCertificates(actor: Actor, groupId: string): Promise<PrintedDocument> {
    return this.print(actor, groupId, await this.readInputs('group_certificates', groupId));
  }

  private async readInputs(kind: DocumentKind, groupId: string): Promise<DocumentInputs> {
    switch (kind) {
      case 'attendance_journal':
        return { kind, journal: await this.lessons.attendanceJournal(groupId) };
      case 'group_certificates': {
        const { code, documents } = await this.certificates.groupCertificateDocuments(groupId);
        return { kind, code, certificates: documents };
      }
    }
  }

  private render(inputs: DocumentInputs): Promise<Buffer> {
    return inputs.kind === 'attendance_journal'
      ? this.lessons.renderJournal(inputs.journal)
      : this.issuer.renderCertificateSet(inputs.code, inputs.certificates);
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
    if (!isLarge(inputs)) return { file: { filename, pdf: await this.render(inputs) } };
    const hash = documentInputsHash(inputs);
    // Twice at most: a ready document whose file is gone is marked failed, and made again.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const [created] = await this.dataSource.query<DocumentRow[]>(
        `INSERT INTO documents AS d (kind, group_id, requested_by, inputs_sha256)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (kind, group_id, inputs_sha256) WHERE status <> 'failed' DO NOTHING
         RETURNING ${COLUMNS}`,
        [inputs.kind, groupId, actor.id, hash],
      );
      if (created) {
        await this.queueWithoutWaiting([created.id]);
        return { preparing: toView(created) };
      }
      const [existing] = await this.dataSource.query<DocumentRow[]>(
        `SELECT ${COLUMNS} FROM documents d
          WHERE d.kind = $1 AND d.group_id = $2 AND d.inputs_sha256 = $3 AND d.status <> 'failed'`,
        [inputs.kind, groupId, hash],
      );
      // Failed between the insert and this read: the next round makes a new one.
      if (!existing) continue;
      if (existing.status === 'pending') return { preparing: toView(existing) };
      try {
        return { file: { filename, pdf: await this.storage.get(existing.file_key!) } };
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        this.logger.warn(`Document ${existing.id} is ready but its file is missing`);
        await this.markFailed(existing.id, 'file missing from the storage', 'ready');
      }
    }
    throw new ConflictError('document_busy', 'The document changed twice meanwhile; ask again');
  }

  /**
   * A prepared document by id: the file when ready, else its state. Staff see any; a master only
   * the journal of a group they teach, and "not found" for anything else.
   */
  async readDocument(actor: Actor, id: string): Promise<PrintedDocument> {
    const [row] = await this.dataSource.query<
      (DocumentRow & { master_id: string | null; code: string })[]
    >(
      `SELECT ${COLUMNS}, g.master_id, g.code FROM documents d JOIN groups g ON g.id = d.group_id
        WHERE d.id = $1`,
      [id],
    );
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

  /**
   * The worker's part: draws a pending document from the current data and stores it. Safe to run
   * twice: only a run that finds it still pending records the file. The hash recorded is that of
   * what was drawn, so a document prepared after its data changed is still matched exactly.
   */
  async prepareDocument(id: string): Promise<'prepared' | 'skipped'> {
    const [row] = await this.dataSource.query<DocumentRow[]>(
      `SELECT ${COLUMNS} FROM documents d WHERE d.id = $1`,
      [id],
    );
    if (!row || row.status !== 'pending') return 'skipped';
    const started = performance.now();
    const inputs = await this.readInputs(row.kind, row.group_id);
    const pdf = await this.render(inputs);
    const key = `documents/${id}.pdf`;
    await this.storage.put(key, pdf);
    let updated: { id: string }[];
    try {
      updated = await this.dataSource.query<{ id: string }[]>(
        `UPDATE documents SET status = 'ready', file_key = $2, inputs_sha256 = $3,
                failure_reason = NULL, finished_at = now()
          WHERE id = $1 AND status = 'pending' RETURNING id`,
        [id, key, documentInputsHash(inputs)],
      );
    } catch (error) {
      // Another document already shows exactly this data: this one was overtaken.
      const info = postgresErrorInfo(error);
      if (info?.code !== PG_UNIQUE_VIOLATION || info.constraint !== 'uq_document_inputs')
        throw error;
      await this.markFailed(id, 'superseded by a document of the same data', 'pending');
      return 'skipped';
    }
    const outcome = updated.length > 0 ? 'prepared' : 'skipped';
    this.logger.log({
      msg: 'document prepared',
      documentId: id,
      kind: row.kind,
      outcome,
      ms: Math.round(performance.now() - started),
    });
    return outcome;
  }

  async markFailed(id: string, reason: string, from: DocumentStatus = 'pending'): Promise<void> {
    await this.dataSource.query(
      `UPDATE documents SET status = 'failed', failure_reason = $2, finished_at = now()
        WHERE id = $1 AND status = $3`,
      [id, reason.slice(0, 1000), from],
    );
  }

  /** Documents pending for longer than `seconds`: their job was lost or never queued. */
  async findStalePending(seconds: number, limit = 100): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM documents WHERE status = 'pending' AND created_at < now() - make_interval(secs => $1)
        ORDER BY created_at LIMIT $2`,
      [seconds, limit],
    );
    return rows.map((r) => r.id);
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
