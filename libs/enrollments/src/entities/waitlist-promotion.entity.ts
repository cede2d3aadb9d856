import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { User } from '@sheber/users';
import { Enrollment } from './enrollment.entity';

/**
 * A waitlisted trainee who took a freed seat. Kept until staff have told the trainee (called,
 * then acknowledged here), so that nobody learns of a seat only by chance.
 */
@Entity({ name: 'waitlist_promotions' })
@Index('ix_waitlist_promotions_unacknowledged', ['promotedAt', 'id'], {
  where: `"acknowledged_at" IS NULL`,
})
@Index('ix_waitlist_promotions_enrollment', ['enrollmentId'])
@Check(
  'ck_waitlist_promotion_acknowledged',
  `("acknowledged_at" IS NULL) = ("acknowledged_by" IS NULL)`,
)
export class WaitlistPromotion {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_waitlist_promotions' })
  id: string;

  @Column({ name: 'enrollment_id', type: 'uuid' })
  enrollmentId: string;

  @ManyToOne(() => Enrollment, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'enrollment_id',
    foreignKeyConstraintName: 'fk_waitlist_promotion_enrollment',
  })
  enrollment?: Relation<Enrollment>;

  @Column({ name: 'promoted_at', type: 'timestamptz', default: () => 'now()' })
  promotedAt: Date;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ name: 'acknowledged_by', type: 'uuid', nullable: true })
  acknowledgedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'acknowledged_by',
    foreignKeyConstraintName: 'fk_waitlist_promotion_acknowledged_by',
  })
  acknowledgedByUser?: Relation<User>;
}
