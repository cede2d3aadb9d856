import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Group } from '@sheber/groups';
import { User } from '@sheber/users';

export const DOCUMENT_KINDS = ['attendance_journal', 'group_certificates'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_STATUSES = ['pending', 'ready', 'failed'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/**
 * A printed document of a group that the worker prepares because it is large (see
 * DocumentsService). One per kind, group and inputs (uq_document_inputs): asking again for the
 * same data finds it, new data makes a new one; a failed one makes way for the next request.
 */
@Entity({ name: 'documents' })
@Index('uq_document_inputs', ['kind', 'groupId', 'inputsSha256'], {
  unique: true,
  where: `"status" <> 'failed'`,
})
@Index('ix_documents_status', ['status', 'createdAt'])
@Check('ck_document_kind', `"kind" IN ('attendance_journal', 'group_certificates')`)
@Check('ck_document_status', `"status" IN ('pending', 'ready', 'failed')`)
export class PreparedDocument {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_documents' })
  id: string;

  @Column({ type: 'varchar', length: 32 })
  kind: DocumentKind;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @ManyToOne(() => Group, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'fk_document_group' })
  group?: Relation<Group>;

  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'fk_document_requester' })
  requester?: Relation<User>;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: DocumentStatus;

  /** SHA-256 of the data the document shows (documentInputsHash): equal data, equal document. */
  @Column({ name: 'inputs_sha256', type: 'char', length: 64 })
  inputsSha256: string;

  @Column({ name: 'file_key', type: 'varchar', length: 300, nullable: true })
  fileKey: string | null;

  @Column({ name: 'failure_reason', type: 'varchar', length: 1000, nullable: true })
  failureReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
