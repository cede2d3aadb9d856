import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  Unique,
} from 'typeorm';
import { Group } from '@sheber/groups';

/** One lesson of a group: its local date and times, and the same as UTC instants. */
@Entity({ name: 'lessons' })
@Unique('uq_lesson_group_start', ['groupId', 'startsAt'])
@Index('ix_lessons_group_date', ['groupId', 'date'])
@Index('ix_lessons_starts_at', ['startsAt'])
@Check('ck_lesson_times', `"ends_at" > "starts_at"`)
export class Lesson {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_lessons' })
  id: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @ManyToOne(() => Group, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'fk_lesson_group' })
  group?: Relation<Group>;

  /** The centre's local date. */
  @Column({ type: 'date' })
  date: string;

  @Column({ name: 'start_time', type: 'varchar', length: 5 })
  startTime: string;

  @Column({ name: 'end_time', type: 'varchar', length: 5 })
  endTime: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;
}
