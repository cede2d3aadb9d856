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
import { Craft } from '@sheber/crafts';

/** A course of the catalogue: one craft, its hours and the attendance needed to complete it. */
@Entity({ name: 'courses' })
@Index('ix_courses_craft', ['craft'])
@Check('ck_course_hours', `"hours" BETWEEN 1 AND 2000`)
@Check('ck_course_min_attendance', `"min_attendance_percent" BETWEEN 0 AND 100`)
export class Course {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_courses' })
  id: string;

  @Column({ type: 'varchar', length: 32 })
  craft: string;

  @ManyToOne(() => Craft, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'craft', foreignKeyConstraintName: 'fk_course_craft' })
  craftRef?: Relation<Craft>;

  /** In Kazakh or Russian, stored and returned as given; sorted in Kazakh order (kk_kz). */
  @Column({ type: 'varchar', length: 200, collation: 'kk_kz' })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'integer' })
  hours: number;

  @Column({ name: 'min_attendance_percent', type: 'integer', default: 80 })
  minAttendancePercent: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
