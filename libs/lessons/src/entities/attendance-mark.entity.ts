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
import { Enrollment } from '@sheber/enrollments';
import { Lesson } from './lesson.entity';

export const ATTENDANCE_STATUSES = ['present', 'late', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** One trainee's mark for one lesson. */
@Entity({ name: 'attendance_marks' })
@Unique('uq_attendance_lesson_enrollment', ['lessonId', 'enrollmentId'])
@Index('ix_attendance_enrollment', ['enrollmentId'])
@Check('ck_attendance_status', `"status" IN ('present', 'late', 'absent', 'excused')`)
export class AttendanceMark {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_attendance_marks' })
  id: string;

  @Column({ name: 'lesson_id', type: 'uuid' })
  lessonId: string;

  @ManyToOne(() => Lesson, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lesson_id', foreignKeyConstraintName: 'fk_attendance_lesson' })
  lesson?: Relation<Lesson>;

  @Column({ name: 'enrollment_id', type: 'uuid' })
  enrollmentId: string;

  @ManyToOne(() => Enrollment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrollment_id', foreignKeyConstraintName: 'fk_attendance_enrollment' })
  enrollment?: Relation<Enrollment>;

  @Column({ type: 'varchar', length: 8 })
  status: AttendanceStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ name: 'marked_by', type: 'uuid', nullable: true })
  markedBy: string | null;

  @Column({ name: 'marked_at', type: 'timestamptz', default: () => 'now()' })
  markedAt: Date;
}
