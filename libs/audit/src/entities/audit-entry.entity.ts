import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One change made through the API, written in the same transaction as the change. */
@Entity({ name: 'audit_log' })
@Index('ix_audit_log_entity', ['entity', 'entityId', 'at'])
@Index('ix_audit_log_at', ['at', 'id'])
@Index('ix_audit_log_actor', ['actorId', 'at', 'id'])
export class AuditEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_audit_log' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  /** The user who made the change; null for the system (migrations, seed, command line). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 16 })
  actorRole: string;

  /** What was done: create, update, delete, view, or a domain verb such as enroll. */
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 64 })
  entity: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 64 })
  entityId: string;

  /** The changed fields, as `{ field: value }` or `{ field: { from, to } }`; never a secret. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  changes: Record<string, unknown>;

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId: string | null;
}
