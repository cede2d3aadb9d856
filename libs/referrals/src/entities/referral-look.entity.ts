import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { User } from '@sheber/users';

/** When an officer last looked at the own centre's referrals: what changed since is new to them. */
@Entity({ name: 'referral_looks' })
export class ReferralLook {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_referral_looks' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_referral_look_user' })
  user?: Relation<User>;

  @Column({ name: 'looked_at', type: 'timestamptz' })
  lookedAt: Date;
}
