import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { QueuedJob } from '../queues';

/**
 * Jobs to queue once the transaction that wrote them commits (docs/decisions/0011-outbox.md):
 * the relay in the worker queues a row's jobs under their deterministic ids and marks it sent.
 */
@Entity({ name: 'outbox' })
@Index('ix_outbox_unsent', ['id'], { where: '"sent_at" IS NULL' })
export class OutboxMessage {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'pk_outbox',
  })
  id: string;

  @Column({ type: 'jsonb' })
  jobs: QueuedJob[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
