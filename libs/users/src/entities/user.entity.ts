import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Craft } from '@sheber/crafts';
import { EmploymentCenter } from '@sheber/employment-centers';
import type { Role } from '@sheber/common';

@Entity({ name: 'users' })
@Unique('uq_user_email', ['email'])
@Check('ck_user_role', `"role" IN ('admin', 'staff', 'master', 'officer')`)
@Check('ck_user_officer_center', `"role" <> 'officer' OR "employment_center_id" IS NOT NULL`)
@Check('ck_user_email_lowercase', `"email" = lower("email")`)
export class User {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_users' })
  id: string;

  /** Stored lower-case so that sign-in and uniqueness ignore case. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  // kk_kz: names sort in Kazakh alphabetical order (migration KazakhCollationAndSearchIndexes).
  @Column({ name: 'full_name', type: 'varchar', length: 200, collation: 'kk_kz' })
  fullName: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ name: 'password_hash', type: 'varchar', length: 255, select: false })
  passwordHash: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /**
   * Bumped when the password changes or is reset, the role changes or the account is deactivated:
   * every token issued before stops working.
   */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion: number;

  /** Set by an admin's password reset: the user may only change the password until they do. */
  @Column({ name: 'password_change_required', type: 'boolean', default: false })
  passwordChangeRequired: boolean;

  @Index('ix_users_employment_center')
  @Column({ name: 'employment_center_id', type: 'uuid', nullable: true })
  employmentCenterId: string | null;

  @ManyToOne(() => EmploymentCenter, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'employment_center_id',
    foreignKeyConstraintName: 'fk_user_employment_center',
  })
  employmentCenter?: Relation<EmploymentCenter>;

  /** The crafts a master is qualified to teach. */
  @ManyToMany(() => Craft)
  // The join table is the MasterCraft entity, which names its keys; this side only reads it.
  @JoinTable({
    name: 'master_crafts',
    synchronize: false,
    joinColumn: {
      name: 'user_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_master_craft_user',
    },
    inverseJoinColumn: {
      name: 'craft_code',
      referencedColumnName: 'code',
      foreignKeyConstraintName: 'fk_master_craft_craft',
    },
  })
  crafts?: Relation<Craft>[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
