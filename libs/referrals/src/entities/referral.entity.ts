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
import { Craft } from '@sheber/crafts';
import { sqlStringList } from '@sheber/database/sql';
import { EmploymentCenter } from '@sheber/employment-centers';
import { Enrollment, type SystemReason } from '@sheber/enrollments';
import { Trainee } from '@sheber/trainees';
import { User } from '@sheber/users';
import {
  ENROLLED_REFERRAL_STATUSES,
  OPEN_REFERRAL_STATUSES,
  REFERRAL_OUTCOMES,
  REFERRAL_STATUS,
  REFERRAL_STATUSES,
  type ReferralOutcome,
  type ReferralStatus,
} from '../referral-status';

/**
 * A job seeker sent to the centre by an employment centre, followed from the referral to a job.
 * The person is kept as referred; intake links the trainee found or registered by the IIN, and
 * the enrollment whose changes the referral's status follows.
 */
@Entity({ name: 'referrals' })
@Unique('uq_referral_center_number', ['employmentCenterId', 'number'])
@Index('uq_referral_person_open', ['iin'], {
  unique: true,
  where: `"status" IN (${sqlStringList(OPEN_REFERRAL_STATUSES)})`,
})
@Index('uq_referral_enrollment', ['enrollmentId'], {
  unique: true,
  where: `"enrollment_id" IS NOT NULL`,
})
@Index('ix_referrals_center_created', ['employmentCenterId', 'createdAt', 'id'])
@Index('ix_referrals_created', ['createdAt', 'id'])
// A trigram index on the whole name (GIN, gin_trgm_ops), which TypeORM cannot describe.
@Index('ix_referrals_name_trgm', { synchronize: false })
@Index('ix_referrals_status', ['status'])
@Index('ix_referrals_iin', ['iin'])
@Check('ck_referral_iin_format', `"iin" ~ '^[0-9]{12}$'`)
@Check('ck_referral_status', `"status" IN (${sqlStringList(REFERRAL_STATUSES)})`)
@Check(
  'ck_referral_enrollment',
  `"status" NOT IN (${sqlStringList(ENROLLED_REFERRAL_STATUSES)}) OR "enrollment_id" IS NOT NULL`,
)
@Check(
  'ck_referral_outcome',
  `"outcome" IS NULL OR "outcome" IN (${sqlStringList(REFERRAL_OUTCOMES)})`,
)
@Check('ck_referral_outcome_date', `("outcome" IS NULL) = ("outcome_date" IS NULL)`)
export class Referral {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_referrals' })
  id: string;

  @Column({ name: 'employment_center_id', type: 'uuid' })
  employmentCenterId: string;

  @ManyToOne(() => EmploymentCenter, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'employment_center_id',
    foreignKeyConstraintName: 'fk_referral_employment_center',
  })
  employmentCenter?: Relation<EmploymentCenter>;

  /** The employment centre's own document number, unique within that centre. */
  @Column({ type: 'varchar', length: 50 })
  number: string;

  @Column({ type: 'char', length: 12 })
  iin: string;

  // kk_kz: names sort in Kazakh alphabetical order (migration KazakhCollationAndSearchIndexes).
  @Column({ name: 'last_name', type: 'varchar', length: 100, collation: 'kk_kz' })
  lastName: string;

  @Column({ name: 'first_name', type: 'varchar', length: 100, collation: 'kk_kz' })
  firstName: string;

  @Column({ type: 'varchar', length: 100, nullable: true, collation: 'kk_kz' })
  patronymic: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  categories: string[];

  @Column({ type: 'varchar', length: 32 })
  craft: string;

  @ManyToOne(() => Craft, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'craft', foreignKeyConstraintName: 'fk_referral_craft' })
  craftRef?: Relation<Craft>;

  /** The course the officer would prefer, if any; staff choose the group. */
  @Column({ name: 'course_id', type: 'uuid', nullable: true })
  courseId: string | null;

  @ManyToOne(() => Course, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'fk_referral_course' })
  course?: Relation<Course>;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 16, default: REFERRAL_STATUS.submitted })
  status: ReferralStatus;

  /** Why it was rejected, cancelled or dropped. */
  @Column({ name: 'status_reason', type: 'varchar', length: 500, nullable: true })
  statusReason: string | null;

  /** Why, when the system decided (its enrollment's SYSTEM_REASONS code); shown translated. */
  @Column({ name: 'status_reason_code', type: 'varchar', length: 32, nullable: true })
  statusReasonCode: SystemReason | null;

  @Column({ name: 'status_changed_at', type: 'timestamptz', default: () => 'now()' })
  statusChangedAt: Date;

  @Column({ name: 'trainee_id', type: 'uuid', nullable: true })
  traineeId: string | null;

  @ManyToOne(() => Trainee, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'trainee_id', foreignKeyConstraintName: 'fk_referral_trainee' })
  trainee?: Relation<Trainee>;

  @Column({ name: 'enrollment_id', type: 'uuid', nullable: true })
  enrollmentId: string | null;

  @ManyToOne(() => Enrollment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrollment_id', foreignKeyConstraintName: 'fk_referral_enrollment' })
  enrollment?: Relation<Enrollment>;

  @Column({ type: 'varchar', length: 20, nullable: true })
  outcome: ReferralOutcome | null;

  @Column({ name: 'outcome_date', type: 'date', nullable: true })
  outcomeDate: string | null;

  @Column({ name: 'outcome_note', type: 'varchar', length: 1000, nullable: true })
  outcomeNote: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_referral_created_by' })
  creator?: Relation<User>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
