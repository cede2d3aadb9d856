import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A token ended before its expiry (sign-out), by its id. Redis holds the same ids for the
 * per-request check; this table is the record that survives Redis and answers while it is down.
 * A row is useless once the token has expired, and is then deleted.
 */
@Entity({ name: 'revoked_tokens' })
export class RevokedToken {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_revoked_tokens' })
  jti: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Index('ix_revoked_tokens_expires_at')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @CreateDateColumn({ name: 'revoked_at', type: 'timestamptz' })
  revokedAt: Date;
}
