import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { sqlRows } from '@sheber/database/sql';
import type { DocumentKind, DocumentStatus } from './entities/prepared-document.entity';

export interface DocumentRow {
  id: string;
  kind: DocumentKind;
  group_id: string;
  status: DocumentStatus;
  file_key: string | null;
  failure_reason: string | null;
  created_at: Date;
  finished_at: Date | null;
}

export const DOCUMENT_COLUMNS =
  'd.id, d.kind, d.group_id, d.status, d.file_key, d.failure_reason, d.created_at, d.finished_at';

/** The prepared documents: the only code that names their table. */
@Injectable()
export class DocumentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new pending document, or undefined when one of that data exists (uq_document_inputs). */
  /** A new pending document, in the caller's transaction; none when the same one exists. */
  async insertPending(
    manager: EntityManager,
    kind: DocumentKind,
    groupId: string,
    requestedBy: string,
    inputsSha256: string,
  ): Promise<DocumentRow | undefined> {
    const [created] = await sqlRows<DocumentRow>(
      manager,
      `INSERT INTO documents AS d (kind, group_id, requested_by, inputs_sha256)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (kind, group_id, inputs_sha256) WHERE status <> 'failed' DO NOTHING
       RETURNING ${DOCUMENT_COLUMNS}`,
      [kind, groupId, requestedBy, inputsSha256],
    );
    return created;
  }

  async findByInputs(
    kind: DocumentKind,
    groupId: string,
    inputsSha256: string,
  ): Promise<DocumentRow | undefined> {
    const [existing] = await this.dataSource.query<DocumentRow[]>(
      `SELECT ${DOCUMENT_COLUMNS} FROM documents d
        WHERE d.kind = $1 AND d.group_id = $2 AND d.inputs_sha256 = $3 AND d.status <> 'failed'`,
      [kind, groupId, inputsSha256],
    );
    return existing;
  }

  async findById(id: string): Promise<DocumentRow | undefined> {
    const [row] = await this.dataSource.query<DocumentRow[]>(
      `SELECT ${DOCUMENT_COLUMNS} FROM documents d WHERE d.id = $1`,
      [id],
    );
    return row;
  }

  /** Only a document still pending is marked: of two runs at once, one records it. */
  async markReady(id: string, fileKey: string, inputsSha256: string): Promise<boolean> {
    const updated = await sqlRows<{ id: string }>(
      this.dataSource,
      `UPDATE documents SET status = 'ready', file_key = $2, inputs_sha256 = $3,
              failure_reason = NULL, finished_at = now()
        WHERE id = $1 AND status = 'pending' RETURNING id`,
      [id, fileKey, inputsSha256],
    );
    return updated.length > 0;
  }

  async markFailed(id: string, reason: string, from: DocumentStatus): Promise<void> {
    await this.dataSource.query(
      `UPDATE documents SET status = 'failed', failure_reason = $2, finished_at = now()
        WHERE id = $1 AND status = $3`,
      [id, reason.slice(0, 1000), from],
    );
  }

  /** Documents pending for longer than `seconds`: their job was lost or never queued. */
  async findStalePending(seconds: number, limit: number): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM documents WHERE status = 'pending' AND created_at < now() - make_interval(secs => $1)
        ORDER BY created_at LIMIT $2`,
      [seconds, limit],
    );
    return rows.map((r) => r.id);
  }
}
