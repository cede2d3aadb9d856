import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions that end before their tokens expire, and sign-in limits that hold while Redis is down:
 * revoked token ids (Redis keeps a copy for the per-request check), failed sign-ins counted here
 * only while Redis is unreachable, and the flag an admin's password reset sets on a user.
 */
export class SessionsAndSignInLimits1796035872685 implements MigrationInterface {
  name = 'SessionsAndSignInLimits1796035872685';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "revoked_tokens" (
                "jti" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_revoked_tokens" PRIMARY KEY ("jti")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_revoked_tokens_expires_at" ON "revoked_tokens" ("expires_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "login_failures" (
                "key" character varying(80) NOT NULL,
                "failures" integer NOT NULL,
                "blocked_until" TIMESTAMP WITH TIME ZONE,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "pk_login_failures" PRIMARY KEY ("key")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_login_failures_expires_at" ON "login_failures" ("expires_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "password_change_required" boolean NOT NULL DEFAULT false
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "password_change_required"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_login_failures_expires_at"
        `);
    await queryRunner.query(`
            DROP TABLE "login_failures"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_revoked_tokens_expires_at"
        `);
    await queryRunner.query(`
            DROP TABLE "revoked_tokens"
        `);
  }
}
