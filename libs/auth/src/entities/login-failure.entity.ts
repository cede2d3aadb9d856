import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins counted while Redis is unreachable (Redis counts them otherwise). The key is a
 * hash of the account and address, or of the address alone: no email or address is stored.
 */
@Entity({ name: 'login_failures' })
export class LoginFailure {
  @PrimaryColumn({ type: 'varchar', length: 80, primaryKeyConstraintName: 'pk_login_failures' })
  key: string;

  @Column({ type: 'integer' })
  failures: number;

  /** No attempt of this key is checked before this moment. */
  @Column({ name: 'blocked_until', type: 'timestamptz', nullable: true })
  blockedUntil: Date | null;

  /** When the count is forgotten. */
  @Index('ix_login_failures_expires_at')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
