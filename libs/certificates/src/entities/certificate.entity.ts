import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { sqlStringList } from '@sheber/database/sql';
import { Enrollment } from '@sheber/enrollments';
import {
  CERTIFICATE_STATUS,
  CERTIFICATE_STATUSES,
  type CertificateStatus,
} from '../certificate-status';

/**
 * The certificate of one completed enrollment: never two that are not revoked
 * (uq_certificate_enrollment); a revoked one stays, under its number, beside its replacement.
 */
@Entity({ name: 'certificates' })
@Index('uq_certificate_enrollment', ['enrollmentId'], {
  unique: true,
  where: `"status" <> '${CERTIFICATE_STATUS.revoked}'`,
})
@Index('ix_certificates_enrollment', ['enrollmentId'])
@Unique('uq_certificate_number', ['number'])
@Unique('uq_certificate_verification_code', ['verificationCode'])
@Index('ix_certificates_status', ['status', 'updatedAt'])
// A trigram index on the number (search by a fragment), made by a migration.
@Index('ix_certificates_number_trgm', { synchronize: false })
@Check('ck_certificate_status', `"status" IN (${sqlStringList(CERTIFICATE_STATUSES)})`)
@Check('ck_certificate_number', `"number" ~ '^SHB-[0-9]{4}-[0-9]{5,}$'`)
export class Certificate {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_certificates' })
  id: string;

  @Column({ name: 'enrollment_id', type: 'uuid' })
  enrollmentId: string;

  // Many-to-one on purpose: the one-to-one is uq_certificate_enrollment, under a name of ours.
  @ManyToOne(() => Enrollment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrollment_id', foreignKeyConstraintName: 'fk_certificate_enrollment' })
  enrollment?: Relation<Enrollment>;

  /** `SHB-YYYY-NNNNN`, consecutive within the year. */
  @Column({ type: 'varchar', length: 32 })
  number: string;

  /** Random, at least 80 bits; printed as a QR code that opens the public verification page. */
  @Column({ name: 'verification_code', type: 'varchar', length: 32 })
  verificationCode: string;

  @Column({ type: 'varchar', length: 16, default: CERTIFICATE_STATUS.pending })
  status: CertificateStatus;

  @Column({ name: 'failure_reason', type: 'varchar', length: 1000, nullable: true })
  failureReason: string | null;

  @Column({ name: 'file_key', type: 'varchar', length: 300, nullable: true })
  fileKey: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  sha256: string | null;

  @Column({ name: 'issued_at', type: 'timestamptz', nullable: true })
  issuedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoke_reason', type: 'varchar', length: 500, nullable: true })
  revokeReason: string | null;

  /** The certificate reissued in this one's place (this one is then revoked). */
  @Column({ name: 'replaced_by_id', type: 'uuid', nullable: true })
  replacedById: string | null;

  @ManyToOne(() => Certificate, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'replaced_by_id', foreignKeyConstraintName: 'fk_certificate_replaced_by' })
  replacedBy?: Relation<Certificate>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** The last certificate number given in a year; bumped in the issuing transaction, so no gaps. */
@Entity({ name: 'certificate_counters' })
export class CertificateCounter {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_certificate_counters' })
  year: number;

  @Column({ name: 'last_number', type: 'integer' })
  lastNumber: number;
}
