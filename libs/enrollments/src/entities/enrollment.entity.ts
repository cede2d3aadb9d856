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
  UpdateDateColumn,
} from 'typeorm';
import { sqlStringList } from '@sheber/database/sql';
import { Group } from '@sheber/groups';
import { Trainee } from '@sheber/trainees';
import {
  ENROLLMENT_STATUS,
  ENROLLMENT_STATUSES,
  type EnrollmentStatus,
  OPEN_ENROLLMENT_STATUSES,
  type SystemReason,
} from '../enrollment-status';

/** A trainee in a group. At most one active-or-waitlisted enrollment per trainee and group. */
@Entity({ name: 'enrollments' })
@Index('uq_enrollment_trainee_group_open', ['traineeId', 'groupId'], {
  unique: true,
  where: `"status" IN (${sqlStringList(OPEN_ENROLLMENT_STATUSES)})`,
})
@Index('uq_enrollment_waitlist_position', ['groupId', 'waitlistPosition'], {
  unique: true,
  where: `"status" = '${ENROLLMENT_STATUS.waitlisted}'`,
})
@Index('ix_enrollments_group_status', ['groupId', 'status'])
@Index('ix_enrollments_trainee_status', ['traineeId', 'status'])
@Check('ck_enrollment_status', `"status" IN (${sqlStringList(ENROLLMENT_STATUSES)})`)
@Check(
  'ck_enrollment_waitlist_position',
  `("status" = '${ENROLLMENT_STATUS.waitlisted}') = ("waitlist_position" IS NOT NULL)`,
)
export class Enrollment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_enrollments' })
  id: string;

  @Column({ name: 'trainee_id', type: 'uuid' })
  traineeId: string;

  @ManyToOne(() => Trainee, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'trainee_id', foreignKeyConstraintName: 'fk_enrollment_trainee' })
  trainee?: Relation<Trainee>;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @ManyToOne(() => Group, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'fk_enrollment_group' })
  group?: Relation<Group>;

  @Column({ type: 'varchar', length: 16 })
  status: EnrollmentStatus;

  /** 1, 2, 3 … while waitlisted; null otherwise. */
  @Column({ name: 'waitlist_position', type: 'integer', nullable: true })
  waitlistPosition: number | null;

  /** Why, as a person typed it (a withdrawal, a reopening). */
  @Column({ name: 'status_reason', type: 'varchar', length: 500, nullable: true })
  statusReason: string | null;

  /** Why, when the system decided (a cancelled or completed group): one of SYSTEM_REASONS. */
  @Column({ name: 'status_reason_code', type: 'varchar', length: 32, nullable: true })
  statusReasonCode: SystemReason | null;

  @Column({ name: 'status_changed_at', type: 'timestamptz', default: () => 'now()' })
  statusChangedAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
