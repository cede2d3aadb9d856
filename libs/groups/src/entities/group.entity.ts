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
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Course } from '@sheber/courses';
import { sqlStringList } from '@sheber/database/sql';
import { User } from '@sheber/users';
import { Workshop } from '@sheber/workshops';
import { GROUP_STATUS, GROUP_STATUSES, type GroupStatus } from '../group-status';
import type { ScheduleSlot } from '../schedule';

/**
 * A cohort of one course. `activeCount` and `waitlistCount` are kept by the trigger
 * `enrollment_seat_counters` in the statement that changes the enrollments
 * (docs/decisions/0010-seat-counters.md); enrollment takes a seat only under the group's row lock,
 * and the check constraint behind the counter keeps a group from ever holding more than `capacity`.
 */
@Entity({ name: 'groups' })
@Unique('uq_group_code', ['code'])
@Index('ix_groups_course', ['courseId'])
@Index('ix_groups_master', ['masterId'])
@Index('ix_groups_workshop', ['workshopId'])
// In the lists' order (start date descending); TypeORM's @Index cannot say descending.
@Index('ix_groups_start_code', { synchronize: false })
@Index('ix_groups_status_start_code', { synchronize: false })
@Check('ck_group_capacity_max_8', `"capacity" BETWEEN 1 AND 8`)
@Check('ck_group_active_within_capacity', `"active_count" BETWEEN 0 AND "capacity"`)
@Check('ck_group_waitlist_count', `"waitlist_count" >= 0`)
@Check('ck_group_dates', `"end_date" >= "start_date"`)
@Check('ck_group_status', `"status" IN (${sqlStringList(GROUP_STATUSES)})`)
export class Group {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_groups' })
  id: string;

  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'fk_group_course' })
  course?: Relation<Course>;

  @Column({ name: 'master_id', type: 'uuid', nullable: true })
  masterId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'master_id', foreignKeyConstraintName: 'fk_group_master' })
  master?: Relation<User>;

  /** Where it is held; unfinished groups of one workshop never meet at the same time. */
  @Column({ name: 'workshop_id', type: 'uuid', nullable: true })
  workshopId: string | null;

  @ManyToOne(() => Workshop, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'workshop_id', foreignKeyConstraintName: 'fk_group_workshop' })
  workshop?: Relation<Workshop>;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate: string;

  @Column({ type: 'jsonb' })
  schedule: ScheduleSlot[];

  @Column({ type: 'smallint', default: 8 })
  capacity: number;

  @Column({ type: 'varchar', length: 16, default: GROUP_STATUS.planned })
  status: GroupStatus;

  @Column({ name: 'active_count', type: 'integer', default: 0 })
  activeCount: number;

  @Column({ name: 'waitlist_count', type: 'integer', default: 0 })
  waitlistCount: number;

  /** When the group last moved to `completed`; an admin may reopen it within 24 hours. */
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
